namespace Nectar.Chain.Storage;

/// <summary>Orders keys byte-wise (unsigned, lexicographic, a shorter key before its extensions), as the stores do.</summary>
internal sealed class ByteArrayComparer : IComparer<byte[]>
{
    public static readonly ByteArrayComparer Instance = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}
