using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using static Nectar.Chain.Tests.ChainHarness;

namespace Nectar.Chain.Tests.Execution;

public sealed class IntermediateStateRootsTests
{
    [Fact]
    public void Lists_one_root_per_step_ending_with_the_block_state_root()
    {
        var harness = new ChainHarness();
        var block = harness.Chain.Produce(
            harness.NextTimestamp,
            Coinbase,
            [Transfer(AliceKey, 0, Carol, 1), Call(BobKey, 0, Store, Word(3)), Transfer(AliceKey, 1, Carol, 1)],
            request => request with { Withdrawals = [new Withdrawal(0, 0, Bob, 1)] }).Block;

        var roots = harness.Chain.GetIntermediateStateRoots(block.Hash);

        Assert.Equal(5, roots.Count);
        Assert.Equal(block.Header.StateRoot, roots[^1]);
        Assert.Equal(roots.Count, roots.Distinct().Count());
    }

    [Fact]
    public void The_root_after_transaction_k_is_the_state_root_of_a_block_of_the_first_k_transactions()
    {
        var transactions = new[] { Transfer(AliceKey, 0, Carol, 1), Call(BobKey, 0, Counter), Call(AliceKey, 1, Logger), Transfer(BobKey, 1, Alice, 7) };
        var full = new ChainHarness();
        var block = full.Produce(transactions).Block;

        var roots = full.Chain.GetIntermediateStateRoots(block.Hash);

        for (var k = 0; k <= transactions.Length; k++)
        {
            var prefix = new ChainHarness();
            var prefixBlock = prefix.Chain.Produce(full.Chain.Head.Header.Timestamp, Coinbase, transactions[..k]).Block;
            Assert.Equal(prefixBlock.Header.StateRoot, roots[k]);
        }
    }

    [Fact]
    public void Leaves_the_chain_state_untouched()
    {
        var harness = new ChainHarness();
        var b1 = harness.Produce(Transfer(AliceKey, 0, Carol, 1)).Block;
        var b2 = harness.Produce(Transfer(AliceKey, 1, Carol, 1)).Block;
        var balance = harness.State.World.GetBalance(Carol);

        var roots = harness.Chain.GetIntermediateStateRoots(b1.Hash);

        Assert.Equal(b1.Header.StateRoot, roots[^1]);
        Assert.Equal(b2.Header.StateRoot, harness.State.StateRoot);
        Assert.Equal(2UL, harness.State.BlockNumber);
        Assert.Equal(balance, harness.State.World.GetBalance(Carol));
        Assert.True(harness.Produce(Transfer(AliceKey, 2, Carol, 1)).Block.Number == 3);
    }

    [Fact]
    public void Refuses_the_genesis_block_and_unknown_blocks()
    {
        var harness = new ChainHarness();

        Assert.Throws<ArgumentException>(() => harness.Chain.GetIntermediateStateRoots(harness.Chain.Head.Hash));
        Assert.Throws<ArgumentException>(() => harness.Chain.GetIntermediateStateRoots(Hash256.EmptyListHash));
    }
}
