using System.Buffers;
using System.Runtime.CompilerServices;
using Nectar.Core.Primitives;
using Nectar.Db;
using Nectar.Trie.Nodes;

namespace Nectar.Trie;

/// <summary>Persistence: new nodes go into a write batch, keyed by their hash.</summary>
public sealed partial class PatriciaTrie
{
    /// <summary>
    /// Computes the root and adds every node not yet in the store to <paramref name="batch"/> as
    /// node hash -> node RLP in <see cref="Store"/>. Nodes read from the store or written by an earlier commit are
    /// not written again; nodes embedded in their parent (shorter than 32 bytes) are not stored on their own, except
    /// the root, which is always stored under its hash.
    /// </summary>
    /// <param name="batch">The batch to fill; the caller commits it, typically with the rest of the block.</param>
    /// <returns>The root hash, as <see cref="RootHash"/>.</returns>
    /// <exception cref="InvalidOperationException">The trie has no store.</exception>
    /// <remarks>The written nodes count as persisted once they are in the batch: commit the batch before reopening the trie.</remarks>
    public Hash256 Commit(IWriteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var store = _store ?? throw new InvalidOperationException("This trie has no node store to commit to; create it over an IKeyValueStore.");
        var rootHash = RootHash;
        var root = _root;
        if (root is null)
        {
            return rootHash;
        }

        if (!root.IsPersisted)
        {
            Persist(root, batch, store, _cache, isRoot: true);
        }
        else if (!root.Reference.IsHash)
        {
            // A short node that became the root unchanged was only ever embedded: store it under its hash now.
            Put(root, batch, store, _cache, isRoot: true);
        }

        return rootHash;
    }

    private static void Persist(TrieNode node, IWriteBatch batch, IKeyValueStore store, TrieNodeCache? cache, bool isRoot)
    {
        switch (node.Kind)
        {
            case NodeKind.Extension:
                var child = Unsafe.As<ExtensionNode>(node).Child;
                if (!child.IsPersisted)
                {
                    Persist(child, batch, store, cache, isRoot: false);
                }

                break;
            case NodeKind.Branch:
                var branch = Unsafe.As<BranchNode>(node);
                for (var i = 0; i < 16; i++)
                {
                    if (branch.Children[i] is { IsPersisted: false } next)
                    {
                        Persist(next, batch, store, cache, isRoot: false);
                    }
                }

                break;
        }

        if (isRoot || node.Reference.IsHash)
        {
            Put(node, batch, store, cache, isRoot);
        }

        node.IsPersisted = true;
    }

    [SkipLocalsInit]
    private static void Put(TrieNode node, IWriteBatch batch, IKeyValueStore store, TrieNodeCache? cache, bool isRoot)
    {
        var length = NodeEncoder.GetLength(node);
        byte[]? rented = null;
        var buffer = length <= NodeEncoder.StackBufferSize
            ? stackalloc byte[NodeEncoder.StackBufferSize]
            : rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var encoding = buffer[..NodeEncoder.Write(node, buffer)];
            // The next block's commit loads what this one wrote: the cache has it from here on.
            var hash = node.Reference.ToStorageHash();
            System.Diagnostics.Debug.Assert(isRoot || node.Reference.IsHash, "Only the root is stored when shorter than a hash.");
            batch.Put(store, hash.Bytes, encoding);
            cache?.Add(hash, encoding);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
