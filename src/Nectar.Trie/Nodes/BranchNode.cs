namespace Nectar.Trie.Nodes;

/// <summary>A fork in the paths: one child per next nibble, and the value of a key that ends at this node.</summary>
internal sealed class BranchNode : TrieNode
{
    /// <summary>The children, indexed by nibble.</summary>
    public BranchChildren Children;

    /// <summary>The value of the key ending here, or <see langword="null"/>.</summary>
    public byte[]? Value;

    public BranchNode()
        : base(NodeKind.Branch)
    {
    }

    /// <summary>How many children are present, plus one when the branch holds a value.</summary>
    /// <returns>The number of entries.</returns>
    public int CountEntries()
    {
        var count = Value is null ? 0 : 1;
        for (var i = 0; i < 16; i++)
        {
            if (Children[i] is not null)
            {
                count++;
            }
        }

        return count;
    }
}
