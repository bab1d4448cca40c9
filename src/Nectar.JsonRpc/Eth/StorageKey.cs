using Nectar.Core.Encoding;
using Nectar.Core.Numerics;

namespace Nectar.JsonRpc.Eth;

/// <summary>
/// Storage keys as go-ethereum reads them: hex of at most 32 bytes, the <c>0x</c> optional, an odd digit count
/// padded on the left; errors quote the key as sent.
/// </summary>
internal static class StorageKey
{
    /// <summary>Parses a key.</summary>
    /// <param name="text">The key as sent.</param>
    /// <param name="fullWidth">Whether it was written as exactly 32 bytes (proofs echo such keys unchanged).</param>
    /// <returns>The key.</returns>
    /// <exception cref="RpcException">Invalid params: too long, or not hex.</exception>
    public static UInt256 Parse(string text, out bool fullWidth)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = text.AsSpan();
        if (digits.Length >= 2 && digits[0] == '0' && (digits[1] | 0x20) == 'x')
        {
            digits = digits[2..];
        }

        if (digits.Length > 64)
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, $"storage key too long (want at most 32 bytes): \"{text}\"");
        }

        fullWidth = digits.Length == 64;
        Span<char> padded = stackalloc char[64];
        padded.Fill('0');
        digits.CopyTo(padded[(64 - digits.Length)..]);
        Span<byte> bytes = stackalloc byte[32];
        if (Hex.TryDecode(padded, bytes, out var written, HexPrefix.Forbidden) != HexError.None || written != 32)
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, $"invalid hex in storage key: \"{text}\"");
        }

        return new UInt256(bytes);
    }
}
