namespace Nectar.Trie.Nodes;

/// <summary>
/// A node of the in-memory trie. Nodes are mutable and owned by one trie: an update changes the nodes on the
/// key's path in place and clears their cached references, so hashing revisits only those paths.
/// </summary>
internal abstract class TrieNode
{
    /// <summary>The cached reference (hash or embedded encoding); unset while the node is dirty.</summary>
    public NodeReference Reference;

    /// <summary>
    /// Whether the node is in the store (or embedded in a stored parent), so a commit skips it and its subtree.
    /// Implies <see cref="Reference"/> is set.
    /// </summary>
    public bool IsPersisted;

    protected TrieNode(NodeKind kind)
    {
        Kind = kind;
    }

    /// <summary>The node's shape.</summary>
    public NodeKind Kind { get; }

    /// <summary>Forgets the cached reference and the persisted mark after a change to the node.</summary>
    public void MarkDirty()
    {
        Reference.Clear();
        IsPersisted = false;
    }
}
