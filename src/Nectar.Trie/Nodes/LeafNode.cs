namespace Nectar.Trie.Nodes;

/// <summary>The end of one key: the nibbles left after the parents' paths, and the value.</summary>
internal sealed class LeafNode : TrieNode
{
    /// <summary>The remaining nibbles of the key (possibly none).</summary>
    public NibblePath Path;

    /// <summary>The value; never empty.</summary>
    public byte[] Value;

    public LeafNode(NibblePath path, byte[] value)
        : base(NodeKind.Leaf)
    {
        Path = path;
        Value = value;
    }
}
