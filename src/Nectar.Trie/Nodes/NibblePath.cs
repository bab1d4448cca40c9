namespace Nectar.Trie.Nodes;

/// <summary>
/// A run of nibbles (one per byte, values 0-15) inside an immutable array. Arrays are never written after
/// creation, so splitting a path into a prefix and a suffix shares the array instead of copying it.
/// </summary>
internal readonly struct NibblePath
{
    private static readonly byte[][] SingleNibbles = CreateSingleNibbles();

    private readonly byte[]? _array;
    private readonly int _start;

    private NibblePath(byte[] array, int start, int length)
    {
        _array = array;
        _start = start;
        Length = length;
    }

    /// <summary>The number of nibbles.</summary>
    public int Length { get; }

    /// <summary>The nibbles.</summary>
    public ReadOnlySpan<byte> Span => new(_array, _start, Length);

    /// <summary>A path of exactly one nibble, shared (no allocation).</summary>
    /// <param name="nibble">The nibble, 0 to 15.</param>
    /// <returns>The path.</returns>
    public static NibblePath Single(int nibble) => new(SingleNibbles[nibble], 0, 1);

    /// <summary>Copies <paramref name="nibbles"/> into a new path.</summary>
    /// <param name="nibbles">The nibbles to copy.</param>
    /// <returns>The path; the empty path allocates nothing.</returns>
    public static NibblePath Copy(ReadOnlySpan<byte> nibbles) =>
        nibbles.IsEmpty ? default : new NibblePath(nibbles.ToArray(), 0, nibbles.Length);

    /// <summary>A path over part of an array the caller never writes again.</summary>
    /// <param name="array">The array.</param>
    /// <param name="start">The first nibble.</param>
    /// <param name="length">The number of nibbles.</param>
    /// <returns>The path; the empty path keeps no array.</returns>
    public static NibblePath Slice(byte[] array, int start, int length) => length == 0 ? default : new NibblePath(array, start, length);

    /// <summary>A new path holding <paramref name="first"/> followed by <paramref name="second"/>.</summary>
    /// <param name="first">The leading nibbles.</param>
    /// <param name="second">The trailing nibbles.</param>
    /// <returns>The joined path.</returns>
    public static NibblePath Concat(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var array = new byte[first.Length + second.Length];
        first.CopyTo(array);
        second.CopyTo(array.AsSpan(first.Length));
        return new NibblePath(array, 0, array.Length);
    }

    /// <summary>The nibbles from <paramref name="start"/> on, sharing the array.</summary>
    /// <param name="start">The first nibble kept.</param>
    /// <returns>The suffix.</returns>
    public NibblePath Slice(int start) => Slice(start, Length - start);

    /// <summary>A sub-path sharing the array.</summary>
    /// <param name="start">The first nibble kept.</param>
    /// <param name="length">How many nibbles to keep.</param>
    /// <returns>The sub-path.</returns>
    public NibblePath Slice(int start, int length)
    {
        if ((uint)start > (uint)Length || (uint)length > (uint)(Length - start))
        {
            throw new ArgumentOutOfRangeException(nameof(start));
        }

        return length == 0 ? default : new NibblePath(_array!, _start + start, length);
    }

    private static byte[][] CreateSingleNibbles()
    {
        var result = new byte[16][];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = [(byte)i];
        }

        return result;
    }
}
