using Nectar.Chain.Persistence;
using Nectar.Core.Blocks;
using Nectar.Core.Transactions;

namespace Nectar.Chain.Tests.Persistence;

public sealed class RecentBlocksTests
{
    [Fact]
    public void Oldest_blocks_leave_first_beyond_the_block_count()
    {
        var recent = new RecentBlocks(capacity: 2, maxTransactions: 100);
        var blocks = Enumerable.Range(1, 3).Select(n => Stored((ulong)n, 1)).ToArray();
        foreach (var block in blocks)
        {
            recent.Add(block);
        }

        Assert.False(recent.TryGet(blocks[0].Block.Hash, out _));
        Assert.True(recent.TryGet(blocks[1].Block.Hash, out _));
        Assert.True(recent.TryGet(blocks[2].Block.Hash, out var newest));
        Assert.Same(blocks[2], newest);
    }

    [Fact]
    public void Transaction_bound_evicts_old_blocks_but_keeps_the_newest_however_large()
    {
        var recent = new RecentBlocks(capacity: 10, maxTransactions: 5);
        var small = Stored(1, 2);
        var medium = Stored(2, 3);
        var large = Stored(3, 8);

        recent.Add(small);
        recent.Add(medium);
        Assert.True(recent.TryGet(small.Block.Hash, out _));
        recent.Add(large);

        Assert.False(recent.TryGet(small.Block.Hash, out _));
        Assert.False(recent.TryGet(medium.Block.Hash, out _));
        Assert.True(recent.TryGet(large.Block.Hash, out _));
    }

    [Fact]
    public void Reverted_blocks_are_forgotten_and_their_transactions_no_longer_count()
    {
        var recent = new RecentBlocks(capacity: 10, maxTransactions: 4);
        var kept = Stored(1, 2);
        recent.Add(kept);
        recent.Add(Stored(2, 2));

        recent.RemoveAbove(1);
        var next = Stored(2, 2, extra: 1);
        recent.Add(next);

        Assert.True(recent.TryGet(kept.Block.Hash, out _));
        Assert.True(recent.TryGet(next.Block.Hash, out _));
    }

    [Fact]
    public void Zero_capacity_keeps_nothing()
    {
        var recent = new RecentBlocks(capacity: 0, maxTransactions: 0);
        var block = Stored(1, 0);
        recent.Add(block);

        Assert.False(recent.TryGet(block.Block.Hash, out _));
    }

    [Fact]
    public void Options_refuse_negative_bounds()
    {
        Assert.Throws<ArgumentException>(() => new ChainStoreOptions { RecentBlocks = -1 }.Validate());
        Assert.Throws<ArgumentException>(() => new ChainStoreOptions { RecentTransactions = -1 }.Validate());
        Assert.Throws<ArgumentException>(() => new ChainStoreOptions { Durability = (Nectar.Db.WriteDurability)7 }.Validate());
        new ChainStoreOptions().Validate();
    }

    private static StoredBlock Stored(ulong number, int transactions, ulong extra = 0)
    {
        var block = new Block
        {
            Header = new BlockHeader { Number = number, GasLimit = 30_000_000 + extra },
            Transactions = [.. Enumerable.Range(0, transactions).Select(i => new Transaction { Nonce = (ulong)i })],
        };
        return new StoredBlock(block, [], []);
    }
}
