namespace Nectar.Trie.Nodes;

/// <summary>The end of one key: the nibbles left after the parents' paths, and the value.</summary>
/// <remarks>
/// A new leaf keeps its value and its path nibbles in one array (value first), so inserting a key allocates
/// the node and a single array; neither part of the array is written again.
/// </remarks>
internal sealed class LeafNode : TrieNode
{
    /// <summary>The remaining nibbles of the key (possibly none).</summary>
    public NibblePath Path;

    private byte[] _storage;
    private int _valueLength;

    /// <summary>Creates a leaf over a value array the caller hands over.</summary>
    public LeafNode(NibblePath path, byte[] value)
        : base(NodeKind.Leaf)
    {
        Path = path;
        _storage = value;
        _valueLength = value.Length;
    }

    private LeafNode(byte[] storage, int valueLength, int pathLength)
        : base(NodeKind.Leaf)
    {
        _storage = storage;
        _valueLength = valueLength;
        Path = NibblePath.Slice(storage, valueLength, pathLength);
    }

    /// <summary>The value; never empty.</summary>
    public ReadOnlySpan<byte> Value => new(_storage, 0, _valueLength);

    /// <summary>Creates a leaf holding copies of <paramref name="path"/> and <paramref name="value"/> in one array.</summary>
    public static LeafNode Create(ReadOnlySpan<byte> path, ReadOnlySpan<byte> value)
    {
        var storage = new byte[value.Length + path.Length];
        value.CopyTo(storage);
        path.CopyTo(storage.AsSpan(value.Length));
        return new LeafNode(storage, value.Length, path.Length);
    }

    /// <summary>Replaces the value with a copy of <paramref name="value"/>; the path keeps its array.</summary>
    public void SetValue(ReadOnlySpan<byte> value)
    {
        _storage = value.ToArray();
        _valueLength = value.Length;
    }

    /// <summary>The value as an array the caller may keep; shared when the leaf's array holds nothing else.</summary>
    public byte[] ValueArray() => _valueLength == _storage.Length ? _storage : Value.ToArray();
}
