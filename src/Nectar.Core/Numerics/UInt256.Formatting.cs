using System.Diagnostics.CodeAnalysis;

namespace Nectar.Core.Numerics;

public readonly partial struct UInt256
{
    // 2^256 - 1 has 78 decimal digits and 64 hex digits.
    private const int MaxDigits = 78;
    private const int MaxPrecision = 999;
    private const ulong TenToThe19 = 10_000_000_000_000_000_000UL;

    /// <summary>Powers of ten that fit in 64 bits, 10^0 to 10^19.</summary>
    private static ReadOnlySpan<ulong> PowersOfTen =>
    [
        1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL,
        1_000_000_000UL, 10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL, 10_000_000_000_000UL,
        100_000_000_000_000UL, 1_000_000_000_000_000UL, 10_000_000_000_000_000UL,
        100_000_000_000_000_000UL, 1_000_000_000_000_000_000UL, TenToThe19,
    ];

    private static ReadOnlySpan<byte> LowerHexDigits => "0123456789abcdef"u8;

    private static ReadOnlySpan<byte> UpperHexDigits => "0123456789ABCDEF"u8;

    /// <summary>The value in decimal.</summary>
    /// <returns>Decimal digits without leading zeros ("0" for zero).</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>
    /// The value in a standard format: "D" (or "G", or empty) for decimal, "x" or "X" for hex without a
    /// prefix or leading zeros; an optional precision pads with zeros to that many digits ("x64").
    /// </summary>
    /// <param name="format">The format, or null for decimal.</param>
    /// <returns>The formatted value.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not supported.</exception>
    public string ToString(string? format) => ToString(format, null);

    /// <summary>
    /// The value in a standard format: "D" (or "G", or empty) for decimal, "x" or "X" for hex without a
    /// prefix or leading zeros; an optional precision pads with zeros to that many digits ("x64").
    /// </summary>
    /// <param name="format">The format, or null for decimal.</param>
    /// <param name="formatProvider">Ignored: the output is the same in every culture.</param>
    /// <returns>The formatted value.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not supported.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<byte> digits = stackalloc byte[MaxDigits];
        var count = WriteDigits(format, digits, out var precision);
        var length = Math.Max(count, precision);
        var chars = length <= MaxDigits ? stackalloc char[MaxDigits] : new char[length];
        chars = chars[..length];
        chars[..(length - count)].Fill('0');
        CopyAscii(digits[^count..], chars[(length - count)..]);
        return new string(chars);
    }

    /// <summary>The JSON-RPC quantity form: "0x" and lowercase hex without leading zeros ("0x0", "0x1a").</summary>
    /// <returns>The quantity string.</returns>
    public string ToHexQuantity()
    {
        Span<char> chars = stackalloc char[66];
        TryFormatHexQuantity(chars, out var written);
        return new string(chars[..written]);
    }

    /// <summary>Writes the JSON-RPC quantity form ("0x0", "0x1a") as characters.</summary>
    /// <param name="destination">Where to write; 66 characters always suffice.</param>
    /// <param name="charsWritten">The number of characters written, or 0 when the destination is too short.</param>
    /// <returns><see langword="true"/> when the destination was long enough.</returns>
    public bool TryFormatHexQuantity(Span<char> destination, out int charsWritten)
    {
        Span<byte> digits = stackalloc byte[MaxDigits];
        var count = WriteHexDigits(digits, LowerHexDigits);
        if (destination.Length < count + 2)
        {
            charsWritten = 0;
            return false;
        }

        destination[0] = '0';
        destination[1] = 'x';
        CopyAscii(digits[^count..], destination[2..]);
        charsWritten = count + 2;
        return true;
    }

    /// <summary>Writes the JSON-RPC quantity form ("0x0", "0x1a") as UTF-8.</summary>
    /// <param name="utf8Destination">Where to write; 66 bytes always suffice.</param>
    /// <param name="bytesWritten">The number of bytes written, or 0 when the destination is too short.</param>
    /// <returns><see langword="true"/> when the destination was long enough.</returns>
    public bool TryFormatHexQuantity(Span<byte> utf8Destination, out int bytesWritten)
    {
        Span<byte> digits = stackalloc byte[MaxDigits];
        var count = WriteHexDigits(digits, LowerHexDigits);
        if (utf8Destination.Length < count + 2)
        {
            bytesWritten = 0;
            return false;
        }

        utf8Destination[0] = (byte)'0';
        utf8Destination[1] = (byte)'x';
        digits[^count..].CopyTo(utf8Destination[2..]);
        bytesWritten = count + 2;
        return true;
    }

    /// <summary>Formats into a character span; see <see cref="ToString(string?, IFormatProvider?)"/> for the formats.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">The number of characters written, or 0 when the destination is too short.</param>
    /// <param name="format">The format; empty for decimal.</param>
    /// <param name="provider">Ignored: the output is the same in every culture.</param>
    /// <returns><see langword="true"/> when the destination was long enough.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not supported.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        Span<byte> digits = stackalloc byte[MaxDigits];
        var count = WriteDigits(format, digits, out var precision);
        var length = Math.Max(count, precision);
        if (destination.Length < length)
        {
            charsWritten = 0;
            return false;
        }

        destination[..(length - count)].Fill('0');
        CopyAscii(digits[^count..], destination[(length - count)..]);
        charsWritten = length;
        return true;
    }

    /// <summary>Formats as UTF-8; see <see cref="ToString(string?, IFormatProvider?)"/> for the formats.</summary>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">The number of bytes written, or 0 when the destination is too short.</param>
    /// <param name="format">The format; empty for decimal.</param>
    /// <param name="provider">Ignored: the output is the same in every culture.</param>
    /// <returns><see langword="true"/> when the destination was long enough.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not supported.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        Span<byte> digits = stackalloc byte[MaxDigits];
        var count = WriteDigits(format, digits, out var precision);
        var length = Math.Max(count, precision);
        if (utf8Destination.Length < length)
        {
            bytesWritten = 0;
            return false;
        }

        utf8Destination[..(length - count)].Fill((byte)'0');
        digits[^count..].CopyTo(utf8Destination[(length - count)..]);
        bytesWritten = length;
        return true;
    }

    /// <summary>Parses decimal digits, or hex digits after "0x" or "0X".</summary>
    /// <param name="s">The text: no sign, no whitespace, no separators.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is empty, "0x" alone, or has a character that is not a digit.</exception>
    /// <exception cref="OverflowException">The value exceeds 2^256 - 1.</exception>
    public static UInt256 Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Parses decimal digits, or hex digits after "0x" or "0X".</summary>
    /// <param name="s">The text: no sign, no whitespace, no separators.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The text is empty, "0x" alone, or has a character that is not a digit.</exception>
    /// <exception cref="OverflowException">The value exceeds 2^256 - 1.</exception>
    public static UInt256 Parse(ReadOnlySpan<char> s)
    {
        var error = TryParseCore(s, out var result, out var position);
        if (error != ParseError.None)
        {
            ThrowParseError(error, s, position);
        }

        return result;
    }

    /// <summary>Parses decimal digits, or hex digits after "0x" or "0X".</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: the format is the same in every culture.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a number in either form.</exception>
    /// <exception cref="OverflowException">The value exceeds 2^256 - 1.</exception>
    public static UInt256 Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses decimal digits, or hex digits after "0x" or "0X".</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: the format is the same in every culture.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The text is not a number in either form.</exception>
    /// <exception cref="OverflowException">The value exceeds 2^256 - 1.</exception>
    public static UInt256 Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <summary>Tries to parse decimal digits, or hex digits after "0x" or "0X".</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The value, or zero on failure.</param>
    /// <returns><see langword="true"/> when the text is a number in range.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out UInt256 result) => TryParseCore(s, out result, out _) == ParseError.None;

    /// <summary>Tries to parse decimal digits, or hex digits after "0x" or "0X".</summary>
    /// <param name="s">The text; null fails.</param>
    /// <param name="result">The value, or zero on failure.</param>
    /// <returns><see langword="true"/> when the text is a number in range.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out UInt256 result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }

        return TryParse(s.AsSpan(), out result);
    }

    /// <summary>Tries to parse decimal digits, or hex digits after "0x" or "0X".</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: the format is the same in every culture.</param>
    /// <param name="result">The value, or zero on failure.</param>
    /// <returns><see langword="true"/> when the text is a number in range.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out UInt256 result) => TryParse(s, out result);

    /// <summary>Tries to parse decimal digits, or hex digits after "0x" or "0X".</summary>
    /// <param name="s">The text; null fails.</param>
    /// <param name="provider">Ignored: the format is the same in every culture.</param>
    /// <param name="result">The value, or zero on failure.</param>
    /// <returns><see langword="true"/> when the text is a number in range.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out UInt256 result) => TryParse(s, out result);

    /// <summary>Writes the digits for a format right-aligned at the end of the buffer (78 bytes).</summary>
    /// <returns>The number of digits written.</returns>
    private int WriteDigits(ReadOnlySpan<char> format, Span<byte> buffer, out int precision)
    {
        var kind = ParseFormat(format, out precision);
        return kind switch
        {
            'x' => WriteHexDigits(buffer, LowerHexDigits),
            'X' => WriteHexDigits(buffer, UpperHexDigits),
            _ => WriteDecimalDigits(buffer),
        };
    }

    /// <summary>Writes hex digits without leading zeros (one "0" for zero) right-aligned at the end of the buffer.</summary>
    private int WriteHexDigits(Span<byte> buffer, ReadOnlySpan<byte> alphabet)
    {
        var nibbles = Math.Max(1, (BitLength + 3) >> 2);
        var position = buffer.Length;
        for (var i = 0; i < nibbles; i++)
        {
            var nibble = (int)(Limb(in this, i >> 4) >> ((i & 15) * 4)) & 0xF;
            buffer[--position] = alphabet[nibble];
        }

        return nibbles;
    }

    /// <summary>Writes decimal digits without leading zeros right-aligned at the end of the buffer.</summary>
    private int WriteDecimalDigits(Span<byte> buffer)
    {
        // Peel off 19 digits at a time with one 256-by-64 division, then print each chunk with cheap
        // 64-bit arithmetic.
        var position = buffer.Length;
        var value = this;
        while (!value.IsUInt64)
        {
            var chunk = DivRemBy64(in value, TenToThe19, out value);
            for (var i = 0; i < 19; i++)
            {
                (chunk, var digit) = Math.DivRem(chunk, 10UL);
                buffer[--position] = (byte)('0' + digit);
            }
        }

        var top = value.U0;
        do
        {
            (top, var digit) = Math.DivRem(top, 10UL);
            buffer[--position] = (byte)('0' + digit);
        }
        while (top != 0);

        return buffer.Length - position;
    }

    /// <summary>Reads a format string: the kind ('d', 'x' or 'X') and an optional precision.</summary>
    private static char ParseFormat(ReadOnlySpan<char> format, out int precision)
    {
        precision = 0;
        if (format.IsEmpty)
        {
            return 'd';
        }

        var kind = format[0] switch
        {
            'd' or 'D' or 'g' or 'G' => 'd',
            'x' => 'x',
            'X' => 'X',
            _ => '\0',
        };
        if (kind == '\0')
        {
            ThrowBadFormat(format);
        }

        for (var i = 1; i < format.Length; i++)
        {
            var c = format[i];
            if (!char.IsAsciiDigit(c) || precision > (MaxPrecision / 10))
            {
                ThrowBadFormat(format);
            }

            precision = (precision * 10) + (c - '0');
        }

        if (precision > MaxPrecision)
        {
            ThrowBadFormat(format);
        }

        return kind;
    }

    private static void CopyAscii(ReadOnlySpan<byte> ascii, Span<char> destination)
    {
        for (var i = 0; i < ascii.Length; i++)
        {
            destination[i] = (char)ascii[i];
        }
    }

    private enum ParseError
    {
        None,
        Empty,
        NoHexDigits,
        InvalidDecimalCharacter,
        InvalidHexCharacter,
        Overflow,
    }

    /// <summary>Parses without throwing; on failure reports why and, for a bad character, where.</summary>
    private static ParseError TryParseCore(ReadOnlySpan<char> s, out UInt256 result, out int errorPosition)
    {
        result = default;
        errorPosition = 0;
        if (s.IsEmpty)
        {
            return ParseError.Empty;
        }

        if (s.Length >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        {
            return TryParseHex(s, out result, out errorPosition);
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                errorPosition = i;
                return ParseError.InvalidDecimalCharacter;
            }
        }

        var digits = s.TrimStart('0');
        if (digits.Length > MaxDigits)
        {
            return ParseError.Overflow;
        }

        // Take the digits in chunks of up to 19 (the most a ulong holds): acc = acc * 10^n + chunk.
        var acc = default(UInt256);
        var chunkLength = digits.Length % 19;
        if (chunkLength == 0)
        {
            chunkLength = 19;
        }

        while (!digits.IsEmpty)
        {
            var chunk = 0UL;
            foreach (var c in digits[..chunkLength])
            {
                chunk = (chunk * 10) + (ulong)(c - '0');
            }

            var carry = MultiplyBy64Carry(in acc, PowersOfTen[chunkLength], out acc);
            if (carry != 0 || AddOverflow(in acc, new UInt256(chunk), out acc))
            {
                return ParseError.Overflow;
            }

            digits = digits[chunkLength..];
            chunkLength = 19;
        }

        result = acc;
        return ParseError.None;
    }

    private static ParseError TryParseHex(ReadOnlySpan<char> s, out UInt256 result, out int errorPosition)
    {
        result = default;
        errorPosition = 0;
        if (s.Length == 2)
        {
            return ParseError.NoHexDigits;
        }

        for (var i = 2; i < s.Length; i++)
        {
            if (!char.IsAsciiHexDigit(s[i]))
            {
                errorPosition = i;
                return ParseError.InvalidHexCharacter;
            }
        }

        var digits = s[2..].TrimStart('0');
        if (digits.Length > 64)
        {
            return ParseError.Overflow;
        }

        // Fill the limbs from the least significant digit, 16 digits per limb.
        Span<ulong> limbs = stackalloc ulong[4];
        limbs.Clear();
        for (var k = 0; k < digits.Length; k++)
        {
            var c = digits[digits.Length - 1 - k];
            var nibble = (ulong)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
            limbs[k >> 4] |= nibble << ((k & 15) * 4);
        }

        result = new UInt256(limbs[0], limbs[1], limbs[2], limbs[3]);
        return ParseError.None;
    }

    [DoesNotReturn]
    private static void ThrowParseError(ParseError error, ReadOnlySpan<char> s, int position)
    {
        const int Shown = 100;
        var text = s.Length <= Shown ? s.ToString() : string.Concat(s[..Shown], "...");
        throw error switch
        {
            ParseError.Empty => new FormatException("Cannot parse an empty string as a UInt256; expected decimal digits or 0x-prefixed hex digits."),
            ParseError.NoHexDigits => new FormatException($"Cannot parse \"{text}\" as a UInt256: the 0x prefix must be followed by at least one hex digit."),
            ParseError.InvalidDecimalCharacter when s[position] == '-' =>
                new FormatException($"Cannot parse \"{text}\" as a UInt256: the value is unsigned, so '-' is not allowed."),
            ParseError.InvalidDecimalCharacter => new FormatException(
                $"Cannot parse \"{text}\" as a UInt256: '{s[position]}' at position {position} is not a decimal digit (hex needs the 0x prefix)."),
            ParseError.InvalidHexCharacter => new FormatException(
                $"Cannot parse \"{text}\" as a UInt256: '{s[position]}' at position {position} is not a hex digit."),
            _ => new OverflowException($"Cannot parse \"{text}\" as a UInt256: the value exceeds 2^256 - 1."),
        };
    }

    [DoesNotReturn]
    private static void ThrowBadFormat(ReadOnlySpan<char> format) =>
        throw new FormatException($"The format \"{format.ToString()}\" is not supported for UInt256; use D, x or X with an optional precision of up to {MaxPrecision} digits.");
}
