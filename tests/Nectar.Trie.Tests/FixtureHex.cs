using Nectar.Core.Encoding;

namespace Nectar.Trie.Tests;

/// <summary>Hex quantities as fixtures write them: "0x"-prefixed, possibly with an odd number of digits.</summary>
internal static class FixtureHex
{
    public static byte[] Bytes(string hex)
    {
        var digits = hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex;
        return Hex.Decode((digits.Length % 2 == 1 ? "0" : string.Empty) + digits, HexPrefix.Forbidden);
    }

    /// <summary>A big-endian quantity without its leading zero bytes, as RLP integers are written.</summary>
    public static byte[] Quantity(string hex)
    {
        var bytes = Bytes(hex);
        var first = Array.FindIndex(bytes, b => b != 0);
        return first < 0 ? [] : bytes[first..];
    }

    /// <summary>A quantity left-padded to 32 bytes (storage slots).</summary>
    public static byte[] Word(string hex)
    {
        var quantity = Quantity(hex);
        var word = new byte[32];
        quantity.CopyTo(word, 32 - quantity.Length);
        return word;
    }
}
