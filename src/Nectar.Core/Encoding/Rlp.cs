using System.Numerics;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Core.Encoding;

/// <summary>
/// Recursive Length Prefix helpers: exact encoded lengths (so callers size a buffer once and write with
/// <see cref="RlpWriter"/>), small encoders for non-hot code, and full validation of untrusted input.
/// </summary>
public static class Rlp
{
    /// <summary>The encoding of the empty byte string (and of the integer zero).</summary>
    public const byte EmptyString = 0x80;

    /// <summary>The encoding of the empty list.</summary>
    public const byte EmptyList = 0xC0;

    /// <summary>Encoded length of an address: one header byte and 20 bytes.</summary>
    public const int LengthOfAddress = 1 + Address.Length;

    /// <summary>Encoded length of a hash: one header byte and 32 bytes.</summary>
    public const int LengthOfHash256 = 1 + Hash256.Length;

    /// <summary>How deeply lists may nest in input that <see cref="Validate"/> and <see cref="RlpItem.Decode"/> accept.</summary>
    public const int MaxDepth = 512;

    /// <summary>Length of the header of a string or list whose payload is <paramref name="payloadLength"/> bytes.</summary>
    /// <param name="payloadLength">The payload length.</param>
    /// <returns>1 below 56 bytes, otherwise 1 plus the bytes of the big-endian length.</returns>
    public static int LengthOfHeader(int payloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        return payloadLength < 56 ? 1 : 1 + sizeof(int) - (BitOperations.LeadingZeroCount((uint)payloadLength) / 8);
    }

    /// <summary>Encoded length of a byte string.</summary>
    /// <param name="value">The payload.</param>
    /// <returns>1 for a single byte below 0x80, otherwise header plus payload.</returns>
    public static int LengthOfBytes(ReadOnlySpan<byte> value) =>
        value.Length == 1 && value[0] < 0x80 ? 1 : LengthOfHeader(value.Length) + value.Length;

    /// <summary>Encoded length of an unsigned integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>1 below 0x80, otherwise one header byte plus the minimal big-endian bytes.</returns>
    public static int LengthOfUInt64(ulong value) =>
        value < 0x80 ? 1 : 1 + sizeof(ulong) - (BitOperations.LeadingZeroCount(value) / 8);

    /// <summary>Encoded length of a 256-bit unsigned integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number of bytes <see cref="RlpWriter.WriteUInt256"/> writes.</returns>
    public static int LengthOfUInt256(in UInt256 value)
    {
        if (value.IsUInt64)
        {
            return LengthOfUInt64(value.U0);
        }

        return 1 + value.ByteLength;
    }

    /// <summary>Encoded length of an unsigned big-endian integer of any width (leading zeros are trimmed).</summary>
    /// <param name="bigEndian">The value, big-endian.</param>
    /// <returns>The encoded length.</returns>
    public static int LengthOfInteger(ReadOnlySpan<byte> bigEndian) => LengthOfBytes(TrimLeadingZeros(bigEndian));

    /// <summary>Encoded length of an optional address: 21, or 1 when absent.</summary>
    /// <param name="address">The address, or <see langword="null"/>.</param>
    /// <returns>The encoded length.</returns>
    public static int LengthOfOptionalAddress(Address? address) => address.HasValue ? LengthOfAddress : 1;

    /// <summary>Encoded length of a list whose items take <paramref name="contentLength"/> bytes.</summary>
    /// <param name="contentLength">The total encoded length of the items.</param>
    /// <returns>Header plus content.</returns>
    public static int LengthOfList(int contentLength) => checked(LengthOfHeader(contentLength) + contentLength);

    /// <summary>Encodes a byte string.</summary>
    /// <param name="value">The payload.</param>
    /// <returns>A new array with the encoding.</returns>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> value)
    {
        var result = new byte[LengthOfBytes(value)];
        var writer = new RlpWriter(result);
        writer.WriteBytes(value);
        return result;
    }

    /// <summary>Encodes an unsigned integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A new array with the encoding.</returns>
    public static byte[] EncodeUInt64(ulong value)
    {
        var result = new byte[LengthOfUInt64(value)];
        var writer = new RlpWriter(result);
        writer.WriteUInt64(value);
        return result;
    }

    /// <summary>Encodes an unsigned big-endian integer, trimming leading zeros.</summary>
    /// <param name="bigEndian">The value, big-endian.</param>
    /// <returns>A new array with the encoding.</returns>
    public static byte[] EncodeInteger(ReadOnlySpan<byte> bigEndian) => EncodeBytes(TrimLeadingZeros(bigEndian));

    /// <summary>Encodes a list from its already-encoded items.</summary>
    /// <param name="encodedItems">Each item's complete encoding, in order.</param>
    /// <returns>A new array with the encoding.</returns>
    public static byte[] EncodeList(params ReadOnlySpan<byte[]> encodedItems)
    {
        var contentLength = 0;
        foreach (var item in encodedItems)
        {
            contentLength = checked(contentLength + item.Length);
        }

        var result = new byte[LengthOfList(contentLength)];
        var writer = new RlpWriter(result);
        writer.WriteListHeader(contentLength);
        foreach (var item in encodedItems)
        {
            writer.WriteEncoded(item);
        }

        return result;
    }

    /// <summary>
    /// Checks that <paramref name="encoded"/> is exactly one canonical RLP item, looking inside every list,
    /// without allocating.
    /// </summary>
    /// <param name="encoded">The input to check.</param>
    /// <exception cref="RlpException">The input is empty, malformed, non-canonical, nests deeper than
    /// <see cref="MaxDepth"/>, or has trailing bytes.</exception>
    public static void Validate(ReadOnlySpan<byte> encoded)
    {
        var reader = new RlpReader(encoded);
        ValidateItem(ref reader, 0);
        reader.EnsureEnd();
    }

    /// <summary>The big-endian value without its leading zero bytes (empty for zero).</summary>
    internal static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> bigEndian)
    {
        var first = bigEndian.IndexOfAnyExcept((byte)0);
        return first < 0 ? [] : bigEndian[first..];
    }

    private static void ValidateItem(ref RlpReader reader, int depth)
    {
        if (!reader.IsList)
        {
            reader.Skip();
            return;
        }

        if (depth == MaxDepth)
        {
            RlpErrors.TooDeep(reader.Origin + reader.Position, MaxDepth);
        }

        var content = reader.ReadList();
        ValidateContent(ref content, depth + 1);
    }

    /// <summary>Checks every item of a list's content; strings are skipped in the loop, only lists recurse.</summary>
    private static void ValidateContent(ref RlpReader content, int depth)
    {
        while (content.HasMore)
        {
            if (content.PeekKind() == RlpKind.Bytes)
            {
                content.Skip();
                continue;
            }

            if (depth == MaxDepth)
            {
                RlpErrors.TooDeep(content.Origin + content.Position, MaxDepth);
            }

            var inner = content.ReadList();
            ValidateContent(ref inner, depth + 1);
        }
    }
}
