using System.Buffers;
using System.Runtime.CompilerServices;
using Nectar.Trie.Nodes;

namespace Nectar.Trie;

/// <summary>Merkle proofs in the <c>eth_getProof</c> format.</summary>
public sealed partial class PatriciaTrie
{
    /// <summary>
    /// Builds the proof for <paramref name="key"/>: the RLP of every node on the key's path that is referenced by
    /// hash, from the root (always included) down to the leaf holding the key, or down to the node showing the key
    /// is absent. Nodes embedded in their parent are part of the parent's RLP and are not listed on their own.
    /// An empty trie has an empty proof.
    /// </summary>
    /// <param name="key">The key to prove.</param>
    /// <returns>The proof nodes, root first; check them with <see cref="TrieProof.TryVerify"/>.</returns>
    /// <exception cref="MissingTrieNodeException">A node on the key's path is not in the store.</exception>
    public byte[][] GetProof(ReadOnlySpan<byte> key)
    {
        // The proof nodes embed their children's hashes, so every dirty node must be hashed first.
        _ = RootHash;
        if (_root is null)
        {
            return [];
        }

        byte[]? rented = null;
        var path = key.Length <= Nibbles.StackKeyLimit
            ? stackalloc byte[2 * Nibbles.StackKeyLimit]
            : rented = ArrayPool<byte>.Shared.Rent(2 * key.Length);
        path = path[..(2 * key.Length)];
        Nibbles.FromBytes(key, path);
        try
        {
            return CollectProof(path);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private byte[][] CollectProof(ReadOnlySpan<byte> path)
    {
        var node = _root!;
        if (node.Kind == NodeKind.Hash)
        {
            _root = node = Load(node, default);
        }

        var proof = new List<byte[]> { NodeEncoder.ToArray(node) };
        var position = 0;
        while (true)
        {
            TrieNode? next;
            switch (node.Kind)
            {
                case NodeKind.Leaf:
                    return [.. proof];

                case NodeKind.Extension:
                    var extension = Unsafe.As<ExtensionNode>(node);
                    var segment = extension.Path.Span;
                    if (!path[position..].StartsWith(segment))
                    {
                        return [.. proof];
                    }

                    position += segment.Length;
                    next = extension.Child;
                    if (next.Kind == NodeKind.Hash)
                    {
                        extension.Child = next = Load(next, path[..position]);
                    }

                    break;

                default:
                    var branch = Unsafe.As<BranchNode>(node);
                    if (position == path.Length)
                    {
                        return [.. proof];
                    }

                    var slot = path[position++];
                    next = branch.Children[slot];
                    if (next is null)
                    {
                        return [.. proof];
                    }

                    if (next.Kind == NodeKind.Hash)
                    {
                        branch.Children[slot] = next = Load(next, path[..position]);
                    }

                    break;
            }

            if (next.Reference.IsHash)
            {
                proof.Add(NodeEncoder.ToArray(next));
            }

            node = next;
        }
    }
}
