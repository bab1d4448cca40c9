using System.Buffers;
using System.Runtime.CompilerServices;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;
using Nectar.Trie.Nodes;

namespace Nectar.Trie;

/// <summary>Checks <c>eth_getProof</c>-style Merkle proofs against a root hash without any store.</summary>
[SkipLocalsInit]
public static class TrieProof
{
    /// <summary>
    /// Verifies that <paramref name="proof"/> shows the value of <paramref name="key"/>, or its absence, in the trie
    /// whose root is <paramref name="rootHash"/>. The proof lists the nodes referenced by hash along the key's path,
    /// root first, as <see cref="PatriciaTrie.GetProof"/> produces; each must hash to the reference its parent
    /// holds, every node must be canonical, and no node may be left over.
    /// </summary>
    /// <param name="rootHash">The trusted root.</param>
    /// <param name="key">The key as stored in the trie (for a secure trie, keccak of the key).</param>
    /// <param name="proof">The proof nodes.</param>
    /// <param name="value">The proven value, or <see langword="null"/> when the proof shows the key is absent.</param>
    /// <returns><see langword="true"/> when the proof is valid; <paramref name="value"/> is then the answer.</returns>
    public static bool TryVerify(in Hash256 rootHash, ReadOnlySpan<byte> key, IReadOnlyList<byte[]> proof, out byte[]? value)
    {
        ArgumentNullException.ThrowIfNull(proof);
        value = null;
        if (proof.Count == 0)
        {
            // Only the empty trie is proven by no nodes at all.
            return rootHash == Hash256.EmptyTrieRoot;
        }

        byte[]? rented = null;
        var path = key.Length <= Nibbles.StackKeyLimit
            ? stackalloc byte[2 * Nibbles.StackKeyLimit]
            : rented = ArrayPool<byte>.Shared.Rent(2 * key.Length);
        path = path[..(2 * key.Length)];
        Nibbles.FromBytes(key, path);
        try
        {
            return Walk(rootHash, path, proof, out value);
        }
        catch (Exception e) when (e is RlpException or InvalidDataException)
        {
            value = null;
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool Walk(in Hash256 rootHash, ReadOnlySpan<byte> path, IReadOnlyList<byte[]> proof, out byte[]? value)
    {
        value = null;
        if (proof[0] is null || Keccak256.Compute(proof[0]) != rootHash)
        {
            return false;
        }

        var node = NodeDecoder.Decode(proof[0]);
        var used = 1;
        var position = 0;
        while (true)
        {
            TrieNode? next;
            switch (node.Kind)
            {
                case NodeKind.Leaf:
                    var leaf = Unsafe.As<LeafNode>(node);
                    if (leaf.Path.Span.SequenceEqual(path[position..]))
                    {
                        value = leaf.Value.ToArray();
                    }

                    return used == proof.Count;

                case NodeKind.Extension:
                    var extension = Unsafe.As<ExtensionNode>(node);
                    var segment = extension.Path.Span;
                    if (!path[position..].StartsWith(segment))
                    {
                        return used == proof.Count;
                    }

                    position += segment.Length;
                    next = extension.Child;
                    break;

                case NodeKind.Branch:
                    var branch = Unsafe.As<BranchNode>(node);
                    if (position == path.Length)
                    {
                        value = branch.Value;
                        return used == proof.Count;
                    }

                    next = branch.Children[path[position++]];
                    if (next is null)
                    {
                        return used == proof.Count;
                    }

                    break;

                default:
                    return false;
            }

            if (next.Kind != NodeKind.Hash)
            {
                // Embedded in its parent, so already covered by the parent's hash.
                node = next;
                continue;
            }

            if (used == proof.Count || proof[used] is not { } encoding || Keccak256.Compute(encoding) != next.Reference.ToHash())
            {
                return false;
            }

            node = NodeDecoder.Decode(encoding);
            used++;
        }
    }
}
