using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Db;
using Nectar.Trie;
using static Nectar.State.Tests.TestAddresses;

namespace Nectar.State.Tests;

public sealed class StateStoreTests : IDisposable
{
    private readonly MemoryDatabase _database = new([.. StateColumns.All]);

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Empty_store_has_the_empty_trie_root()
    {
        var store = new StateStore(_database);

        Assert.Equal(Hash256.EmptyTrieRoot, store.StateRoot);
        Assert.Null(store.BlockNumber);
    }

    [Fact]
    public void State_root_equals_the_root_built_independently_from_all_accounts_and_slots()
    {
        var store = new StateStore(_database);
        var world = new WorldState(store);
        world.AddBalance(Alice, 1_000);
        world.SetNonce(Alice, 3);
        world.SetCode(Bob, [0x60, 0x01, 0x60, 0x00, 0x55]);
        world.SetStorage(Bob, 1, 0x42);
        world.SetStorage(Bob, UInt256.MaxValue, 7);
        world.CommitTransaction(deleteEmptyAccounts: true);

        var root = world.CommitBlock(store, 0);

        var bobStorage = TrieRoots.Unordered(
        [
            Entry(Keccak256.Compute(new UInt256(1).ToBigEndian()).ToArray(), Rlp.EncodeUInt64(0x42)),
            Entry(Keccak256.Compute(UInt256.MaxValue.ToBigEndian()).ToArray(), Rlp.EncodeUInt64(7)),
        ]);
        var alice = new Account(3, 1_000, Hash256.EmptyTrieRoot, Keccak256.OfEmpty);
        var bob = new Account(0, UInt256.Zero, bobStorage, Keccak256.Compute([0x60, 0x01, 0x60, 0x00, 0x55]));
        var expected = TrieRoots.Unordered(
        [
            Entry(Keccak256.Compute(Alice.Bytes).ToArray(), alice.Encode()),
            Entry(Keccak256.Compute(Bob.Bytes).ToArray(), bob.Encode()),
        ]);

        Assert.Equal(expected, root);
        Assert.Equal(expected, store.StateRoot);
    }

    [Fact]
    public void Reopened_store_reads_the_committed_state()
    {
        var store = new StateStore(_database);
        var world = new WorldState(store);
        world.AddBalance(Alice, 5);
        world.SetStorage(Alice, 9, 99);
        world.SetCode(Alice, [0x00]);
        world.CommitTransaction(deleteEmptyAccounts: true);
        var root = world.CommitBlock(store, 0);

        var reopened = new StateStore(_database);

        Assert.Equal(root, reopened.StateRoot);
        Assert.Equal(0UL, reopened.BlockNumber);
        Assert.True(reopened.TryGetAccount(Alice, out var account));
        Assert.Equal(new UInt256(5), account.Balance);
        Assert.Equal(new UInt256(99), reopened.GetStorage(Alice, 9));
        Assert.Equal([0x00], reopened.GetCode(account.CodeHash));
    }

    [Fact]
    public void Later_blocks_update_only_what_changed()
    {
        var store = new StateStore(_database);
        var world = new WorldState(store);
        world.AddBalance(Alice, 5);
        world.SetStorage(Alice, 1, 1);
        world.SetStorage(Alice, 2, 2);
        world.CommitTransaction(deleteEmptyAccounts: true);
        world.CommitBlock(store, 0);

        world.SetStorage(Alice, 1, UInt256.Zero);
        world.AddBalance(Bob, 1);
        world.CommitTransaction(deleteEmptyAccounts: true);
        var root = world.CommitBlock(store, 1);

        // A fresh world over a fresh store with the same final state gives the same root.
        using var other = new MemoryDatabase([.. StateColumns.All]);
        var otherStore = new StateStore(other);
        var fresh = new WorldState(otherStore);
        fresh.AddBalance(Alice, 5);
        fresh.SetStorage(Alice, 2, 2);
        fresh.AddBalance(Bob, 1);
        fresh.CommitTransaction(deleteEmptyAccounts: true);
        Assert.Equal(fresh.CommitBlock(otherStore, 0), root);
        Assert.Equal(UInt256.Zero, store.GetStorage(Alice, 1));
    }

    [Fact]
    public void Deleted_account_loses_its_storage_in_the_store()
    {
        var store = new StateStore(_database);
        var world = new WorldState(store);
        world.SetNonce(Carol, 1);
        world.SetStorage(Carol, 1, 1);
        world.SetStorage(Carol, 2, 2);
        world.CommitTransaction(deleteEmptyAccounts: true);
        world.CommitBlock(store, 0);

        world.MarkSelfDestructed(Carol);
        world.CommitTransaction(deleteEmptyAccounts: true);
        var root = world.CommitBlock(store, 1);

        Assert.Equal(Hash256.EmptyTrieRoot, root);
        Assert.False(store.TryGetAccount(Carol, out _));
        Assert.Equal(UInt256.Zero, store.GetStorage(Carol, 1));
        Assert.Equal(UInt256.Zero, new WorldState(store).GetStorage(Carol, 2));
    }

    [Fact]
    public void Roll_back_restores_the_parent_state()
    {
        var store = new StateStore(_database);
        var world = new WorldState(store);
        world.AddBalance(Alice, 5);
        world.SetStorage(Alice, 1, 1);
        world.CommitTransaction(deleteEmptyAccounts: true);
        var parentRoot = world.CommitBlock(store, 0);

        world.SetStorage(Alice, 1, 2);
        world.SetStorage(Alice, 3, 3);
        world.AddBalance(Bob, 9);
        world.CommitTransaction(deleteEmptyAccounts: true);
        world.CommitBlock(store, 1);

        store.RollBack();

        Assert.Equal(parentRoot, store.StateRoot);
        Assert.Equal(0UL, store.BlockNumber);
        Assert.Equal(UInt256.One, store.GetStorage(Alice, 1));
        Assert.Equal(UInt256.Zero, store.GetStorage(Alice, 3));
        Assert.False(store.TryGetAccount(Bob, out _));

        // The rolled-back store accepts block 1 again.
        var again = new WorldState(store);
        again.AddBalance(Carol, 1);
        again.CommitTransaction(deleteEmptyAccounts: true);
        again.CommitBlock(store, 1);
        Assert.Equal(1UL, store.BlockNumber);
    }

    [Fact]
    public void Historical_reader_sees_the_state_of_an_earlier_block()
    {
        var store = new StateStore(_database);
        var world = new WorldState(store);
        world.AddBalance(Alice, 1);
        world.SetStorage(Alice, 1, 10);
        world.CommitTransaction(deleteEmptyAccounts: true);
        world.CommitBlock(store, 0);

        world.AddBalance(Alice, 1);
        world.SetStorage(Alice, 1, 20);
        world.CommitTransaction(deleteEmptyAccounts: true);
        world.CommitBlock(store, 1);

        world.AddBalance(Alice, 1);
        world.SetStorage(Alice, 1, UInt256.Zero);
        world.AddBalance(Bob, 1);
        world.CommitTransaction(deleteEmptyAccounts: true);
        world.CommitBlock(store, 2);

        var atZero = store.GetReaderAt(0);
        Assert.True(atZero.TryGetAccount(Alice, out var alice));
        Assert.Equal(UInt256.One, alice.Balance);
        Assert.Equal(new UInt256(10), atZero.GetStorage(Alice, 1));
        Assert.False(atZero.TryGetAccount(Bob, out _));

        var atOne = store.GetReaderAt(1);
        Assert.Equal(new UInt256(20), atOne.GetStorage(Alice, 1));
        Assert.Equal(UInt256.Zero, store.GetReaderAt(2).GetStorage(Alice, 1));
    }

    [Fact]
    public void Commit_rejects_a_block_number_that_does_not_follow_the_head()
    {
        var store = new StateStore(_database);
        store.Commit([], 0);

        Assert.Throws<ArgumentException>(() => store.Commit([], 5));
    }

    [Fact]
    public void Proof_of_an_account_starts_at_the_state_root()
    {
        var store = new StateStore(_database);
        var world = new WorldState(store);
        world.AddBalance(Alice, 1);
        world.SetStorage(Alice, 1, 1);
        world.AddBalance(Bob, 2);
        world.CommitTransaction(deleteEmptyAccounts: true);
        var root = world.CommitBlock(store, 0);

        var (accountProof, storageProofs) = store.GetProof(Alice, [UInt256.One]);

        Assert.Equal(root, Keccak256.Compute(accountProof[0]));
        Assert.True(store.TryGetAccount(Alice, out var alice));
        Assert.Equal(alice.StorageRoot, Keccak256.Compute(storageProofs[0][0]));
    }

    private static KeyValuePair<byte[], byte[]> Entry(byte[] key, byte[] value) => new(key, value);
}
