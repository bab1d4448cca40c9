using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Nectar.Core.Numerics;

namespace Nectar.JsonRpc.Json;

/// <summary>The wire rules for hex quantities and data shared by the converters, with geth's error wording.</summary>
[SkipLocalsInit]
internal static class JsonHex
{
    public const string MissingPrefix = "hex string without 0x prefix";
    public const string EmptyNumber = "hex string \"0x\"";
    public const string LeadingZero = "hex number with leading zero digits";
    public const string InvalidHex = "invalid hex string";
    public const string OddLength = "hex string of odd length";
    public const string NotAString = "must be a hex string";

    /// <summary>
    /// The unescaped bytes of the current string token. Unescaped tokens are returned in place; escaped ones are
    /// copied into <paramref name="scratch"/> when they fit, else into a rented array the caller returns.
    /// </summary>
    public static ReadOnlySpan<byte> StringBytes(in Utf8JsonReader reader, Span<byte> scratch, out byte[]? rented)
    {
        rented = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException(NotAString);
        }

        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return reader.ValueSpan;
        }

        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var buffer = length <= scratch.Length ? scratch : (rented = ArrayPool<byte>.Shared.Rent(length));
        var copy = reader;
        var written = copy.CopyString(buffer);
        return buffer[..written];
    }

    public static bool HasPrefix(ReadOnlySpan<byte> text) => text.Length >= 2 && text[0] == '0' && (text[1] | 0x20) == 'x';

    /// <summary>Parses a quantity of at most <paramref name="maxBits"/> bits: <c>0x</c>, no leading zeros.</summary>
    public static string? TryParseQuantity(ReadOnlySpan<byte> text, int maxBits, out UInt256 value)
    {
        value = default;
        if (!HasPrefix(text))
        {
            return MissingPrefix;
        }

        var digits = text[2..];
        if (digits.IsEmpty)
        {
            return EmptyNumber;
        }

        if (digits.Length > 1 && digits[0] == '0')
        {
            return LeadingZero;
        }

        if (digits.Length > maxBits / 4)
        {
            return $"hex number > {maxBits} bits";
        }

        ulong u0 = 0, u1 = 0, u2 = 0, u3 = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var nibble = Nibble(digits[i]);
            if (nibble < 0)
            {
                return InvalidHex;
            }

            u3 = (u3 << 4) | (u2 >> 60);
            u2 = (u2 << 4) | (u1 >> 60);
            u1 = (u1 << 4) | (u0 >> 60);
            u0 = (u0 << 4) | (uint)nibble;
        }

        value = new UInt256(u0, u1, u2, u3);
        return null;
    }

    /// <summary>Parses a 64-bit quantity.</summary>
    public static string? TryParseUInt64(ReadOnlySpan<byte> text, out ulong value)
    {
        var error = TryParseQuantity(text, 64, out var wide);
        value = wide.U0;
        return error;
    }

    /// <summary>Decodes data: <c>0x</c> and an even number of hex digits (possibly none).</summary>
    public static string? TryParseData(ReadOnlySpan<byte> text, out byte[] value)
    {
        value = [];
        if (!HasPrefix(text))
        {
            return MissingPrefix;
        }

        var digits = text[2..];
        if ((digits.Length & 1) != 0)
        {
            return OddLength;
        }

        var bytes = new byte[digits.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            var hi = Nibble(digits[2 * i]);
            var lo = Nibble(digits[(2 * i) + 1]);
            if ((hi | lo) < 0)
            {
                return InvalidHex;
            }

            bytes[i] = (byte)((hi << 4) | lo);
        }

        value = bytes;
        return null;
    }

    /// <summary>Writes a 64-bit quantity as a JSON string.</summary>
    public static void WriteQuantity(Utf8JsonWriter writer, ulong value)
    {
        Span<byte> text = stackalloc byte[18];
        text[0] = (byte)'0';
        text[1] = (byte)'x';
        var digits = value == 0 ? 1 : (67 - (int)ulong.LeadingZeroCount(value)) >> 2;
        for (var i = digits + 1; i >= 2; i--)
        {
            text[i] = (byte)"0123456789abcdef"[(int)(value & 0xF)];
            value >>= 4;
        }

        writer.WriteStringValue(text[..(digits + 2)]);
    }

    /// <summary>Writes bytes as <c>0x</c>-prefixed lowercase hex.</summary>
    public static void WriteData(Utf8JsonWriter writer, ReadOnlySpan<byte> data)
    {
        var length = 2 + (2 * data.Length);
        byte[]? rented = null;
        var text = length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(length));
        text[0] = (byte)'0';
        text[1] = (byte)'x';
        for (var i = 0; i < data.Length; i++)
        {
            text[2 + (2 * i)] = (byte)"0123456789abcdef"[data[i] >> 4];
            text[3 + (2 * i)] = (byte)"0123456789abcdef"[data[i] & 0xF];
        }

        writer.WriteStringValue(text[..length]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int Nibble(byte c)
    {
        var digit = c - '0';
        if ((uint)digit <= 9)
        {
            return digit;
        }

        var letter = (c | 0x20) - 'a';
        return (uint)letter <= 5 ? letter + 10 : -1;
    }
}
