using Nectar.Chain.Building;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Db;

namespace Nectar.Chain.Persistence;

public sealed partial class ChainStore
{
    /// <summary>
    /// Stores a block built or imported on <see cref="State"/> as the new head, in one atomic write batch with its
    /// state: header, body, receipts, senders, canonical index, transaction index, head pointer and the state staged by
    /// <see cref="State"/>'s commit. The batch is in the write-ahead log before the head moves, so whatever a reader
    /// sees of the block survives a crash. If anything fails, nothing is stored, the staged state is dropped and the
    /// head stays where it was.
    /// </summary>
    /// <param name="block">The block; its parent is the head and its state root the one <see cref="State"/> committed.</param>
    /// <param name="receipts">Its receipts, in transaction order.</param>
    /// <param name="senders">Its transactions' recovered senders, in transaction order.</param>
    /// <exception cref="InvalidOperationException">No block state is staged on <see cref="State"/>.</exception>
    /// <exception cref="ArgumentException">The block does not follow the head, its state root is not the staged one, or the receipts or senders do not match its transactions.</exception>
    public void CommitBlock(Block block, IReadOnlyList<Receipt> receipts, IReadOnlyList<Address> senders)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(receipts);
        ArgumentNullException.ThrowIfNull(senders);
        lock (_writeLock)
        {
            var pending = _state.Pending ?? throw new InvalidOperationException(
                $"Block {block.Number}'s state is not staged: build or import the block on ChainStore.State, then store it.");
            try
            {
                CheckFollowsHead(block, pending.Staged.BlockNumber, pending.Staged.StateRoot, receipts.Count, senders.Count);
                WriteBlock(pending.Batch, block, receipts, senders);
            }
            catch
            {
                _state.AbandonPending();
                throw;
            }

            WriteAndPublish(block, receipts, senders);
        }
    }

    /// <summary>Stores a block the <see cref="BlockBuilder"/> built on <see cref="State"/>; see <see cref="CommitBlock(Block, IReadOnlyList{Receipt}, IReadOnlyList{Address})"/>.</summary>
    /// <param name="built">The built block; its transactions carry their recovered senders.</param>
    /// <exception cref="InvalidOperationException">No block state is staged, or a transaction has no recovered sender.</exception>
    /// <exception cref="ArgumentException">The block does not follow the head or its state root is not the staged one.</exception>
    public void CommitBlock(BuiltBlock built)
    {
        ArgumentNullException.ThrowIfNull(built);
        var transactions = built.Block.Transactions;
        var senders = new Address[transactions.Length];
        for (var i = 0; i < senders.Length; i++)
        {
            if (transactions[i].Sender is not { } sender)
            {
                if (_state.Pending is not null)
                {
                    _state.AbandonPending();
                }

                throw new InvalidOperationException($"Transaction {i} of block {built.Block.Number} has no recovered sender.");
            }

            senders[i] = sender;
        }

        CommitBlock(built.Block, built.Execution.Receipts, senders);
    }

    /// <summary>
    /// Moves the head back to an earlier canonical block (a development revert), in one write batch: the blocks above
    /// it are deleted with their receipts, senders and index entries, and the state returns to the block's with the
    /// reverse diffs. Reverting to the head does nothing.
    /// </summary>
    /// <param name="number">The block that becomes the head.</param>
    /// <exception cref="ArgumentOutOfRangeException">The block is above the head or below genesis.</exception>
    /// <exception cref="InvalidOperationException">A block's state is staged on <see cref="State"/> and not stored yet.</exception>
    /// <exception cref="ChainStoreException">A block to remove, or the target, is missing from the database.</exception>
    public void RevertToBlock(ulong number)
    {
        lock (_writeLock)
        {
            if (_state.Pending is not null)
            {
                throw new InvalidOperationException("A block's state is staged: store the block or revert its state first.");
            }

            var head = _head;
            if (number == head.Number)
            {
                return;
            }

            if (number > head.Number || number < _genesis.Number)
            {
                throw new ArgumentOutOfRangeException(nameof(number), $"Block {number} is not between genesis ({_genesis.Number}) and the head ({head.Number}).");
            }

            var target = ReadCanonicalBlock(number);
            var store = _state.Store;
            using var batch = _database.CreateWriteBatch();
            var staged = store.StageRollBack(number, batch);
            try
            {
                for (var n = head.Number; n > number; n--)
                {
                    DeleteBlock(batch, ReadCanonicalBlock(n));
                }

                batch.Put(_meta, HeadKey, target.Hash.Bytes);
            }
            catch
            {
                store.Abandon(staged);
                throw;
            }

            Interlocked.Increment(ref _version);
            try
            {
                batch.Commit(Options.Durability);
            }
            catch
            {
                store.Abandon(staged);
                Interlocked.Increment(ref _version);
                throw;
            }

            store.Apply(staged);
            _state.World.ClearCache();
            _recent.RemoveAbove(number);
            _head = target;
            Interlocked.Increment(ref _version);
        }
    }

    private void CheckFollowsHead(Block block, ulong? stagedNumber, Hash256 stagedRoot, int receiptCount, int senderCount)
    {
        var head = _head;
        if (block.Number != head.Number + 1 || block.Header.ParentHash != head.Hash)
        {
            throw new ArgumentException($"Block {block.Number} (parent {block.Header.ParentHash}) does not follow the head, block {head.Number} ({head.Hash}).", nameof(block));
        }

        if (stagedNumber != block.Number || stagedRoot != block.Header.StateRoot)
        {
            throw new ArgumentException($"Block {block.Number} has state root {block.Header.StateRoot}, but the staged state is block {stagedNumber} with root {stagedRoot}.", nameof(block));
        }

        var count = block.Transactions.Length;
        if (receiptCount != count || senderCount != count)
        {
            throw new ArgumentException($"Block {block.Number} has {count} transactions but {receiptCount} receipts and {senderCount} senders.", nameof(block));
        }
    }

    /// <summary>Writes the pending batch and publishes its block as the head; on failure drops the staged state and rethrows.</summary>
    private void WriteAndPublish(Block block, IReadOnlyList<Receipt> receipts, IReadOnlyList<Address> senders)
    {
        var batch = _state.Pending!.Batch;
        batch.Put(_meta, HeadKey, block.Hash.Bytes);

        // Odd while the batch is written: head state readers then read the tries, which no write changes.
        Interlocked.Increment(ref _version);
        try
        {
            batch.Commit(Options.Durability);
        }
        catch
        {
            _state.AbandonPending();
            Interlocked.Increment(ref _version);
            throw;
        }

        _state.ApplyPending();
        _recent.Add(new StoredBlock(block, receipts, senders));
        _head = block;
        Interlocked.Increment(ref _version);
    }

    private void WriteBlock(IWriteBatch batch, Block block, IReadOnlyList<Receipt> receipts, IReadOnlyList<Address> senders)
    {
        var hash = block.Hash;
        batch.Put(_headers, hash.Bytes, BlockHeaderCodec.Encode(block.Header));
        batch.Put(_bodies, hash.Bytes, BlockCodec.EncodeBody(block));
        batch.Put(_receipts, hash.Bytes, ChainEncoding.EncodeReceipts(receipts));
        batch.Put(_senders, hash.Bytes, ChainEncoding.EncodeSenders(senders));
        batch.Put(_canonical, ChainEncoding.NumberKey(block.Number), hash.Bytes);
        Span<byte> location = stackalloc byte[ChainEncoding.LocationLength];
        var transactions = block.Transactions;
        for (var i = 0; i < transactions.Length; i++)
        {
            ChainEncoding.WriteLocation(location, hash, block.Number, i);
            batch.Put(_transactions, transactions[i].Hash.Bytes, location);
        }
    }

    private void DeleteBlock(IWriteBatch batch, Block block)
    {
        var hash = block.Hash;
        foreach (var transaction in block.Transactions)
        {
            batch.Delete(_transactions, transaction.Hash.Bytes);
        }

        batch.Delete(_headers, hash.Bytes);
        batch.Delete(_bodies, hash.Bytes);
        batch.Delete(_receipts, hash.Bytes);
        batch.Delete(_senders, hash.Bytes);
        batch.Delete(_canonical, ChainEncoding.NumberKey(block.Number));
    }

    private Block ReadCanonicalBlock(ulong number)
    {
        var hash = ReadCanonicalHash(number) ?? throw new ChainStoreException($"Block {number} is missing from the canonical index.");
        return ReadBlock(hash) ?? throw new ChainStoreException($"Block {number} ({hash}) is missing from the database.");
    }
}
