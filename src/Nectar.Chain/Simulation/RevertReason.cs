using System.Globalization;
using Nectar.Core.Numerics;
using Nectar.Evm.Tracing;

namespace Nectar.Chain.Simulation;

/// <summary>
/// The human-readable reason in revert data, as go-ethereum gives it after "execution reverted: ": the message of
/// Solidity's <c>Error(string)</c>, or the meaning of a <c>Panic(uint256)</c> code.
/// </summary>
public static class RevertReason
{
    private static ReadOnlySpan<byte> PanicSelector => [0x4e, 0x48, 0x7b, 0x71];

    /// <summary>Decodes the reason, if the data carries one.</summary>
    /// <param name="revertData">The bytes a frame reverted with.</param>
    /// <returns>The reason, or <see langword="null"/>.</returns>
    public static string? Decode(ReadOnlySpan<byte> revertData)
    {
        if (CallTracer.DecodeRevertReason(revertData) is { } message)
        {
            return message;
        }

        if (revertData.Length != 4 + 32 || !revertData[..4].SequenceEqual(PanicSelector))
        {
            return null;
        }

        var code = new UInt256(revertData[4..]);
        return !code.IsUInt64 ? UnknownPanic(code) : code.U0 switch
        {
            0x00 => "generic panic",
            0x01 => "assert(false)",
            0x11 => "arithmetic underflow or overflow",
            0x12 => "division or modulo by zero",
            0x21 => "enum overflow",
            0x22 => "invalid encoded storage byte array accessed",
            0x31 => "out-of-bounds array access; popping on an empty array",
            0x32 => "out-of-bounds access of an array or bytesN",
            0x41 => "out of memory",
            0x51 => "uninitialized function",
            _ => UnknownPanic(code),
        };
    }

    private static string UnknownPanic(in UInt256 code) => string.Create(CultureInfo.InvariantCulture, $"unknown panic code: {code.ToHexQuantity()}");
}
