using Nectar.Core.Numerics;
using static Nectar.State.Tests.TestAddresses;

namespace Nectar.State.Tests;

public sealed class WorldStateClearingTests
{
    private static WorldState Fresh() => new(EmptyStateReader.Instance);

    [Fact]
    public void Touched_empty_account_is_deleted_when_EIP_158_applies()
    {
        var world = Fresh();
        world.AddBalance(Bob, UInt256.Zero);
        Assert.True(world.Exists(Bob));

        world.CommitTransaction(deleteEmptyAccounts: true);

        Assert.False(world.Exists(Bob));
    }

    [Fact]
    public void Touched_empty_account_survives_before_EIP_158()
    {
        var world = Fresh();
        world.AddBalance(Bob, UInt256.Zero);
        world.CommitTransaction(deleteEmptyAccounts: false);

        Assert.True(world.Exists(Bob));
    }

    [Fact]
    public void Touch_that_was_reverted_does_not_delete_an_existing_empty_account()
    {
        var world = Fresh();
        world.CreateAccount(Bob);
        world.CommitTransaction(deleteEmptyAccounts: false);

        var snapshot = world.Snapshot();
        world.AddBalance(Bob, UInt256.Zero);
        world.Restore(snapshot);
        world.CommitTransaction(deleteEmptyAccounts: true);

        Assert.True(world.Exists(Bob));
    }

    [Fact]
    public void Touch_of_the_RIPEMD_precompile_survives_a_revert()
    {
        var world = Fresh();
        world.CreateAccount(Ripemd);
        world.CommitTransaction(deleteEmptyAccounts: false);

        var snapshot = world.Snapshot();
        world.AddBalance(Ripemd, UInt256.Zero);
        world.Restore(snapshot);
        world.CommitTransaction(deleteEmptyAccounts: true);

        Assert.False(world.Exists(Ripemd));
    }

    [Fact]
    public void Non_empty_touched_account_is_kept()
    {
        var world = Fresh();
        world.AddBalance(Bob, 1);
        world.CommitTransaction(deleteEmptyAccounts: true);

        Assert.True(world.Exists(Bob));
        Assert.Equal(UInt256.One, world.GetBalance(Bob));
    }

    [Fact]
    public void Self_destructed_account_is_deleted_with_its_storage_at_commit()
    {
        var world = Fresh();
        world.SetNonce(Carol, 1);
        world.SetStorage(Carol, 1, 42);
        world.CommitTransaction(deleteEmptyAccounts: true);

        world.MarkSelfDestructed(Carol);
        Assert.True(world.Exists(Carol));
        world.CommitTransaction(deleteEmptyAccounts: true);

        Assert.False(world.Exists(Carol));
        Assert.Equal(UInt256.Zero, world.GetStorage(Carol, 1));
        Assert.False(world.HasStorage(Carol));
    }

    [Fact]
    public void Reverted_self_destruct_keeps_the_account()
    {
        var world = Fresh();
        world.SetNonce(Carol, 1);
        world.CommitTransaction(deleteEmptyAccounts: true);

        var snapshot = world.Snapshot();
        world.MarkSelfDestructed(Carol);
        world.Restore(snapshot);
        world.CommitTransaction(deleteEmptyAccounts: true);

        Assert.True(world.Exists(Carol));
    }

    [Fact]
    public void Collected_changes_contain_only_net_changes()
    {
        var world = Fresh();
        world.AddBalance(Alice, 5);
        world.SetStorage(Alice, 1, 7);
        world.SetStorage(Alice, 2, 8);
        world.CommitTransaction(deleteEmptyAccounts: true);
        world.SetStorage(Alice, 2, UInt256.Zero);
        world.AddBalance(Bob, UInt256.Zero);
        world.CommitTransaction(deleteEmptyAccounts: true);

        var changes = world.CollectChanges();

        var change = Assert.Single(changes);
        Assert.Equal(Alice, change.Address);
        Assert.Equal(new UInt256(5), change.Account!.Value.Balance);
        var slot = Assert.Single(change.Storage);
        Assert.Equal(UInt256.One, slot.Key);
        Assert.Equal(new UInt256(7), slot.Value);
    }
}
