using Nectar.Chain.Tree;
using Nectar.Chain.Validation;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using static Nectar.Chain.Tests.ChainHarness;

namespace Nectar.Chain.Tests.Tree;

public sealed class BlockchainTests
{
    [Fact]
    public void Importing_a_child_of_the_head_makes_it_the_head()
    {
        var producer = new ChainHarness();
        var block = producer.Produce(Transfer(AliceKey, 0, Carol, 5)).Block;
        var follower = producer.CreateFollower();

        var result = follower.Import(block);

        Assert.Equal(BlockImportStatus.NewHead, result.Status);
        Assert.Same(block, follower.Head);
        Assert.Same(block, follower.Tree.FindCanonicalBlock(1));
        Assert.Equal(block.Header.StateRoot, follower.State.StateRoot);
        Assert.Single(follower.Tree.FindReceipts(block.Hash)!.Value);
    }

    [Fact]
    public void Importing_a_known_block_changes_nothing()
    {
        var producer = new ChainHarness();
        var block = producer.Produce(Transfer(AliceKey, 0, Carol, 5)).Block;

        var result = producer.Chain.Import(block);

        Assert.Equal(BlockImportStatus.AlreadyKnown, result.Status);
        Assert.True(result.IsValid);
        Assert.Equal(2, producer.Chain.Tree.Count);
    }

    [Fact]
    public void Rejects_a_block_whose_parent_is_unknown()
    {
        var producer = new ChainHarness();
        producer.Produce(Transfer(AliceKey, 0, Carol, 5));
        var orphan = producer.Produce(Transfer(AliceKey, 1, Carol, 5)).Block;
        var follower = producer.CreateFollower();

        var result = follower.Import(orphan);

        Assert.Equal(BlockImportStatus.Invalid, result.Status);
        Assert.Equal(BlockError.UnknownParent, result.Error);
        Assert.Equal(1, follower.Tree.Count);
    }

    [Fact]
    public void An_invalid_block_is_not_stored_and_the_head_stays()
    {
        var producer = new ChainHarness();
        var block = producer.Produce(Transfer(AliceKey, 0, Carol, 5)).Block;
        var follower = producer.CreateFollower();
        var bad = HeaderFields.Tamper(block, h => h with { StateRoot = Hash256.Zero });

        var result = follower.Import(bad);

        Assert.Equal(BlockError.StateRootMismatch, result.Error);
        Assert.False(follower.Tree.Contains(bad.Hash));
        Assert.Equal(0UL, follower.Head.Number);
        Assert.Equal(follower.Tree.Genesis.Header.StateRoot, follower.State.StateRoot);
    }

    [Fact]
    public void A_block_on_a_side_branch_is_validated_without_moving_the_head_or_the_state()
    {
        // Two producers on one genesis build different first blocks; the follower sees both.
        var first = new ChainHarness();
        var second = new ChainHarness();
        var a1 = first.Produce(Transfer(AliceKey, 0, Carol, 1)).Block;
        var a2 = first.Produce(Transfer(AliceKey, 1, Carol, 1)).Block;
        var b1 = second.Produce(Transfer(BobKey, 0, Carol, 100)).Block;
        var follower = first.CreateFollower();
        follower.Import(a1);
        follower.Import(a2);

        var result = follower.Import(b1);

        Assert.Equal(BlockImportStatus.SideBranch, result.Status);
        Assert.Same(a2, follower.Head);
        Assert.Equal(a2.Header.StateRoot, follower.State.StateRoot);
        Assert.Equal(new UInt256(2), follower.State.World.GetBalance(Carol));
        Assert.False(follower.Tree.IsCanonical(b1.Hash));
        Assert.True(follower.Tree.Contains(b1.Hash));
    }

    [Fact]
    public void An_invalid_block_on_a_side_branch_is_rejected()
    {
        var first = new ChainHarness();
        var second = new ChainHarness();
        var a1 = first.Produce(Transfer(AliceKey, 0, Carol, 1)).Block;
        var b1 = HeaderFields.Tamper(second.Produce(Transfer(BobKey, 0, Carol, 100)).Block, h => h with { GasUsed = 1 });
        var follower = first.CreateFollower();
        follower.Import(a1);

        var result = follower.Import(b1);

        Assert.Equal(BlockError.GasUsedMismatch, result.Error);
        Assert.Equal(a1.Header.StateRoot, follower.State.StateRoot);
    }

    [Fact]
    public void Switching_the_head_to_another_branch_moves_the_state_there_and_back()
    {
        var first = new ChainHarness();
        var second = new ChainHarness();
        var a1 = first.Produce(Transfer(AliceKey, 0, Carol, 1)).Block;
        var a2 = first.Produce(Transfer(AliceKey, 1, Carol, 1)).Block;
        var b1 = second.Produce(Transfer(BobKey, 0, Carol, 100)).Block;
        var b2 = second.Produce(Call(BobKey, 1, Store, Word(9))).Block;
        var follower = first.CreateFollower();
        foreach (var block in new[] { a1, a2, b1, b2 })
        {
            Assert.True(follower.Import(block).IsValid);
        }

        follower.SetHead(b2.Hash);

        Assert.Same(b2, follower.Head);
        Assert.Equal(b2.Header.StateRoot, follower.State.StateRoot);
        Assert.Equal(new UInt256(100), follower.State.World.GetBalance(Carol));
        Assert.Equal(new UInt256(9), follower.State.World.GetStorage(Store, 0));
        Assert.Same(b1, follower.Tree.FindCanonicalBlock(1));
        Assert.False(follower.Tree.IsCanonical(a1.Hash));

        follower.SetHead(a1.Hash);

        Assert.Same(a1, follower.Head);
        Assert.Equal(a1.Header.StateRoot, follower.State.StateRoot);
        Assert.Equal(UInt256.One, follower.State.World.GetBalance(Carol));
        Assert.Null(follower.Tree.FindCanonicalBlock(2));
    }

    [Fact]
    public void A_block_on_the_new_head_extends_it_after_a_switch()
    {
        var first = new ChainHarness();
        var second = new ChainHarness();
        var a1 = first.Produce(Transfer(AliceKey, 0, Carol, 1)).Block;
        var b1 = second.Produce(Transfer(BobKey, 0, Carol, 100)).Block;
        var b2 = second.Produce(Transfer(BobKey, 1, Carol, 100)).Block;
        var follower = first.CreateFollower();
        follower.Import(a1);
        follower.Import(b1);
        follower.SetHead(b1.Hash);

        var result = follower.Import(b2);

        Assert.Equal(BlockImportStatus.NewHead, result.Status);
        Assert.Equal(b2.Header.StateRoot, follower.State.StateRoot);
    }

    [Fact]
    public void Producing_extends_the_head_and_stores_receipts()
    {
        var harness = new ChainHarness();

        var built = harness.Produce(Call(AliceKey, 0, Logger));

        Assert.Same(built.Block, harness.Chain.Head);
        var receipt = Assert.Single(harness.Chain.Tree.FindReceipts(built.Block.Hash)!.Value);
        Assert.Equal(LogTopic, Assert.Single(Assert.Single(receipt.Logs).Topics));
    }

    [Fact]
    public void Blockhash_reads_the_ancestors_of_the_executing_block()
    {
        var harness = new ChainHarness();
        var b1 = harness.Produce(Transfer(AliceKey, 0, Carol, 1)).Block;
        var b2 = harness.Produce(Transfer(AliceKey, 1, Carol, 1)).Block;

        harness.Produce(Call(AliceKey, 2, BlockHashReader, Word(1)), Call(AliceKey, 3, BlockHashReader, Word(2)), Call(AliceKey, 4, BlockHashReader, Word(0)), Call(AliceKey, 5, BlockHashReader, Word(3)));

        var world = harness.State.World;
        Assert.Equal(new UInt256(b1.Hash.Bytes), world.GetStorage(BlockHashReader, 1));
        Assert.Equal(new UInt256(b2.Hash.Bytes), world.GetStorage(BlockHashReader, 2));
        Assert.Equal(new UInt256(harness.Chain.Tree.Genesis.Hash.Bytes), world.GetStorage(BlockHashReader, 0));
        Assert.Equal(UInt256.Zero, world.GetStorage(BlockHashReader, 3));
    }

    [Fact]
    public void The_chain_refuses_a_state_that_is_not_at_its_genesis()
    {
        var harness = new ChainHarness();
        harness.Produce(Transfer(AliceKey, 0, Carol, 1));

        Assert.Throws<ArgumentException>(() => new Blockchain(harness.Processor, ForkSchedule.Single(harness.Spec), harness.State, harness.Chain.Tree.Genesis));
    }
}
