using System.Runtime.CompilerServices;

namespace Nectar.Trie.Nodes;

/// <summary>Conversions between keys (bytes) and trie paths (nibbles, high half of each byte first).</summary>
internal static class Nibbles
{
    /// <summary>Keys up to this many bytes are split into nibbles on the stack.</summary>
    public const int StackKeyLimit = 128;

    /// <summary>Writes the nibbles of <paramref name="key"/>: two per byte, high half first.</summary>
    /// <param name="key">The key.</param>
    /// <param name="destination">Room for twice the key's length.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FromBytes(ReadOnlySpan<byte> key, Span<byte> destination)
    {
        var target = destination[..(key.Length * 2)];
        for (var i = 0; i < key.Length; i++)
        {
            var b = key[i];
            target[2 * i] = (byte)(b >> 4);
            target[(2 * i) + 1] = (byte)(b & 0x0F);
        }
    }

    /// <summary>Joins pairs of nibbles back into bytes.</summary>
    /// <param name="nibbles">An even number of nibbles.</param>
    /// <returns>The key.</returns>
    /// <exception cref="InvalidOperationException">The number of nibbles is odd, so no byte key has this path.</exception>
    public static byte[] ToBytes(ReadOnlySpan<byte> nibbles)
    {
        if ((nibbles.Length & 1) != 0)
        {
            throw new InvalidOperationException($"A path of {nibbles.Length} nibbles is not a whole number of bytes.");
        }

        var key = new byte[nibbles.Length / 2];
        for (var i = 0; i < key.Length; i++)
        {
            key[i] = (byte)((nibbles[2 * i] << 4) | nibbles[(2 * i) + 1]);
        }

        return key;
    }

    /// <summary>The nibbles as lowercase hex digits, one digit each (for messages).</summary>
    /// <param name="nibbles">The nibbles.</param>
    /// <returns>The digits, or "(root)" for the empty path.</returns>
    public static string Describe(ReadOnlySpan<byte> nibbles)
    {
        if (nibbles.IsEmpty)
        {
            return "(root)";
        }

        return string.Create(nibbles.Length, nibbles.ToArray(), static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[i] = "0123456789abcdef"[source[i]];
            }
        });
    }
}
