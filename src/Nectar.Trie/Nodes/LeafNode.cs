namespace Nectar.Trie.Nodes;

/// <summary>The end of one key: the nibbles left after the parents' paths, and the value.</summary>
/// <remarks>
/// A new leaf keeps its value and its path nibbles in one array (value first), so inserting a key allocates
/// the node and a single array. The path part is never written again (other paths may share it); the value
/// part is this leaf's own.
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

    /// <summary>
    /// Replaces the value with a copy of <paramref name="value"/>. A value of the same length (an account's
    /// balance or nonce changing) is written over the old one, so the update allocates nothing; the value bytes
    /// belong to this leaf alone, and the path nibbles after them are left untouched.
    /// </summary>
    public void SetValue(ReadOnlySpan<byte> value)
    {
        if (value.Length == _valueLength)
        {
            value.CopyTo(_storage);
            return;
        }

        _storage = value.ToArray();
        _valueLength = value.Length;
    }

    /// <summary>The value as an array the caller may keep; shared when the leaf's array holds nothing else.</summary>
    public byte[] ValueArray() => _valueLength == _storage.Length ? _storage : Value.ToArray();
}
