namespace Nectar.Db;

/// <summary>Byte-wise key arithmetic shared by the stores: the exclusive end of a prefix scan.</summary>
public static class KeyBounds
{
    /// <summary>
    /// Writes the smallest key greater than every key starting with <paramref name="prefix"/>: the prefix
    /// without its trailing 0xff bytes, with its last byte incremented.
    /// </summary>
    /// <param name="prefix">The scan prefix.</param>
    /// <param name="destination">At least <paramref name="prefix"/>'s length.</param>
    /// <returns>
    /// The length written, or -1 when no such key exists (the prefix is empty or only 0xff bytes), so the
    /// scan has no upper bound.
    /// </returns>
    public static int PrefixEnd(ReadOnlySpan<byte> prefix, Span<byte> destination)
    {
        var last = prefix.LastIndexOfAnyExcept((byte)0xff);
        if (last < 0)
        {
            return -1;
        }

        prefix[..(last + 1)].CopyTo(destination);
        destination[last]++;
        return last + 1;
    }

    /// <summary>The exclusive end of a prefix scan as a new array; see <see cref="PrefixEnd(ReadOnlySpan{byte}, Span{byte})"/>.</summary>
    /// <param name="prefix">The scan prefix.</param>
    /// <returns>The end key, or <see langword="null"/> when the scan has no upper bound.</returns>
    public static byte[]? PrefixEnd(ReadOnlySpan<byte> prefix)
    {
        var end = new byte[prefix.Length];
        var length = PrefixEnd(prefix, end);
        return length < 0 ? null : end[..length];
    }
}
