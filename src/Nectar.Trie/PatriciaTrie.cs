using System.Buffers;
using System.Runtime.CompilerServices;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;
using Nectar.Db;
using Nectar.Trie.Nodes;

namespace Nectar.Trie;

/// <summary>
/// The Ethereum Merkle-Patricia trie over byte keys, with nodes loaded lazily from a node store (node hash ->
/// node RLP) and new nodes written back by <see cref="Commit"/>.
/// </summary>
/// <remarks>
/// <para>
/// Updates (<see cref="Set"/>, <see cref="Delete"/>) change the in-memory nodes on the key's path and mark them
/// dirty; <see cref="RootHash"/> then encodes and hashes only the dirty nodes, in parallel over the top branch's
/// subtrees when many keys changed. A trie is used by one thread at a time.
/// </para>
/// <para>
/// Opened at a root hash, the trie holds only a placeholder for the root; each node is read from the store the
/// first time a path reaches it and kept in memory afterwards. Reopen the trie at its committed root to let the
/// loaded nodes go.
/// </para>
/// </remarks>
[SkipLocalsInit]
public sealed partial class PatriciaTrie
{
    private static readonly ValueReader<object?, TrieNode> DecodeStored = static (value, _) =>
    {
        var node = NodeDecoder.Decode(value);

        // Only a root is stored when shorter than a hash; should it ever sit below another node, it is embedded.
        if (value.Length < Hash256.Length)
        {
            node.Reference.SetFromEncoding(value);
        }

        return node;
    };

    private readonly IKeyValueStore? _store;
    private readonly TrieNodeCache? _cache;
    private TrieNode? _root;

    /// <summary>Creates an empty trie kept only in memory (it can compute roots and proofs, not commit).</summary>
    public PatriciaTrie()
    {
    }

    /// <summary>Creates an empty trie whose nodes <see cref="Commit"/> writes to <paramref name="store"/>.</summary>
    /// <param name="store">The node column (node hash -> node RLP), or <see langword="null"/> for a memory-only trie.</param>
    /// <param name="cache">Encoded nodes shared by the tries over <paramref name="store"/>, or <see langword="null"/>.</param>
    public PatriciaTrie(IKeyValueStore? store, TrieNodeCache? cache = null)
    {
        _store = store;
        _cache = store is null ? null : cache;
    }

    /// <summary>Opens the trie whose root hash is <paramref name="rootHash"/>, reading its nodes from <paramref name="store"/> on demand.</summary>
    /// <param name="store">The node column holding the committed trie.</param>
    /// <param name="rootHash">The root hash; <see cref="Hash256.EmptyTrieRoot"/> opens an empty trie.</param>
    /// <param name="cache">Encoded nodes shared by the tries over <paramref name="store"/>, or <see langword="null"/>.</param>
    /// <remarks>Nothing is read here: a root missing from the store surfaces as <see cref="MissingTrieNodeException"/> on first access.</remarks>
    public PatriciaTrie(IKeyValueStore store, in Hash256 rootHash, TrieNodeCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _cache = cache;
        _root = rootHash == Hash256.EmptyTrieRoot ? null : new HashNode(rootHash);
    }

    /// <summary>The node column this trie reads from and commits to, if any.</summary>
    public IKeyValueStore? Store => _store;

    /// <summary>The node cache this trie shares with the other tries over <see cref="Store"/>, if any.</summary>
    public TrieNodeCache? Cache => _cache;

    /// <summary>Whether the trie holds no keys.</summary>
    public bool IsEmpty => _root is null;

    /// <summary>Looks up <paramref name="key"/> without copying its value.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, valid until the key is next updated; empty when the key is absent.</param>
    /// <returns><see langword="true"/> when the key is present.</returns>
    /// <exception cref="MissingTrieNodeException">A node on the key's path is not in the store.</exception>
    public bool TryGet(scoped ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        byte[]? rented = null;
        var path = key.Length <= Nibbles.StackKeyLimit
            ? stackalloc byte[2 * Nibbles.StackKeyLimit]
            : rented = ArrayPool<byte>.Shared.Rent(2 * key.Length);
        path = path[..(2 * key.Length)];
        Nibbles.FromBytes(key, path);
        try
        {
            return TryGetCore(path, out value);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Looks up <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>A copy of the value, or <see langword="null"/> when the key is absent.</returns>
    /// <exception cref="MissingTrieNodeException">A node on the key's path is not in the store.</exception>
    public byte[]? Get(ReadOnlySpan<byte> key) => TryGet(key, out var value) ? value.ToArray() : null;

    /// <summary>Sets the value of <paramref name="key"/>; an empty value deletes the key, as in Ethereum.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value (copied); empty to delete.</param>
    /// <exception cref="MissingTrieNodeException">A node on the key's path is not in the store.</exception>
    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            Delete(key);
            return;
        }

        byte[]? rented = null;
        var path = key.Length <= Nibbles.StackKeyLimit
            ? stackalloc byte[2 * Nibbles.StackKeyLimit]
            : rented = ArrayPool<byte>.Shared.Rent(2 * key.Length);
        path = path[..(2 * key.Length)];
        Nibbles.FromBytes(key, path);
        try
        {
            var changed = false;
            _root = Insert(_root, path, 0, value, ref changed);
            if (changed)
            {
                _changesSinceHash++;
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Removes <paramref name="key"/>; removing an absent key changes nothing.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when the key was present.</returns>
    /// <exception cref="MissingTrieNodeException">A node on the key's path (or a sibling that must be merged) is not in the store.</exception>
    public bool Delete(ReadOnlySpan<byte> key)
    {
        byte[]? rented = null;
        var path = key.Length <= Nibbles.StackKeyLimit
            ? stackalloc byte[2 * Nibbles.StackKeyLimit]
            : rented = ArrayPool<byte>.Shared.Rent(2 * key.Length);
        path = path[..(2 * key.Length)];
        Nibbles.FromBytes(key, path);
        try
        {
            var changed = false;
            _root = Remove(_root, path, 0, ref changed);
            if (changed)
            {
                _changesSinceHash++;
            }

            return changed;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private bool TryGetCore(scoped ReadOnlySpan<byte> path, out ReadOnlySpan<byte> value)
    {
        value = default;
        var node = _root;
        if (node is null)
        {
            return false;
        }

        if (node.Kind == NodeKind.Hash)
        {
            _root = node = Load(node, default);
        }

        var position = 0;
        while (true)
        {
            switch (node.Kind)
            {
                case NodeKind.Leaf:
                    var leaf = Unsafe.As<LeafNode>(node);
                    if (!leaf.Path.Span.SequenceEqual(path[position..]))
                    {
                        return false;
                    }

                    value = leaf.Value;
                    return true;

                case NodeKind.Extension:
                    var extension = Unsafe.As<ExtensionNode>(node);
                    var segment = extension.Path.Span;
                    if (!path[position..].StartsWith(segment))
                    {
                        return false;
                    }

                    position += segment.Length;
                    node = extension.Child;
                    if (node.Kind == NodeKind.Hash)
                    {
                        extension.Child = node = Load(node, path[..position]);
                    }

                    break;

                default:
                    var branch = Unsafe.As<BranchNode>(node);
                    if (position == path.Length)
                    {
                        value = branch.Value;
                        return branch.Value is not null;
                    }

                    var slot = path[position++];
                    var child = branch.Children[slot];
                    if (child is null)
                    {
                        return false;
                    }

                    if (child.Kind == NodeKind.Hash)
                    {
                        branch.Children[slot] = child = Load(child, path[..position]);
                    }

                    node = child;
                    break;
            }
        }
    }

    /// <summary>Reads the body of a node known by hash from the store.</summary>
    /// <param name="node">The placeholder.</param>
    /// <param name="path">The nibbles from the root to the node, for the error message.</param>
    /// <returns>The decoded node, clean and persisted; the caller puts it in place of the placeholder.</returns>
    private TrieNode Load(TrieNode node, ReadOnlySpan<byte> path)
    {
        var hash = node.Reference.ToHash();
        if (_store is null)
        {
            throw new MissingTrieNodeException(hash, Nibbles.Describe(path), hasStore: false);
        }

        bool found;
        TrieNode? loaded;
        try
        {
            found = _cache is null ? _store.TryRead(hash.Bytes, null, DecodeStored, out loaded) : TryLoadCached(hash, out loaded);
        }
        catch (Exception e) when (e is RlpException or InvalidDataException)
        {
            throw new InvalidDataException($"Trie node {hash} at path {Nibbles.Describe(path)} is corrupt in the store: {e.Message}", e);
        }

        if (!found || loaded is null)
        {
            throw new MissingTrieNodeException(hash, Nibbles.Describe(path), hasStore: true);
        }

        if (!loaded.Reference.IsSet)
        {
            loaded.Reference = node.Reference;
        }

        loaded.IsPersisted = true;
        return loaded;
    }

    private bool TryLoadCached(in Hash256 hash, out TrieNode? loaded)
    {
        if (!_cache!.TryGet(hash, out var encoding))
        {
            if (_store!.Get(hash.Bytes) is not { } stored)
            {
                loaded = null;
                return false;
            }

            encoding = stored;
            _cache.Add(hash, encoding);
        }

        loaded = DecodeStored(encoding, null);
        return true;
    }
}
