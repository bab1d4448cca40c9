using System.Buffers.Binary;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Db;
using Nectar.Trie;

namespace Nectar.State;

/// <summary>
/// Committed state over a key-value database: flat accounts and storage for reads, code by hash, and the
/// Merkle-Patricia tries (the account trie keyed by keccak(address), one storage trie per account keyed by
/// keccak(slot)) as the commitment. A block's changes go in with one write batch, the state root computed once
/// with only the changed paths rehashed, and a reverse diff kept so the block can be rolled back and older
/// state read.
/// </summary>
/// <remarks>
/// Reads are thread-safe and see the state as of the last commit. <see cref="Commit"/> and
/// <see cref="RollBack"/> must not run concurrently with each other.
/// </remarks>
public sealed partial class StateStore : IStateReader
{
    private const int ParallelStorageTries = 8;
    private const int TrieReopenInterval = 64;
    private static readonly byte[] HeadKey = "head"u8.ToArray();

    private readonly IDatabase _database;
    private readonly IKeyValueStore _accounts;
    private readonly IKeyValueStore _storage;
    private readonly IKeyValueStore _code;
    private readonly IKeyValueStore _nodes;
    private readonly IKeyValueStore _history;
    private readonly IKeyValueStore _meta;
    private SecureTrie _accountTrie;
    private int _commitsSinceReopen;

    /// <summary>Opens the state kept in a database (empty when the database holds none yet), with a default-sized node cache.</summary>
    /// <param name="database">A database that has every column in <see cref="StateColumns.All"/>.</param>
    public StateStore(IDatabase database)
        : this(database, new TrieNodeCache())
    {
    }

    /// <summary>Opens the state kept in a database (empty when the database holds none yet).</summary>
    /// <param name="database">A database that has every column in <see cref="StateColumns.All"/>.</param>
    /// <param name="nodeCache">The trie nodes kept in memory for every trie over this state's node column.</param>
    public StateStore(IDatabase database, TrieNodeCache nodeCache)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(nodeCache);
        _database = database;
        NodeCache = nodeCache;
        _accounts = database.GetColumn(StateColumns.Accounts);
        _storage = database.GetColumn(StateColumns.Storage);
        _code = database.GetColumn(StateColumns.Code);
        _nodes = database.GetColumn(StateColumns.TrieNodes);
        _history = database.GetColumn(StateColumns.History);
        _meta = database.GetColumn(StateColumns.Meta);

        var head = _meta.Get(HeadKey);
        if (head is null)
        {
            StateRoot = Hash256.EmptyTrieRoot;
        }
        else
        {
            StateRoot = new Hash256(head.AsSpan(0, Hash256.Length));
            BlockNumber = BinaryPrimitives.ReadUInt64BigEndian(head.AsSpan(Hash256.Length));
        }

        _accountTrie = OpenTrie(StateRoot);
    }

    /// <summary>
    /// The trie nodes kept in memory, shared by this store's commits and by every trie opened over its node column
    /// (historical readers, proofs): open them with it.
    /// </summary>
    public TrieNodeCache NodeCache { get; }

    /// <summary>The state root after the last committed block.</summary>
    public Hash256 StateRoot { get; private set; }

    /// <summary>The last committed block, or <see langword="null"/> before the first commit.</summary>
    public ulong? BlockNumber { get; private set; }

    /// <inheritdoc />
    public bool TryGetAccount(Address address, out Account account)
    {
        if (_accounts.TryRead(address.Bytes, 0, static (value, _) => Account.Decode(value), out account))
        {
            return true;
        }

        account = default;
        return false;
    }

    /// <inheritdoc />
    public UInt256 GetStorage(Address address, in UInt256 slot)
    {
        Span<byte> key = stackalloc byte[StorageCell.KeyLength];
        new StorageCell(address, slot).WriteKey(key);
        Span<byte> value = stackalloc byte[32];
        return _storage.TryGet(key, value, out var length) ? new UInt256(value[..length]) : UInt256.Zero;
    }

    /// <inheritdoc />
    public byte[]? GetCode(in Hash256 codeHash) => codeHash == Keccak256.OfEmpty ? [] : _code.Get(codeHash.Bytes);

    /// <summary>A Merkle proof of an account and of some of its storage slots (for <c>eth_getProof</c>).</summary>
    /// <param name="address">The account.</param>
    /// <param name="slots">The slots to prove.</param>
    /// <returns>The account proof and one proof per slot, each a list of RLP trie nodes from the root.</returns>
    public (byte[][] AccountProof, byte[][][] StorageProofs) GetProof(Address address, IReadOnlyList<UInt256> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var accountProof = OpenTrie(StateRoot).GetProof(address.Bytes);
        var root = TryGetAccount(address, out var account) ? account.StorageRoot : Hash256.EmptyTrieRoot;
        var storageTrie = OpenTrie(root);
        var storageProofs = new byte[slots.Count][][];
        for (var i = 0; i < slots.Count; i++)
        {
            storageProofs[i] = storageTrie.GetProof(slots[i].ToBigEndian());
        }

        return (accountProof, storageProofs);
    }

    /// <summary>
    /// Opens a trie this store wrote, over its node column and with its node cache: the account trie of a state root,
    /// or an account's storage trie. Nodes load on demand, so a root no longer stored surfaces as
    /// <see cref="MissingTrieNodeException"/> on first access.
    /// </summary>
    /// <param name="root">The trie's root hash; <see cref="Hash256.EmptyTrieRoot"/> opens an empty trie.</param>
    /// <returns>The trie, for one thread at a time.</returns>
    public SecureTrie OpenTrie(in Hash256 root) => new(_nodes, root, NodeCache);

    private static byte[] StorageKey(Address address, in UInt256 slot)
    {
        var key = new byte[StorageCell.KeyLength];
        new StorageCell(address, slot).WriteKey(key);
        return key;
    }

    private static byte[] HeadValue(in Hash256 root, ulong blockNumber)
    {
        var value = new byte[Hash256.Length + sizeof(ulong)];
        root.CopyTo(value);
        BinaryPrimitives.WriteUInt64BigEndian(value.AsSpan(Hash256.Length), blockNumber);
        return value;
    }

    private static byte[] TrimmedBigEndian(in UInt256 value)
    {
        Span<byte> bytes = stackalloc byte[32];
        var length = value.WriteBigEndianTrimmed(bytes);
        return bytes[..length].ToArray();
    }

    private static byte[] StorageTrieValue(in UInt256 value)
    {
        var bytes = new byte[Rlp.LengthOfUInt256(value)];
        var writer = new RlpWriter(bytes);
        writer.WriteUInt256(value);
        return bytes;
    }
}
