using Nectar.Core.Primitives;

namespace Nectar.Trie.Nodes;

/// <summary>A stored node not loaded yet: only its hash is known. Resolved from the store when a path reaches it.</summary>
internal sealed class HashNode : TrieNode
{
    public HashNode(in Hash256 hash)
        : base(NodeKind.Hash)
    {
        Reference.SetHash(hash);
        IsPersisted = true;
    }

    /// <summary>Creates a placeholder from a 32-byte hash read out of a parent's encoding.</summary>
    /// <param name="hash">The 32 bytes.</param>
    public HashNode(ReadOnlySpan<byte> hash)
        : this(new Hash256(hash))
    {
    }
}
