using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Db;
using static Nectar.State.Tests.TestAddresses;

namespace Nectar.State.Tests;

public sealed class StagedStateChangeTests : IDisposable
{
    private readonly MemoryDatabase _database = new([.. StateColumns.All, "extra"]);

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Staged_commit_writes_nothing_and_moves_nothing_until_the_batch_is_written_and_applied()
    {
        var store = new StateStore(_database);
        var world = new WorldState(store);
        world.AddBalance(Alice, 7);
        world.CommitTransaction(deleteEmptyAccounts: true);
        var changes = world.CollectChanges();

        using var batch = _database.CreateWriteBatch();
        var staged = store.StageCommit(changes, 0, batch);

        Assert.Null(store.BlockNumber);
        Assert.Equal(Hash256.EmptyTrieRoot, store.StateRoot);
        Assert.False(store.TryGetAccount(Alice, out _));
        Assert.NotEqual(Hash256.EmptyTrieRoot, staged.StateRoot);

        batch.Put(_database.GetColumn("extra"), "k"u8, "v"u8);
        batch.Commit();
        store.Apply(staged);
        world.AcceptCommitted(changes);

        Assert.Equal(0UL, store.BlockNumber);
        Assert.Equal(staged.StateRoot, store.StateRoot);
        Assert.True(store.TryGetAccount(Alice, out var alice));
        Assert.Equal(new UInt256(7), alice.Balance);
        Assert.Equal("v"u8.ToArray(), _database.GetColumn("extra").Get("k"u8));
        Assert.Equal(staged.StateRoot, new StateStore(_database).StateRoot);
    }

    [Fact]
    public void Staged_commit_gives_the_same_root_as_a_plain_commit()
    {
        using var other = new MemoryDatabase([.. StateColumns.All]);
        var plain = new StateStore(other);
        var plainWorld = new WorldState(plain);
        var store = new StateStore(_database);
        var world = new WorldState(store);
        for (ulong block = 0; block < 3; block++)
        {
            foreach (var w in new[] { plainWorld, world })
            {
                w.AddBalance(Alice, block + 1);
                w.SetStorage(Bob, block, block + 10);
                w.CommitTransaction(deleteEmptyAccounts: true);
            }

            var expected = plainWorld.CommitBlock(plain, block);
            var changes = world.CollectChanges();
            using var batch = _database.CreateWriteBatch();
            var staged = store.StageCommit(changes, block, batch);
            batch.Commit();
            store.Apply(staged);
            world.AcceptCommitted(changes);

            Assert.Equal(expected, staged.StateRoot);
            Assert.Equal(expected, store.StateRoot);
        }
    }

    [Fact]
    public void Abandoned_commit_leaves_the_store_at_its_head_and_ready_for_the_same_block()
    {
        var store = new StateStore(_database);
        var world = new WorldState(store);
        world.AddBalance(Alice, 1);
        world.CommitTransaction(deleteEmptyAccounts: true);
        var genesisRoot = world.CommitBlock(store, 0);

        world.AddBalance(Bob, 5);
        world.SetStorage(Alice, 1, 1);
        world.CommitTransaction(deleteEmptyAccounts: true);
        var changes = world.CollectChanges();
        using (var batch = _database.CreateWriteBatch())
        {
            var staged = store.StageCommit(changes, 1, batch);

            // The batch is dropped unwritten, as when the write fails.
            store.Abandon(staged);
        }

        world.ClearCache();
        Assert.Equal(genesisRoot, store.StateRoot);
        Assert.Equal(0UL, store.BlockNumber);
        Assert.False(store.TryGetAccount(Bob, out _));

        // A different block 1 commits with the root an untouched store computes.
        using var reference = new MemoryDatabase([.. StateColumns.All]);
        var referenceStore = new StateStore(reference);
        var referenceWorld = new WorldState(referenceStore);
        referenceWorld.AddBalance(Alice, 1);
        referenceWorld.CommitTransaction(deleteEmptyAccounts: true);
        referenceWorld.CommitBlock(referenceStore, 0);
        foreach (var w in new[] { referenceWorld, world })
        {
            w.AddBalance(Carol, 3);
            w.CommitTransaction(deleteEmptyAccounts: true);
        }

        Assert.Equal(referenceWorld.CommitBlock(referenceStore, 1), world.CommitBlock(store, 1));
    }

    [Fact]
    public void Nothing_else_may_be_staged_while_a_change_is_pending()
    {
        var store = new StateStore(_database);
        using var batch = _database.CreateWriteBatch();
        var staged = store.StageCommit([], 0, batch);

        Assert.Throws<InvalidOperationException>(() => store.StageCommit([], 0, batch));
        Assert.Throws<InvalidOperationException>(() => store.Commit([], 0));

        store.Abandon(staged);
        Assert.Throws<InvalidOperationException>(() => store.Apply(staged));
        store.Commit([], 0);
        Assert.Equal(0UL, store.BlockNumber);
    }

    [Fact]
    public void Staged_roll_back_over_several_blocks_restores_the_target_block_in_one_batch()
    {
        var store = new StateStore(_database);
        var world = new WorldState(store);
        var roots = new List<Hash256>();
        for (ulong block = 0; block < 5; block++)
        {
            world.AddBalance(Alice, 1);
            world.SetStorage(Alice, 1, block + 100);
            world.SetStorage(Bob, block, 1);
            if (block == 3)
            {
                world.SetStorage(Alice, 1, UInt256.Zero);
            }

            world.CommitTransaction(deleteEmptyAccounts: true);
            roots.Add(world.CommitBlock(store, block));
        }

        using var batch = _database.CreateWriteBatch();
        var staged = store.StageRollBack(1, batch);
        Assert.Equal(roots[1], staged.StateRoot);
        Assert.Equal(1UL, staged.BlockNumber);
        Assert.Equal(4UL, store.BlockNumber);

        batch.Commit();
        store.Apply(staged);
        world.ClearCache();

        Assert.Equal(roots[1], store.StateRoot);
        Assert.Equal(1UL, store.BlockNumber);
        Assert.True(store.TryGetAccount(Alice, out var alice));
        Assert.Equal(new UInt256(2), alice.Balance);
        Assert.Equal(new UInt256(101), store.GetStorage(Alice, 1));
        Assert.Equal(UInt256.One, store.GetStorage(Bob, 1));
        Assert.Equal(UInt256.Zero, store.GetStorage(Bob, 2));
        Assert.Equal(roots[1], new StateStore(_database).StateRoot);

        // The history above the target is gone; the store goes on from block 2 with the root of a fresh build.
        var diffs = 0;
        using (var cursor = _database.GetColumn(StateColumns.History).ScanPrefix([]))
        {
            while (cursor.MoveNext())
            {
                diffs++;
            }
        }

        Assert.Equal(2, diffs);
        Assert.Throws<ArgumentOutOfRangeException>(() => store.GetReaderAt(3));
        world.AddBalance(Alice, 1);
        world.SetStorage(Alice, 1, 102);
        world.SetStorage(Bob, 2, 1);
        world.CommitTransaction(deleteEmptyAccounts: true);
        Assert.Equal(roots[2], world.CommitBlock(store, 2));
    }

    [Fact]
    public void Roll_back_target_must_be_before_the_head()
    {
        var store = new StateStore(_database);
        store.Commit([], 0);
        using var batch = _database.CreateWriteBatch();

        Assert.Throws<ArgumentOutOfRangeException>(() => store.StageRollBack(0, batch));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.StageRollBack(3, batch));
        Assert.Equal(0, batch.Count);
    }
}
