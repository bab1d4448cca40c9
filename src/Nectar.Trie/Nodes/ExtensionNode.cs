namespace Nectar.Trie.Nodes;

/// <summary>A path segment shared by every key below it, leading to one branch.</summary>
internal sealed class ExtensionNode : TrieNode
{
    /// <summary>The shared nibbles; never empty.</summary>
    public NibblePath Path;

    /// <summary>The branch (or a not yet loaded node) the path leads to.</summary>
    public TrieNode Child;

    public ExtensionNode(NibblePath path, TrieNode child)
        : base(NodeKind.Extension)
    {
        Path = path;
        Child = child;
    }
}
