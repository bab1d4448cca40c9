using System.Runtime.CompilerServices;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;
using Nectar.Db;

namespace Nectar.Trie;

/// <summary>
/// A trie keyed by the keccak of each key: the account trie (keccak(address) -> account RLP) and the storage
/// tries (keccak(slot) -> RLP of the trimmed value). Hashing spreads keys evenly, which keeps the trie shallow
/// and balanced whatever the keys are.
/// </summary>
/// <remarks>The underlying <see cref="Trie"/> sees only hashed keys; use it directly when the key hash is already known.</remarks>
[SkipLocalsInit]
public sealed class SecureTrie
{
    /// <summary>Creates an empty secure trie kept only in memory.</summary>
    public SecureTrie()
        : this(new PatriciaTrie())
    {
    }

    /// <summary>Creates an empty secure trie whose nodes <see cref="Commit"/> writes to <paramref name="store"/>.</summary>
    /// <param name="store">The node column, or <see langword="null"/> for a memory-only trie.</param>
    /// <param name="cache">Encoded nodes shared by the tries over <paramref name="store"/>, or <see langword="null"/>.</param>
    public SecureTrie(IKeyValueStore? store, TrieNodeCache? cache = null)
        : this(new PatriciaTrie(store, cache))
    {
    }

    /// <summary>Opens the secure trie whose root is <paramref name="rootHash"/> in <paramref name="store"/>.</summary>
    /// <param name="store">The node column holding the committed trie.</param>
    /// <param name="rootHash">The root hash; <see cref="Hash256.EmptyTrieRoot"/> opens an empty trie.</param>
    /// <param name="cache">Encoded nodes shared by the tries over <paramref name="store"/>, or <see langword="null"/>.</param>
    public SecureTrie(IKeyValueStore store, in Hash256 rootHash, TrieNodeCache? cache = null)
        : this(new PatriciaTrie(store, rootHash, cache))
    {
    }

    /// <summary>Wraps a trie whose keys are already hashed.</summary>
    /// <param name="trie">The trie keyed by keccak(key).</param>
    public SecureTrie(PatriciaTrie trie)
    {
        ArgumentNullException.ThrowIfNull(trie);
        Trie = trie;
    }

    /// <summary>The underlying trie, keyed by keccak(key).</summary>
    public PatriciaTrie Trie { get; }

    /// <summary>The root hash; see <see cref="PatriciaTrie.RootHash"/>.</summary>
    public Hash256 RootHash => Trie.RootHash;

    /// <summary>Looks up <paramref name="key"/> without copying its value.</summary>
    /// <param name="key">The unhashed key (an address, a storage slot).</param>
    /// <param name="value">The value, valid until the key is next updated.</param>
    /// <returns><see langword="true"/> when the key is present.</returns>
    /// <exception cref="MissingTrieNodeException">A node on the key's path is not in the store.</exception>
    public bool TryGet(scoped ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(key, hash);
        return Trie.TryGet(hash, out value);
    }

    /// <summary>Looks up <paramref name="key"/>.</summary>
    /// <param name="key">The unhashed key.</param>
    /// <returns>A copy of the value, or <see langword="null"/> when the key is absent.</returns>
    /// <exception cref="MissingTrieNodeException">A node on the key's path is not in the store.</exception>
    public byte[]? Get(ReadOnlySpan<byte> key) => TryGet(key, out var value) ? value.ToArray() : null;

    /// <summary>Sets the value of <paramref name="key"/>; an empty value deletes it.</summary>
    /// <param name="key">The unhashed key.</param>
    /// <param name="value">The value (copied); empty to delete.</param>
    /// <exception cref="MissingTrieNodeException">A node on the key's path is not in the store.</exception>
    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(key, hash);
        Trie.Set(hash, value);
    }

    /// <summary>Removes <paramref name="key"/>.</summary>
    /// <param name="key">The unhashed key.</param>
    /// <returns><see langword="true"/> when the key was present.</returns>
    /// <exception cref="MissingTrieNodeException">A node on the key's path is not in the store.</exception>
    public bool Delete(ReadOnlySpan<byte> key)
    {
        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(key, hash);
        return Trie.Delete(hash);
    }

    /// <summary>Writes the new nodes into <paramref name="batch"/>; see <see cref="PatriciaTrie.Commit"/>.</summary>
    /// <param name="batch">The batch to fill.</param>
    /// <returns>The root hash.</returns>
    public Hash256 Commit(IWriteBatch batch) => Trie.Commit(batch);

    /// <summary>The <c>eth_getProof</c> proof for <paramref name="key"/> (the path of keccak(key)); see <see cref="PatriciaTrie.GetProof"/>.</summary>
    /// <param name="key">The unhashed key.</param>
    /// <returns>The proof nodes, root first.</returns>
    /// <exception cref="MissingTrieNodeException">A node on the key's path is not in the store.</exception>
    public byte[][] GetProof(ReadOnlySpan<byte> key)
    {
        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(key, hash);
        return Trie.GetProof(hash);
    }
}
