using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Receipts;
using static Nectar.State.Tests.TestAddresses;

namespace Nectar.State.Tests;

public sealed class WorldStateJournalTests
{
    private static WorldState Fresh() => new(EmptyStateReader.Instance);

    [Fact]
    public void Restore_undoes_balance_nonce_code_and_storage_changes_after_the_snapshot()
    {
        var world = Fresh();
        world.AddBalance(Alice, 100);
        world.SetNonce(Alice, 1);
        world.SetStorage(Alice, 1, 11);

        var snapshot = world.Snapshot();
        world.AddBalance(Alice, 5);
        world.SetNonce(Alice, 7);
        world.SetStorage(Alice, 1, 99);
        world.SetStorage(Alice, 2, 22);
        world.SetCode(Alice, [0x60, 0x00]);
        world.Restore(snapshot);

        Assert.Equal(new UInt256(100), world.GetBalance(Alice));
        Assert.Equal(1UL, world.GetNonce(Alice));
        Assert.Equal(new UInt256(11), world.GetStorage(Alice, 1));
        Assert.Equal(UInt256.Zero, world.GetStorage(Alice, 2));
        Assert.Equal(Keccak256.OfEmpty, world.GetCodeHash(Alice));
        Assert.Empty(world.GetCode(Alice));
    }

    [Fact]
    public void Nested_scopes_revert_independently()
    {
        var world = Fresh();
        world.AddBalance(Alice, 1);
        var outer = world.Snapshot();
        world.AddBalance(Alice, 10);
        var inner = world.Snapshot();
        world.AddBalance(Alice, 100);

        world.Restore(inner);
        Assert.Equal(new UInt256(11), world.GetBalance(Alice));

        world.AddBalance(Alice, 1000);
        Assert.Equal(new UInt256(1011), world.GetBalance(Alice));

        world.Restore(outer);
        Assert.Equal(UInt256.One, world.GetBalance(Alice));
    }

    [Fact]
    public void Restore_removes_accounts_created_after_the_snapshot()
    {
        var world = Fresh();
        var snapshot = world.Snapshot();
        world.CreateAccount(Bob);
        Assert.True(world.Exists(Bob));

        world.Restore(snapshot);
        Assert.False(world.Exists(Bob));
    }

    [Fact]
    public void Warm_addresses_and_slots_are_reverted_with_the_scope_that_added_them()
    {
        var world = Fresh();
        Assert.True(world.WarmUp(Alice));
        var snapshot = world.Snapshot();
        Assert.True(world.WarmUp(Bob));
        Assert.True(world.WarmUp(Bob, 5));
        Assert.False(world.WarmUp(Alice));

        world.Restore(snapshot);

        Assert.True(world.IsWarm(Alice));
        Assert.False(world.IsWarm(Bob));
        Assert.False(world.IsWarm(Bob, 5));
    }

    [Fact]
    public void Access_sets_are_empty_in_the_next_transaction()
    {
        var world = Fresh();
        world.WarmUp(Alice);
        world.WarmUp(Alice, 1);
        world.CommitTransaction(deleteEmptyAccounts: true);

        Assert.False(world.IsWarm(Alice));
        Assert.False(world.IsWarm(Alice, 1));
    }

    [Fact]
    public void Transient_storage_reverts_with_its_scope_and_clears_at_the_end_of_the_transaction()
    {
        var world = Fresh();
        world.SetTransientStorage(Alice, 1, 10);
        var snapshot = world.Snapshot();
        world.SetTransientStorage(Alice, 1, 20);
        world.SetTransientStorage(Alice, 2, 30);
        world.Restore(snapshot);

        Assert.Equal(new UInt256(10), world.GetTransientStorage(Alice, 1));
        Assert.Equal(UInt256.Zero, world.GetTransientStorage(Alice, 2));

        world.CommitTransaction(deleteEmptyAccounts: true);
        Assert.Equal(UInt256.Zero, world.GetTransientStorage(Alice, 1));
    }

    [Fact]
    public void Logs_and_refunds_revert_with_their_scope()
    {
        var world = Fresh();
        world.AddLog(new LogEntry(Alice, [], new byte[] { 1 }));
        world.AddRefund(100);
        var snapshot = world.Snapshot();
        world.AddLog(new LogEntry(Bob, [], new byte[] { 2 }));
        world.AddRefund(50);
        world.SubtractRefund(20);

        world.Restore(snapshot);

        Assert.Single(world.Logs);
        Assert.Equal(Alice, world.Logs[0].Address);
        Assert.Equal(100, world.Refund);
    }

    [Fact]
    public void Original_storage_value_is_the_value_at_the_start_of_the_transaction()
    {
        var world = Fresh();
        world.SetStorage(Alice, 1, 5);
        world.CreateAccount(Alice);
        world.CommitTransaction(deleteEmptyAccounts: false);

        world.SetStorage(Alice, 1, 6);
        var slot = world.GetStorageSlot(Alice, 1);
        Assert.Equal(new UInt256(5), slot.Original);
        Assert.Equal(new UInt256(6), slot.Current);

        world.CommitTransaction(deleteEmptyAccounts: false);
        slot = world.GetStorageSlot(Alice, 1);
        Assert.Equal(new UInt256(6), slot.Original);
    }

    [Fact]
    public void Created_in_transaction_mark_lasts_one_transaction_and_reverts_with_its_scope()
    {
        var world = Fresh();
        var snapshot = world.Snapshot();
        world.MarkCreated(Bob);
        Assert.True(world.IsCreatedInTransaction(Bob));
        world.Restore(snapshot);
        Assert.False(world.IsCreatedInTransaction(Bob));

        world.MarkCreated(Bob);
        world.SetNonce(Bob, 1);
        world.CommitTransaction(deleteEmptyAccounts: true);
        Assert.False(world.IsCreatedInTransaction(Bob));
        Assert.True(world.Exists(Bob));
    }

    [Fact]
    public void Rollback_of_a_transaction_undoes_everything_it_did()
    {
        var world = Fresh();
        world.AddBalance(Alice, 10);
        world.CommitTransaction(deleteEmptyAccounts: true);

        world.SubtractBalance(Alice, 3);
        world.AddBalance(Bob, 3);
        world.SetStorage(Alice, 9, 9);
        world.RollbackTransaction();

        Assert.Equal(new UInt256(10), world.GetBalance(Alice));
        Assert.False(world.Exists(Bob));
        Assert.Equal(UInt256.Zero, world.GetStorage(Alice, 9));
    }

    [Fact]
    public void Restore_rejects_a_snapshot_beyond_the_journal()
    {
        var world = Fresh();
        Assert.Throws<ArgumentOutOfRangeException>(() => world.Restore(5));
    }

    [Fact]
    public void Subtracting_more_than_the_balance_throws()
    {
        var world = Fresh();
        world.AddBalance(Alice, 1);
        Assert.Throws<InvalidOperationException>(() => world.SubtractBalance(Alice, 2));
    }
}
