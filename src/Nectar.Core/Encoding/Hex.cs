using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Nectar.Core.Encoding;

/// <summary>
/// Hexadecimal encoding of byte strings: lowercase output with or without <c>0x</c>, strict decoding of
/// UTF-16 or UTF-8 input into a caller's span or a new array.
/// </summary>
/// <remarks>
/// The digit loops are the platform's vectorised <see cref="Convert"/> routines (UTF-16 input is narrowed to
/// ASCII first, which is faster than the runtime's UTF-16 decoder); this class adds the prefix rules and precise
/// error reasons. Quantities with odd digit counts (JSON-RPC <c>0x1</c>) are not hex byte
/// strings and are parsed elsewhere. The prefix is <c>0x</c> or <c>0X</c>.
/// </remarks>
[SkipLocalsInit]
public static class Hex
{
    // Digits converted per step between UTF-16 and ASCII; the scratch buffer lives on the stack.
    private const int ChunkLength = 512;

    // Below this many bytes, encoding straight to UTF-16 beats encoding to ASCII and widening.
    private const int DirectEncodeLimit = 256;

    /// <summary>Number of characters <paramref name="byteCount"/> bytes encode to.</summary>
    /// <param name="byteCount">The number of bytes.</param>
    /// <param name="withPrefix">Whether the <c>0x</c> prefix is counted.</param>
    /// <returns>The character count.</returns>
    public static int GetEncodedLength(int byteCount, bool withPrefix = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteCount);
        return checked((byteCount * 2) + (withPrefix ? 2 : 0));
    }

    /// <summary>Encodes bytes as lowercase hex.</summary>
    /// <param name="bytes">The bytes to encode.</param>
    /// <param name="withPrefix">Whether to start the result with <c>0x</c>.</param>
    /// <returns>The hex string, e.g. <c>0x00ff</c>; <c>0x</c> (or empty) for no bytes.</returns>
    public static string ToHexString(ReadOnlySpan<byte> bytes, bool withPrefix = true)
    {
        if (!withPrefix)
        {
            return Convert.ToHexStringLower(bytes);
        }

        return string.Create(GetEncodedLength(bytes.Length), bytes, static (chars, source) =>
        {
            chars[0] = '0';
            chars[1] = 'x';
            EncodeUtf16(source, chars[2..]);
        });
    }

    /// <summary>Encodes bytes as lowercase hex characters into <paramref name="destination"/>.</summary>
    /// <param name="bytes">The bytes to encode.</param>
    /// <param name="destination">Receives the characters.</param>
    /// <param name="charsWritten">How many characters were written; 0 on failure.</param>
    /// <param name="withPrefix">Whether to write <c>0x</c> first.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short.</returns>
    public static bool TryEncode(ReadOnlySpan<byte> bytes, Span<char> destination, out int charsWritten, bool withPrefix = true)
    {
        var length = GetEncodedLength(bytes.Length, withPrefix);
        if (destination.Length < length)
        {
            charsWritten = 0;
            return false;
        }

        if (withPrefix)
        {
            destination[0] = '0';
            destination[1] = 'x';
            destination = destination[2..];
        }

        EncodeUtf16(bytes, destination);
        charsWritten = length;
        return true;
    }

    /// <summary>Encodes bytes as lowercase hex UTF-8 (ASCII) into <paramref name="utf8Destination"/>.</summary>
    /// <param name="bytes">The bytes to encode.</param>
    /// <param name="utf8Destination">Receives the ASCII digits.</param>
    /// <param name="bytesWritten">How many bytes were written; 0 on failure.</param>
    /// <param name="withPrefix">Whether to write <c>0x</c> first.</param>
    /// <returns><see langword="false"/> when <paramref name="utf8Destination"/> is too short.</returns>
    public static bool TryEncode(ReadOnlySpan<byte> bytes, Span<byte> utf8Destination, out int bytesWritten, bool withPrefix = true)
    {
        var length = GetEncodedLength(bytes.Length, withPrefix);
        if (utf8Destination.Length < length)
        {
            bytesWritten = 0;
            return false;
        }

        if (withPrefix)
        {
            utf8Destination[0] = (byte)'0';
            utf8Destination[1] = (byte)'x';
            utf8Destination = utf8Destination[2..];
        }

        Convert.TryToHexStringLower(bytes, utf8Destination, out _);
        bytesWritten = length;
        return true;
    }

    /// <summary>Whether <paramref name="hex"/> starts with <c>0x</c> or <c>0X</c>.</summary>
    /// <param name="hex">The text to inspect.</param>
    /// <returns><see langword="true"/> when the prefix is present.</returns>
    public static bool HasPrefix(ReadOnlySpan<char> hex) => HasPrefixCore(hex);

    /// <summary>Whether <paramref name="utf8Hex"/> starts with <c>0x</c> or <c>0X</c>.</summary>
    /// <param name="utf8Hex">The UTF-8 text to inspect.</param>
    /// <returns><see langword="true"/> when the prefix is present.</returns>
    public static bool HasPrefix(ReadOnlySpan<byte> utf8Hex) => HasPrefixCore(utf8Hex);

    /// <summary>Decodes hex characters into <paramref name="destination"/>.</summary>
    /// <param name="hex">The hex text: an even number of digits, in either case, optionally after <c>0x</c>.</param>
    /// <param name="destination">Receives the bytes.</param>
    /// <param name="bytesWritten">How many bytes were written; 0 on failure.</param>
    /// <param name="prefix">Whether <c>0x</c> is optional, required or forbidden.</param>
    /// <returns><see cref="HexError.None"/> on success, otherwise the reason for the failure.</returns>
    public static HexError TryDecode(ReadOnlySpan<char> hex, Span<byte> destination, out int bytesWritten, HexPrefix prefix = HexPrefix.Optional)
    {
        var error = Prepare(ref hex, destination.Length, prefix);
        if (error == HexError.None)
        {
            if (DecodeUtf16(hex, destination))
            {
                bytesWritten = hex.Length / 2;
                return HexError.None;
            }

            error = HexError.InvalidCharacter;
        }

        bytesWritten = 0;
        return error;
    }

    /// <summary>Decodes hex UTF-8 (ASCII) digits into <paramref name="destination"/>.</summary>
    /// <param name="utf8Hex">The hex text as UTF-8: an even number of digits, optionally after <c>0x</c>.</param>
    /// <param name="destination">Receives the bytes.</param>
    /// <param name="bytesWritten">How many bytes were written; 0 on failure.</param>
    /// <param name="prefix">Whether <c>0x</c> is optional, required or forbidden.</param>
    /// <returns><see cref="HexError.None"/> on success, otherwise the reason for the failure.</returns>
    public static HexError TryDecode(ReadOnlySpan<byte> utf8Hex, Span<byte> destination, out int bytesWritten, HexPrefix prefix = HexPrefix.Optional)
    {
        var error = Prepare(ref utf8Hex, destination.Length, prefix);
        if (error == HexError.None)
        {
            if (Convert.FromHexString(utf8Hex, destination, out _, out bytesWritten) == OperationStatus.Done)
            {
                return HexError.None;
            }

            error = HexError.InvalidCharacter;
        }

        bytesWritten = 0;
        return error;
    }

    /// <summary>Decodes hex characters into a new array.</summary>
    /// <param name="hex">The hex text.</param>
    /// <param name="bytes">The decoded bytes, or <see langword="null"/> on failure.</param>
    /// <param name="prefix">Whether <c>0x</c> is optional, required or forbidden.</param>
    /// <returns><see cref="HexError.None"/> on success, otherwise the reason for the failure.</returns>
    public static HexError TryDecode(ReadOnlySpan<char> hex, out byte[]? bytes, HexPrefix prefix = HexPrefix.Optional)
    {
        var digits = hex;
        var error = Prepare(ref digits, int.MaxValue, prefix);
        if (error != HexError.None)
        {
            bytes = null;
            return error;
        }

        var result = digits.Length == 0 ? [] : new byte[digits.Length / 2];
        error = TryDecode(digits, result, out _, HexPrefix.Forbidden);
        bytes = error == HexError.None ? result : null;
        return error;
    }

    /// <summary>Decodes hex characters into a new array, throwing on malformed input.</summary>
    /// <param name="hex">The hex text.</param>
    /// <param name="prefix">Whether <c>0x</c> is optional, required or forbidden.</param>
    /// <returns>The decoded bytes.</returns>
    /// <exception cref="FormatException">The text is not valid hex; the message says why and where.</exception>
    public static byte[] Decode(ReadOnlySpan<char> hex, HexPrefix prefix = HexPrefix.Optional)
    {
        var error = TryDecode(hex, out var bytes, prefix);
        if (error != HexError.None)
        {
            throw new FormatException(Describe(error, hex, prefix));
        }

        return bytes!;
    }

    /// <summary>Decodes hex UTF-8 (ASCII) digits into a new array, throwing on malformed input.</summary>
    /// <param name="utf8Hex">The hex text as UTF-8.</param>
    /// <param name="prefix">Whether <c>0x</c> is optional, required or forbidden.</param>
    /// <returns>The decoded bytes.</returns>
    /// <exception cref="FormatException">The text is not valid hex; the message says why and where.</exception>
    public static byte[] Decode(ReadOnlySpan<byte> utf8Hex, HexPrefix prefix = HexPrefix.Optional)
    {
        var digits = utf8Hex;
        var error = Prepare(ref digits, int.MaxValue, prefix);
        if (error == HexError.None)
        {
            var result = digits.Length == 0 ? [] : new byte[digits.Length / 2];
            error = TryDecode(digits, result, out _, HexPrefix.Forbidden);
            if (error == HexError.None)
            {
                return result;
            }
        }

        throw new FormatException(Describe(error, utf8Hex, prefix));
    }

    /// <summary>A message naming the error and, for a bad character, the character and its index.</summary>
    /// <param name="error">The error a decoder returned.</param>
    /// <param name="hex">The input that failed.</param>
    /// <param name="prefix">The prefix rule the decoder used.</param>
    /// <returns>A sentence suitable for an exception message.</returns>
    public static string Describe(HexError error, ReadOnlySpan<char> hex, HexPrefix prefix = HexPrefix.Optional) =>
        DescribeCore(error, hex, prefix);

    /// <summary>A message naming the error and, for a bad character, the character and its index.</summary>
    /// <param name="error">The error a decoder returned.</param>
    /// <param name="utf8Hex">The UTF-8 input that failed.</param>
    /// <param name="prefix">The prefix rule the decoder used.</param>
    /// <returns>A sentence suitable for an exception message.</returns>
    public static string Describe(HexError error, ReadOnlySpan<byte> utf8Hex, HexPrefix prefix = HexPrefix.Optional) =>
        DescribeCore(error, utf8Hex, prefix);

    /// <summary>
    /// Decodes UTF-16 digits by narrowing them to ASCII a chunk at a time and decoding that: both steps are
    /// vectorised, which is several times faster than the runtime's direct UTF-16 decoder.
    /// </summary>
    private static bool DecodeUtf16(ReadOnlySpan<char> digits, Span<byte> destination)
    {
        Span<byte> ascii = stackalloc byte[Math.Min(digits.Length, ChunkLength)];
        while (!digits.IsEmpty)
        {
            var chunk = digits[..Math.Min(digits.Length, ChunkLength)];
            if (Ascii.FromUtf16(chunk, ascii, out var narrowed) != OperationStatus.Done
                || Convert.FromHexString(ascii[..narrowed], destination, out _, out var written) != OperationStatus.Done)
            {
                return false;
            }

            destination = destination[written..];
            digits = digits[chunk.Length..];
        }

        return true;
    }

    /// <summary>
    /// Encodes to ASCII a chunk at a time and widens it to UTF-16, for the same reason as <see cref="DecodeUtf16"/>;
    /// below a few hundred bytes the runtime's direct UTF-16 encoder is faster than two passes.
    /// </summary>
    private static void EncodeUtf16(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        if (bytes.Length < DirectEncodeLimit)
        {
            Convert.TryToHexStringLower(bytes, destination, out _);
            return;
        }

        Span<byte> ascii = stackalloc byte[Math.Min(bytes.Length * 2, ChunkLength)];
        while (!bytes.IsEmpty)
        {
            var chunk = bytes[..Math.Min(bytes.Length, ChunkLength / 2)];
            Convert.TryToHexStringLower(chunk, ascii, out var encoded);
            Ascii.ToUtf16(ascii[..encoded], destination, out var widened);
            destination = destination[widened..];
            bytes = bytes[chunk.Length..];
        }
    }

    /// <summary>Strips the prefix per <paramref name="prefix"/> and checks parity and room; not the digits.</summary>
    internal static HexError Prepare<T>(ref ReadOnlySpan<T> hex, int destinationLength, HexPrefix prefix)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (prefix != HexPrefix.Forbidden && HasPrefixCore(hex))
        {
            hex = hex[2..];
        }
        else if (prefix == HexPrefix.Required)
        {
            return HexError.MissingPrefix;
        }

        if ((hex.Length & 1) != 0)
        {
            return HexError.OddLength;
        }

        return hex.Length / 2 > destinationLength ? HexError.DestinationTooShort : HexError.None;
    }

    private static bool HasPrefixCore<T>(ReadOnlySpan<T> hex)
        where T : unmanaged, IBinaryInteger<T> =>
        hex.Length >= 2 && uint.CreateTruncating(hex[0]) == '0' && (uint.CreateTruncating(hex[1]) | 0x20) == 'x';

    private static string DescribeCore<T>(HexError error, ReadOnlySpan<T> hex, HexPrefix prefix)
        where T : unmanaged, IBinaryInteger<T>
    {
        switch (error)
        {
            case HexError.None:
                return "The hex input is valid.";
            case HexError.MissingPrefix:
                return "Hex input must start with 0x.";
            case HexError.OddLength:
                return $"Hex input has an odd number of digits ({DigitCount(hex, prefix)}); each byte needs two.";
            case HexError.DestinationTooShort:
                return $"The destination is too short for the {DigitCount(hex, prefix) / 2} decoded bytes.";
            case HexError.InvalidCharacter:
                var start = prefix != HexPrefix.Forbidden && HasPrefixCore(hex) ? 2 : 0;
                for (var i = start; i < hex.Length; i++)
                {
                    var c = uint.CreateTruncating(hex[i]);
                    if (c > char.MaxValue || !char.IsAsciiHexDigit((char)c))
                    {
                        return c is >= 0x20 and < 0x7F
                            ? $"Invalid hex character '{(char)c}' at index {i}."
                            : $"Invalid hex character U+{c:X4} at index {i}.";
                    }
                }

                return "Invalid hex character.";
            default:
                throw new ArgumentOutOfRangeException(nameof(error), error, "Unknown hex error.");
        }
    }

    private static int DigitCount<T>(ReadOnlySpan<T> hex, HexPrefix prefix)
        where T : unmanaged, IBinaryInteger<T> =>
        prefix != HexPrefix.Forbidden && HasPrefixCore(hex) ? hex.Length - 2 : hex.Length;
}
