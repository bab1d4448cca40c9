using Nectar.Chain.Reading;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.State;
using Nectar.Trie;

namespace Nectar.Chain.Persistence;

public sealed partial class ChainStore
{
    /// <inheritdoc />
    public BlockHeader Head => _head.Header;

    /// <inheritdoc />
    /// <remarks>The head, until settlement on the base layer exists.</remarks>
    public BlockHeader Safe => _head.Header;

    /// <inheritdoc />
    /// <remarks>The head, until settlement on the base layer exists.</remarks>
    public BlockHeader Finalized => _head.Header;

    /// <inheritdoc />
    public BlockHeader? FindHeader(in Hash256 hash)
    {
        var header = ReadHeader(hash);
        return header is not null && IsPublished(header.Number) ? header : null;
    }

    /// <inheritdoc />
    public BlockHeader? FindHeader(ulong number) =>
        IsPublished(number) && ReadCanonicalHash(number) is { } hash ? FindHeader(hash) : null;

    /// <inheritdoc />
    public Block? FindBlock(in Hash256 hash)
    {
        var block = ReadBlock(hash);
        return block is not null && IsPublished(block.Number) ? block : null;
    }

    /// <inheritdoc />
    public Block? FindBlock(ulong number) =>
        IsPublished(number) && ReadCanonicalHash(number) is { } hash ? FindBlock(hash) : null;

    /// <inheritdoc />
    public IReadOnlyList<Receipt>? FindReceipts(in Hash256 blockHash)
    {
        if (_recent.TryGet(blockHash, out var recent))
        {
            return IsPublished(recent.Block.Number) ? recent.Receipts : null;
        }

        if (FindHeader(blockHash) is null)
        {
            return null;
        }

        return _receipts.TryRead(blockHash.Bytes, 0, static (value, _) => ChainEncoding.DecodeReceipts(value), out var receipts) ? receipts : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<Address>? FindSenders(in Hash256 blockHash)
    {
        if (_recent.TryGet(blockHash, out var recent))
        {
            return IsPublished(recent.Block.Number) ? recent.Senders : null;
        }

        if (FindHeader(blockHash) is null)
        {
            return null;
        }

        return _senders.TryRead(blockHash.Bytes, 0, static (value, _) => ChainEncoding.DecodeSenders(value), out var senders) ? senders : null;
    }

    /// <inheritdoc />
    public TransactionLocation? FindTransaction(in Hash256 transactionHash)
    {
        if (!_transactions.TryRead(transactionHash.Bytes, 0, static (value, _) => ChainEncoding.DecodeLocation(value), out var location))
        {
            return null;
        }

        return IsPublished(location.BlockNumber) ? location : null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The head's state is read from the flat state, one key lookup per account or slot; when a block is written while
    /// the reader is in use, the reader goes on with the head's tries instead, so it always answers for the block it
    /// was made for. Older blocks are read through their tries from their state roots (trie nodes are never deleted),
    /// so every stored block's state is available and no reader holds the history in memory.
    /// </remarks>
    public IStateReader? GetState(ulong number)
    {
        var (head, version) = PinHead();
        if (number == head.Number)
        {
            return new HeadStateReader(this, _state.Store, head.StateRoot, version);
        }

        return number < head.Number && FindHeader(number) is { } header ? OpenTrieReader(header.StateRoot) : null;
    }

    /// <summary>A reader of the head's state as of this call; see <see cref="GetState"/>.</summary>
    /// <returns>The reader.</returns>
    public IStateReader GetHeadState()
    {
        var (head, version) = PinHead();
        return new HeadStateReader(this, _state.Store, head.StateRoot, version);
    }

    /// <inheritdoc />
    /// <remarks>Proofs come from the block's tries, so they can be produced for every stored block, not only the head.</remarks>
    public StateProof? GetProof(ulong number, Address address, IReadOnlyList<UInt256> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var header = FindHeader(number);
        if (header is null)
        {
            return null;
        }

        try
        {
            var accounts = _state.Store.OpenTrie(header.StateRoot);
            var accountProof = accounts.GetProof(address.Bytes);
            var storageRoot = accounts.TryGet(address.Bytes, out var encoded) ? Account.Decode(encoded).StorageRoot : Hash256.EmptyTrieRoot;
            var storage = _state.Store.OpenTrie(storageRoot);
            var storageProofs = new IReadOnlyList<byte[]>[slots.Count];
            for (var i = 0; i < slots.Count; i++)
            {
                storageProofs[i] = storage.GetProof(slots[i].ToBigEndian());
            }

            return new StateProof(accountProof, storageProofs);
        }
        catch (MissingTrieNodeException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    /// <remarks>Canonical hashes up to the published head: right for a block built or imported on the head.</remarks>
    public Hash256 GetBlockHash(ulong number) =>
        IsPublished(number) && ReadCanonicalHash(number) is { } hash ? hash : Hash256.Zero;

    internal bool IsVersion(long version) => Volatile.Read(ref _version) == version;

    internal bool IsVersionAfterRead(long version)
    {
        // The flat read's loads must happen before this one, or a write that began meanwhile could go unseen.
        Interlocked.MemoryBarrier();
        return Volatile.Read(ref _version) == version;
    }

    internal TrieStateReader OpenTrieReader(Hash256 stateRoot) => new(_state.Store, stateRoot);

    /// <summary>The head and the write version it goes with; -1 (never current) when a write is in flight.</summary>
    private (BlockHeader Head, long Version) PinHead()
    {
        var before = Volatile.Read(ref _version);
        var head = _head.Header;
        var after = Volatile.Read(ref _version);
        return (before & 1) == 0 && before == after ? (head, before) : (head, -1);
    }

    private bool IsPublished(ulong number) => number <= _head.Number && number >= _genesis.Number;

    private Hash256? ReadCanonicalHash(ulong number)
    {
        Span<byte> key = stackalloc byte[sizeof(ulong)];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(key, number);
        Span<byte> value = stackalloc byte[Hash256.Length];
        return _canonical.TryGet(key, value, out var length) && length == Hash256.Length ? new Hash256(value) : null;
    }

    private BlockHeader? ReadHeader(in Hash256 hash)
    {
        if (_recent.TryGet(hash, out var recent))
        {
            return recent.Block.Header;
        }

        return _headers.TryRead(hash.Bytes, 0, static (value, _) => BlockHeaderCodec.Decode(value), out var header) ? header : null;
    }

    private Block? ReadBlock(in Hash256 hash)
    {
        if (_recent.TryGet(hash, out var recent))
        {
            return recent.Block;
        }

        var header = ReadHeader(hash);
        var body = _bodies.Get(hash.Bytes);
        if (header is null || body is null)
        {
            return null;
        }

        var senders = _senders.Get(hash.Bytes) ?? [];
        return ChainEncoding.DecodeBlock(header, body, senders);
    }
}
