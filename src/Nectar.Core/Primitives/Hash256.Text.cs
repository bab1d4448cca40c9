using System.Numerics;
using System.Runtime.InteropServices;
using Nectar.Core.Encoding;

namespace Nectar.Core.Primitives;

public readonly partial struct Hash256 : ISpanFormattable, IUtf8SpanFormattable
{
    /// <summary>Length of the text form: <c>0x</c> and 64 lowercase hex digits.</summary>
    public const int TextLength = 2 + (2 * Length);

    /// <summary>The hash as <c>0x</c> and 64 lowercase hex digits.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => Hex.ToHexString(Bytes);

    /// <summary>The hash as <c>0x</c> and 64 lowercase hex digits; the format and provider are ignored.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The text form.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes <c>0x</c> and 64 lowercase hex digits; the format and provider are ignored.</summary>
    /// <param name="destination">Receives the 66 characters.</param>
    /// <param name="charsWritten">66, or 0 when the destination is too short.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns><see langword="false"/> when the destination is too short.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Hex.TryEncode(Bytes, destination, out charsWritten);

    /// <summary>Writes <c>0x</c> and 64 lowercase hex digits as UTF-8; the format and provider are ignored.</summary>
    /// <param name="utf8Destination">Receives the 66 bytes.</param>
    /// <param name="bytesWritten">66, or 0 when the destination is too short.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns><see langword="false"/> when the destination is too short.</returns>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Hex.TryEncode(Bytes, utf8Destination, out bytesWritten);

    /// <summary>Parses <c>0x</c> followed by exactly 64 hex digits (either case).</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The hash.</returns>
    /// <exception cref="FormatException">The text is not <c>0x</c> and 64 hex digits; the message says why.</exception>
    public static Hash256 Parse(ReadOnlySpan<char> text)
    {
        var error = TryParseCore(text, out var hash);
        return error == FixedHex.Error.None ? hash : throw new FormatException(FixedHex.Describe(error, text, nameof(Hash256), Length));
    }

    /// <summary>Parses <c>0x</c> followed by exactly 64 hex digits (either case).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="hash">The hash, or zero on failure.</param>
    /// <returns>Whether the text was a valid hash.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Hash256 hash) => TryParseCore(text, out hash) == FixedHex.Error.None;

    /// <summary>Parses UTF-8 <c>0x</c> followed by exactly 64 hex digits (either case).</summary>
    /// <param name="utf8Text">The UTF-8 text to parse.</param>
    /// <param name="hash">The hash, or zero on failure.</param>
    /// <returns>Whether the text was a valid hash.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, out Hash256 hash) => TryParseCore(utf8Text, out hash) == FixedHex.Error.None;

    private static FixedHex.Error TryParseCore<T>(ReadOnlySpan<T> text, out Hash256 hash)
        where T : unmanaged, IBinaryInteger<T>
    {
        hash = default;
        var error = FixedHex.TryDecode(text, MemoryMarshal.AsBytes(new Span<Hash256>(ref hash)));
        if (error != FixedHex.Error.None)
        {
            hash = default;
        }

        return error;
    }
}
