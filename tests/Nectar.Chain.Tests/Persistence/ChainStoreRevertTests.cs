using Nectar.Chain.Persistence;
using Nectar.Chain.Tests.Persistence.Support;
using Nectar.Core.Numerics;
using Nectar.Db;
using static Nectar.Chain.Tests.ChainHarness;
using static Nectar.Chain.Tests.Persistence.Support.StoreHarness;

namespace Nectar.Chain.Tests.Persistence;

public sealed class ChainStoreRevertTests : IDisposable
{
    private readonly MemoryDatabase _database = NewMemoryDatabase();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Revert_removes_the_blocks_above_and_restores_their_parent_state()
    {
        var store = Open(_database);
        var kept = Produce(store, Transfer(AliceKey, 0, Carol, 1), Count(BobKey, 0));
        var goneTransfer = Transfer(AliceKey, 1, Carol, 100);
        var gone = Produce(store, goneTransfer, Count(BobKey, 1));
        var alsoGone = Produce(store, Count(BobKey, 2));

        store.RevertToBlock(1);

        Assert.Equal(kept.Hash, store.Head.Hash);
        Assert.Equal(kept.Header.StateRoot, store.StateStore.StateRoot);
        Assert.Null(store.FindBlock(gone.Hash));
        Assert.Null(store.FindBlock(alsoGone.Hash));
        Assert.Null(store.FindHeader(2));
        Assert.Null(store.FindReceipts(gone.Hash));
        Assert.Null(store.FindTransaction(goneTransfer.Hash));
        Assert.Null(store.GetState(2));
        Assert.Equal(UInt256.One, Balance(store.GetHeadState(), Carol));
        Assert.Equal(UInt256.One, store.GetHeadState().GetStorage(Counter, UInt256.Zero));
        foreach (var column in new[] { ChainColumns.Headers, ChainColumns.Bodies, ChainColumns.Receipts, ChainColumns.Senders })
        {
            Assert.Null(_database.GetColumn(column).Get(gone.Hash.Bytes));
        }

        Assert.Null(_database.GetColumn(ChainColumns.Transactions).Get(goneTransfer.Hash.Bytes));
    }

    [Fact]
    public void Chain_goes_on_from_the_reverted_head_and_a_reopened_store_agrees()
    {
        var store = Open(_database);
        Produce(store, Transfer(AliceKey, 0, Carol, 1));
        Produce(store, Transfer(AliceKey, 1, Carol, 2));

        store.RevertToBlock(1);
        var replacement = Produce(store, Transfer(AliceKey, 1, Carol, 5), Count(BobKey, 0));

        Assert.Equal(2UL, replacement.Number);
        Assert.Equal(new UInt256(6), Balance(store.GetHeadState(), Carol));
        var reopened = Open(_database);
        Assert.Equal(replacement.Hash, reopened.Head.Hash);
        Assert.Equal(replacement.Header.StateRoot, reopened.StateStore.StateRoot);
    }

    [Fact]
    public void Revert_to_genesis_leaves_the_genesis_state()
    {
        var store = Open(_database);
        Produce(store, Transfer(AliceKey, 0, Carol, 1));
        Produce(store, Count(BobKey, 0));

        store.RevertToBlock(0);

        Assert.Equal(store.Genesis.Hash, store.Head.Hash);
        Assert.Equal(store.Genesis.Header.StateRoot, store.StateStore.StateRoot);
        Assert.Equal(UInt256.Zero, Balance(store.GetHeadState(), Carol));
        Assert.Equal(store.Genesis.Hash, Open(_database).Head.Hash);
    }

    [Fact]
    public void Revert_to_the_head_does_nothing_and_above_the_head_is_refused()
    {
        var store = Open(_database);
        var head = Produce(store, Transfer(AliceKey, 0, Carol, 1));

        store.RevertToBlock(1);
        Assert.Equal(head.Hash, store.Head.Hash);
        Assert.Throws<ArgumentOutOfRangeException>(() => store.RevertToBlock(2));
        Assert.Equal(head.Hash, store.Head.Hash);
    }

    [Fact]
    public void Revert_is_refused_while_a_block_state_is_staged()
    {
        var store = Open(_database);
        Produce(store, Transfer(AliceKey, 0, Carol, 1));
        Build(store, Transfer(AliceKey, 1, Carol, 1));

        Assert.Throws<InvalidOperationException>(() => store.RevertToBlock(0));
    }

    [Fact]
    public void Failed_revert_batch_leaves_the_chain_as_it_was()
    {
        using var database = new FaultyDatabase(NewMemoryDatabase());
        var store = Open(database);
        Produce(store, Transfer(AliceKey, 0, Carol, 1));
        var head = Produce(store, Transfer(AliceKey, 1, Carol, 1));

        database.FailNextCommit = true;
        Assert.Throws<StorageException>(() => store.RevertToBlock(0));

        Assert.Equal(head.Hash, store.Head.Hash);
        Assert.Equal(head.Header.StateRoot, store.StateStore.StateRoot);
        Assert.Equal(new UInt256(2), Balance(store.GetHeadState(), Carol));
        store.RevertToBlock(1);
        Assert.Equal(UInt256.One, Balance(store.GetHeadState(), Carol));
    }

    [Fact]
    public void Chain_state_revert_of_a_stored_block_moves_the_head_back()
    {
        var store = Open(_database);
        var parent = Produce(store, Transfer(AliceKey, 0, Carol, 1));
        Produce(store, Transfer(AliceKey, 1, Carol, 1));

        store.State.RevertLastBlock();

        Assert.Equal(parent.Hash, store.Head.Hash);
        Assert.Equal(parent.Header.StateRoot, store.State.StateRoot);
    }
}
