using System.Numerics;
using System.Runtime.InteropServices;
using Nectar.Core.Encoding;

namespace Nectar.Core.Primitives;

/// <summary>Parsing of fixed-size values written as <c>0x</c> and exactly two hex digits per byte.</summary>
internal static class FixedHex
{
    /// <summary>Why fixed-size hex text was rejected.</summary>
    internal enum Error
    {
        None,
        MissingPrefix,
        WrongLength,
        InvalidCharacter,
        BadChecksum,
    }

    /// <summary>Decodes <c>0x</c> plus exactly <c>2 * destination.Length</c> digits into <paramref name="destination"/>.</summary>
    public static Error TryDecode<T>(ReadOnlySpan<T> text, Span<byte> destination)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (!HasPrefix(text))
        {
            return Error.MissingPrefix;
        }

        if (text.Length != 2 + (2 * destination.Length))
        {
            return Error.WrongLength;
        }

        var digits = text[2..];
        var result = typeof(T) == typeof(char)
            ? Hex.TryDecode(MemoryMarshal.Cast<T, char>(digits), destination, out _, HexPrefix.Forbidden)
            : Hex.TryDecode(MemoryMarshal.Cast<T, byte>(digits), destination, out _, HexPrefix.Forbidden);
        return result == HexError.None ? Error.None : Error.InvalidCharacter;
    }

    public static bool HasPrefix<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T> =>
        text.Length >= 2 && uint.CreateTruncating(text[0]) == '0' && (uint.CreateTruncating(text[1]) | 0x20) == 'x';

    /// <summary>A message for a parse failure of a <paramref name="typeName"/> of <paramref name="byteLength"/> bytes.</summary>
    public static string Describe<T>(Error error, ReadOnlySpan<T> text, string typeName, int byteLength)
        where T : unmanaged, IBinaryInteger<T> => error switch
        {
            Error.MissingPrefix => $"{typeName} text must start with 0x.",
            Error.WrongLength => $"{typeName} text needs exactly {2 * byteLength} hex digits after 0x, got {text.Length - 2}.",
            Error.InvalidCharacter => $"{typeName} text is not hex: " + (typeof(T) == typeof(char)
                ? Hex.Describe(HexError.InvalidCharacter, MemoryMarshal.Cast<T, char>(text), HexPrefix.Required)
                : Hex.Describe(HexError.InvalidCharacter, MemoryMarshal.Cast<T, byte>(text), HexPrefix.Required)),
            Error.BadChecksum => $"{typeName} text mixes upper and lower case but fails the EIP-55 checksum.",
            _ => $"{typeName} text is invalid.",
        };
}
