using System.Globalization;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;

namespace Nectar.Contracts.Abi;

/// <summary>Decoded revert data: a message, a panic code, a custom error with arguments, or raw bytes.</summary>
public sealed class RevertReason
{
    private readonly AbiValue[] _arguments;

    internal RevertReason(RevertKind kind, ReadOnlyMemory<byte> data, AbiError? error, AbiValue[] arguments)
    {
        Kind = kind;
        Data = data;
        Error = error;
        _arguments = arguments;
    }

    /// <summary>What the data turned out to be.</summary>
    public RevertKind Kind { get; }

    /// <summary>The revert data as received.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The error whose selector matched: <see cref="AbiError.Error"/>, <see cref="AbiError.Panic"/> or a custom error; <see langword="null"/> otherwise.</summary>
    public AbiError? Error { get; }

    /// <summary>The decoded arguments of <see cref="Error"/>; empty when nothing was decoded.</summary>
    public IReadOnlyList<AbiValue> Arguments => _arguments;

    /// <summary>The message of an <c>Error(string)</c>; <see langword="null"/> for other kinds.</summary>
    public string? Message => Kind == RevertKind.Error ? _arguments[0].AsString() : null;

    /// <summary>The code of a <c>Panic(uint256)</c>; <see langword="null"/> for other kinds.</summary>
    public UInt256? PanicCode => Kind == RevertKind.Panic ? _arguments[0].AsUInt256() : null;

    /// <summary>
    /// A one-line description in the words clients show: <c>execution reverted: message</c>,
    /// <c>panic 0x11 (arithmetic overflow or underflow)</c>, <c>NotAdmitted(0x…)</c>.
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        RevertKind.Empty => "execution reverted",
        RevertKind.Error => "execution reverted: " + Message,
        RevertKind.Panic => string.Create(CultureInfo.InvariantCulture, $"panic {PanicCode!.Value.ToHexQuantity()} ({PanicCodes.Describe(PanicCode.Value)})"),
        RevertKind.CustomError => Error!.Name + AbiValue.TupleOf(_arguments).ToString(),
        _ => "execution reverted with unrecognized data " + Hex.ToHexString(Data.Span),
    };
}
