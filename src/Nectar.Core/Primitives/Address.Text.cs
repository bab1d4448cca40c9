using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;

namespace Nectar.Core.Primitives;

public readonly partial struct Address : ISpanFormattable, IUtf8SpanFormattable
{
    /// <summary>Length of the text form: <c>0x</c> and 40 hex digits.</summary>
    public const int TextLength = 2 + (2 * Length);

    /// <summary>The address as <c>0x</c> and 40 lowercase hex digits.</summary>
    /// <returns>The lowercase text form.</returns>
    public override string ToString() => Hex.ToHexString(Bytes);

    /// <summary>The address as <c>0x</c> and 40 lowercase hex digits; the format and provider are ignored.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The lowercase text form.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>The address in EIP-55 mixed-case checksum form, e.g. <c>0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed</c>.</summary>
    /// <returns>The checksummed text form.</returns>
    [SkipLocalsInit]
    public string ToChecksumString()
    {
        Span<char> text = stackalloc char[TextLength];
        WriteChecksummed(text);
        return new string(text);
    }

    /// <summary>Writes <c>0x</c> and 40 lowercase hex digits; the format and provider are ignored.</summary>
    /// <param name="destination">Receives the 42 characters.</param>
    /// <param name="charsWritten">42, or 0 when the destination is too short.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns><see langword="false"/> when the destination is too short.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Hex.TryEncode(Bytes, destination, out charsWritten);

    /// <summary>Writes <c>0x</c> and 40 lowercase hex digits as UTF-8; the format and provider are ignored.</summary>
    /// <param name="utf8Destination">Receives the 42 bytes.</param>
    /// <param name="bytesWritten">42, or 0 when the destination is too short.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns><see langword="false"/> when the destination is too short.</returns>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Hex.TryEncode(Bytes, utf8Destination, out bytesWritten);

    /// <summary>
    /// Parses <c>0x</c> followed by exactly 40 hex digits. All-lowercase and all-uppercase digits are accepted as
    /// they are; mixed case is an EIP-55 checksum and must be correct.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The address.</returns>
    /// <exception cref="FormatException">The text is malformed or fails its checksum; the message says which.</exception>
    public static Address Parse(ReadOnlySpan<char> text)
    {
        var error = TryParseCore(text, out var address);
        if (error == FixedHex.Error.None)
        {
            return address;
        }

        var message = FixedHex.Describe(error, text, nameof(Address), Length);
        if (error == FixedHex.Error.BadChecksum)
        {
            message += $" Expected {address.ToChecksumString()}.";
        }

        throw new FormatException(message);
    }

    /// <summary>Parses like <see cref="Parse(ReadOnlySpan{char})"/> without throwing.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="address">The address, or zero on failure.</param>
    /// <returns>Whether the text was a valid address with a valid checksum, if mixed-case.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Address address)
    {
        if (TryParseCore(text, out address) == FixedHex.Error.None)
        {
            return true;
        }

        address = default;
        return false;
    }

    /// <summary>Parses UTF-8 text like <see cref="Parse(ReadOnlySpan{char})"/> without throwing.</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="address">The address, or zero on failure.</param>
    /// <returns>Whether the text was a valid address with a valid checksum, if mixed-case.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, out Address address)
    {
        if (TryParseCore(utf8Text, out address) == FixedHex.Error.None)
        {
            return true;
        }

        address = default;
        return false;
    }

    /// <summary>Whether <paramref name="text"/> is the exact EIP-55 checksum form of a valid address.</summary>
    /// <param name="text">The text to check.</param>
    /// <returns><see langword="true"/> only for the mixed-case form <see cref="ToChecksumString"/> produces.</returns>
    [SkipLocalsInit]
    public static bool IsChecksumValid(ReadOnlySpan<char> text)
    {
        if (TryParseCore(text, out var address) != FixedHex.Error.None)
        {
            return false;
        }

        Span<char> expected = stackalloc char[TextLength];
        address.WriteChecksummed(expected);
        return text[2..].SequenceEqual(expected[2..]);
    }

    /// <summary>On a checksum failure the decoded address is still returned, for the error message.</summary>
    [SkipLocalsInit]
    private static FixedHex.Error TryParseCore<T>(ReadOnlySpan<T> text, out Address address)
        where T : unmanaged, IBinaryInteger<T>
    {
        address = default;
        var error = FixedHex.TryDecode(text, MemoryMarshal.AsBytes(new Span<Address>(ref address)));
        if (error != FixedHex.Error.None)
        {
            address = default;
            return error;
        }

        var hasLower = false;
        var hasUpper = false;
        for (var i = 2; i < text.Length; i++)
        {
            var c = uint.CreateTruncating(text[i]);
            hasLower |= c - 'a' <= 'f' - 'a';
            hasUpper |= c - 'A' <= 'F' - 'A';
        }

        if (!(hasLower && hasUpper))
        {
            return FixedHex.Error.None;
        }

        Span<char> expected = stackalloc char[TextLength];
        address.WriteChecksummed(expected);
        for (var i = 2; i < TextLength; i++)
        {
            if (uint.CreateTruncating(text[i]) != expected[i])
            {
                return FixedHex.Error.BadChecksum;
            }
        }

        return FixedHex.Error.None;
    }

    /// <summary>
    /// EIP-55: hash the 40 lowercase ASCII digits with Keccak-256 and uppercase each letter whose
    /// corresponding hash nibble is 8 or more.
    /// </summary>
    [SkipLocalsInit]
    private void WriteChecksummed(Span<char> destination)
    {
        Span<byte> ascii = stackalloc byte[2 * Length];
        Hex.TryEncode(Bytes, ascii, out _, withPrefix: false);
        var digest = Keccak256.Compute(ascii);
        var hash = digest.Bytes;

        destination[0] = '0';
        destination[1] = 'x';
        for (var i = 0; i < ascii.Length; i++)
        {
            var nibble = (i & 1) == 0 ? hash[i >> 1] >> 4 : hash[i >> 1] & 0x0F;
            var c = (char)ascii[i];
            destination[2 + i] = c >= 'a' && nibble >= 8 ? (char)(c - ('a' - 'A')) : c;
        }
    }
}
