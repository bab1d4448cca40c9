using System.Runtime.CompilerServices;

namespace Nectar.Trie.Nodes;

/// <summary>
/// Hex-prefix ("compact") encoding of a node's path: a flag nibble (2 for a leaf, plus 1 for an odd number of
/// nibbles), a zero pad nibble when the count is even, then the nibbles packed two per byte.
/// </summary>
internal static class CompactPath
{
    private const int LeafFlag = 2;
    private const int OddFlag = 1;

    /// <summary>Length of the compact form of a path of <paramref name="nibbleCount"/> nibbles.</summary>
    /// <param name="nibbleCount">The path length.</param>
    /// <returns>One flag byte (holding the first nibble when odd) plus the packed pairs.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Length(int nibbleCount) => (nibbleCount / 2) + 1;

    /// <summary>Writes the compact form of <paramref name="nibbles"/>.</summary>
    /// <param name="nibbles">The path.</param>
    /// <param name="isLeaf">Whether the path ends at a leaf.</param>
    /// <param name="destination">Room for <see cref="Length"/> bytes.</param>
    public static void Write(ReadOnlySpan<byte> nibbles, bool isLeaf, Span<byte> destination)
    {
        var flag = isLeaf ? LeafFlag : 0;
        int next;
        if ((nibbles.Length & 1) != 0)
        {
            destination[0] = (byte)(((flag | OddFlag) << 4) | nibbles[0]);
            next = 1;
        }
        else
        {
            destination[0] = (byte)(flag << 4);
            next = 0;
        }

        var target = destination.Slice(1, (nibbles.Length - next) / 2);
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = (byte)((nibbles[next + (2 * i)] << 4) | nibbles[next + (2 * i) + 1]);
        }
    }

    /// <summary>Decodes a compact path into <paramref name="destination"/>.</summary>
    /// <param name="compact">The compact bytes.</param>
    /// <param name="destination">Room for <c>2 * compact.Length</c> nibbles.</param>
    /// <param name="isLeaf">Whether the flag marks a leaf.</param>
    /// <returns>The number of nibbles, or -1 when the input is empty, the flag is unknown or the pad nibble is not zero.</returns>
    public static int TryDecode(ReadOnlySpan<byte> compact, Span<byte> destination, out bool isLeaf)
    {
        isLeaf = false;
        if (compact.IsEmpty)
        {
            return -1;
        }

        var flag = compact[0] >> 4;
        if (flag > (LeafFlag | OddFlag))
        {
            return -1;
        }

        isLeaf = (flag & LeafFlag) != 0;
        var odd = (flag & OddFlag) != 0;
        if (!odd && (compact[0] & 0x0F) != 0)
        {
            return -1;
        }

        var position = 0;
        if (odd)
        {
            destination[position++] = (byte)(compact[0] & 0x0F);
        }

        Nibbles.FromBytes(compact[1..], destination[position..]);
        return position + ((compact.Length - 1) * 2);
    }
}
