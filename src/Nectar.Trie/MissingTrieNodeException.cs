using Nectar.Core.Primitives;

namespace Nectar.Trie;

/// <summary>
/// A trie node referenced by hash is not in the node store: the store was pruned or written partially, or the
/// trie was opened at a root that was never committed to this store.
/// </summary>
public sealed class MissingTrieNodeException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public MissingTrieNodeException()
        : base("A trie node is missing from the node store.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What is missing.</param>
    public MissingTrieNodeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">What is missing.</param>
    /// <param name="innerException">The cause.</param>
    public MissingTrieNodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the node <paramref name="nodeHash"/> expected at <paramref name="path"/>.</summary>
    /// <param name="nodeHash">The hash the parent refers to.</param>
    /// <param name="path">The nibbles from the root to the node, one hex digit each ("(root)" for the root).</param>
    /// <param name="hasStore">Whether the trie has a node store at all.</param>
    internal MissingTrieNodeException(Hash256 nodeHash, string path, bool hasStore)
        : base(hasStore
            ? $"Trie node {nodeHash} at path {path} is missing from the node store."
            : $"Trie node {nodeHash} at path {path} is not in memory and the trie has no node store to load it from.")
    {
        NodeHash = nodeHash;
        Path = path;
    }

    /// <summary>The hash of the missing node.</summary>
    public Hash256 NodeHash { get; }

    /// <summary>The nibbles from the root to the missing node, one hex digit each; "(root)" for the root node.</summary>
    public string Path { get; } = string.Empty;
}
