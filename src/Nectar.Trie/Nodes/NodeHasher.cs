using System.Runtime.CompilerServices;

namespace Nectar.Trie.Nodes;

/// <summary>
/// Computes the references of dirty nodes bottom-up. Clean nodes (reference set) are skipped with their whole
/// subtree, so after an update only the updated paths are encoded and hashed again.
/// </summary>
internal static class NodeHasher
{
    /// <summary>Computes the reference of <paramref name="node"/> and of every dirty node below it.</summary>
    /// <param name="node">The subtree's root.</param>
    public static void Hash(TrieNode node)
    {
        if (node.Reference.IsSet)
        {
            return;
        }

        switch (node.Kind)
        {
            case NodeKind.Extension:
                Hash(Unsafe.As<ExtensionNode>(node).Child);
                break;
            case NodeKind.Branch:
                var branch = Unsafe.As<BranchNode>(node);
                for (var i = 0; i < 16; i++)
                {
                    if (branch.Children[i] is { } child)
                    {
                        Hash(child);
                    }
                }

                break;
        }

        NodeEncoder.Seal(node);
    }

    /// <summary>
    /// Like <see cref="Hash"/>, but hashes the sixteen subtrees of the top branch on the thread pool. Subtrees are
    /// disjoint and each node is written by one thread only, so no locking is needed.
    /// </summary>
    /// <param name="node">The trie's root.</param>
    public static void HashParallel(TrieNode node)
    {
        if (node.Reference.IsSet)
        {
            return;
        }

        var top = node;
        if (top is ExtensionNode extension)
        {
            top = extension.Child;
        }

        if (top is BranchNode branch && !branch.Reference.IsSet)
        {
            Parallel.For(0, 16, i =>
            {
                if (branch.Children[i] is { } child)
                {
                    Hash(child);
                }
            });
        }

        Hash(node);
    }
}
