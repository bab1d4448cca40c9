using Nectar.Chain.Storage;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Chain.Tests.Storage;

public sealed class StoreChainStateTests
{
    private static readonly Address Account = Address.Parse("0x00000000000000000000000000000000000000a1");

    [Fact]
    public void Commit_and_revert_move_between_blocks()
    {
        var state = StoreChainState.CreateInMemory();
        var empty = state.StateRoot;
        SetBalance(state, 5);
        var first = state.Commit(0);
        SetBalance(state, 9);
        var second = state.Commit(1);

        state.RevertLastBlock();

        Assert.NotEqual(empty, first);
        Assert.NotEqual(first, second);
        Assert.Equal(first, state.StateRoot);
        Assert.Equal(0UL, state.BlockNumber);
        Assert.Equal(new UInt256(5), state.World.GetBalance(Account));
    }

    [Fact]
    public void Discard_drops_uncommitted_changes()
    {
        var state = StoreChainState.CreateInMemory();
        SetBalance(state, 5);
        state.Commit(0);
        SetBalance(state, 7);

        state.Discard();

        Assert.Equal(new UInt256(5), state.World.GetBalance(Account));
    }

    [Fact]
    public void A_fork_starts_equal_and_its_changes_stay_in_it()
    {
        var state = StoreChainState.CreateInMemory();
        SetBalance(state, 5);
        var root = state.Commit(0);

        using (var scratch = state.Fork())
        {
            Assert.Equal(root, scratch.StateRoot);
            Assert.Equal(new UInt256(5), scratch.World.GetBalance(Account));
            SetBalance(scratch, 11);
            scratch.Commit(1);
            scratch.RevertLastBlock();
            scratch.RevertLastBlock();
            Assert.Equal(Hash256.EmptyTrieRoot, scratch.StateRoot);
        }

        Assert.Equal(root, state.StateRoot);
        Assert.Equal(0UL, state.BlockNumber);
        Assert.Equal(new UInt256(5), state.World.GetBalance(Account));
        SetBalance(state, 6);
        Assert.NotEqual(root, state.Commit(1));
    }

    private static void SetBalance(IChainState state, ulong balance)
    {
        var world = state.World;
        var current = world.GetBalance(Account);
        if (current > new UInt256(balance))
        {
            world.SubtractBalance(Account, current - new UInt256(balance));
        }
        else
        {
            world.AddBalance(Account, new UInt256(balance) - current);
        }

        world.CommitTransaction(deleteEmptyAccounts: true);
    }
}
