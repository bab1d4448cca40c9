using Nectar.Chain.Reading;
using Nectar.Chain.Sequencing;
using Nectar.Chain.Tests.Sequencing.Support;
using static Nectar.Chain.Tests.ChainHarness;
using static Nectar.Chain.Tests.Persistence.Support.StoreHarness;

namespace Nectar.Chain.Tests.Sequencing;

public sealed class SequencerDevelopmentTests
{
    private static SequencerOptions Quiet => new() { CollectionWindow = TimeSpan.Zero, HeartbeatInterval = TimeSpan.Zero };

    [Fact]
    public async Task Mine_makes_blocks_now_even_when_empty()
    {
        await using var harness = new SequencerHarness(Quiet);

        var blocks = await harness.Sequencer.MineAsync(3);

        Assert.Equal([1UL, 2UL, 3UL], blocks.Select(b => b.Number));
        Assert.All(blocks, b => Assert.Empty(b.Transactions));
        Assert.Equal(3, harness.Heads.Count);
        Assert.Equal(blocks[^1].Hash, harness.Store.Head.Hash);
    }

    [Fact]
    public async Task Mine_includes_the_pooled_transactions()
    {
        await using var harness = new SequencerHarness(Quiet);
        var transfer = Transfer(AliceKey, 0, Carol);
        harness.Submit(transfer);

        var block = Assert.Single(await harness.Sequencer.MineAsync());

        Assert.Equal(transfer.Hash, Assert.Single(block.Transactions).Hash);
        Assert.NotNull(harness.Store.FindTransaction(transfer.Hash));
        Assert.Equal(0, harness.Pool.Count);
    }

    [Fact]
    public async Task Mine_with_a_timestamp_uses_it_and_the_clock_goes_on_from_it()
    {
        await using var harness = new SequencerHarness(Quiet);
        var exact = GenesisTimestamp + 10_000;

        Assert.Equal(exact, Assert.Single(await harness.Sequencer.MineAsync(1, exact)).Header.Timestamp);
        Assert.Equal(exact + 1, Assert.Single(await harness.Sequencer.MineAsync()).Header.Timestamp);
        harness.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(exact + 30, Assert.Single(await harness.Sequencer.MineAsync()).Header.Timestamp);
    }

    [Fact]
    public async Task Mine_with_a_timestamp_not_after_the_head_is_refused()
    {
        await using var harness = new SequencerHarness(Quiet);
        var head = Assert.Single(await harness.Sequencer.MineAsync());

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Sequencer.MineAsync(1, head.Header.Timestamp));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => harness.Sequencer.MineAsync(0));
        Assert.Equal(head.Hash, harness.Store.Head.Hash);
    }

    [Fact]
    public async Task Next_block_timestamp_applies_to_the_next_block_whoever_mines_it()
    {
        await using var harness = new SequencerHarness(Quiet);
        var exact = GenesisTimestamp + 5_000;
        await harness.Sequencer.SetNextBlockTimestampAsync(exact);

        harness.Sequencer.Start();
        harness.Submit(Transfer(AliceKey, 0, Carol));

        Assert.Equal(exact, harness.WaitForHead(1).Header.Timestamp);
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Sequencer.SetNextBlockTimestampAsync(exact));
        Assert.Equal(exact + 1, Assert.Single(await harness.Sequencer.MineAsync()).Header.Timestamp);
    }

    [Fact]
    public async Task Increase_time_moves_later_timestamps_and_returns_the_total_offset()
    {
        await using var harness = new SequencerHarness(Quiet);
        var now = (ulong)harness.Clock.GetUtcNow().ToUnixTimeSeconds();

        Assert.Equal(100, harness.Sequencer.IncreaseTime(100));
        Assert.Equal(150, harness.Sequencer.IncreaseTime(50));
        Assert.Throws<ArgumentOutOfRangeException>(() => harness.Sequencer.IncreaseTime(-1));

        Assert.Equal(now + 150, Assert.Single(await harness.Sequencer.MineAsync()).Header.Timestamp);
    }

    [Fact]
    public async Task Revert_returns_to_the_snapshot_and_uses_it_and_every_later_one_up()
    {
        await using var harness = new SequencerHarness(Quiet);
        var reverts = new List<ChainRevertedEventArgs>();
        harness.Sequencer.Reverted += (_, e) => reverts.Add(e);
        var genesis = harness.Store.Head;
        var transfer = Transfer(AliceKey, 0, Carol, 7);

        var atGenesis = harness.Sequencer.Snapshot();
        harness.Submit(transfer);
        await harness.Sequencer.MineAsync();
        var atOne = harness.Sequencer.Snapshot();
        await harness.Sequencer.MineAsync();

        Assert.True(await harness.Sequencer.RevertAsync(atGenesis));

        Assert.Equal(0UL, atGenesis);
        Assert.Equal(genesis.Hash, harness.Store.Head.Hash);
        Assert.Null(harness.Store.FindTransaction(transfer.Hash));
        Assert.Equal(Nectar.Core.Numerics.UInt256.Zero, Balance(harness.Store.GetHeadState(), Carol));
        var revert = Assert.Single(reverts);
        Assert.Equal(0UL, revert.NewHeadNumber);
        Assert.Equal(2UL, revert.PreviousHeadNumber);
        Assert.False(await harness.Sequencer.RevertAsync(atOne));
        Assert.False(await harness.Sequencer.RevertAsync(atGenesis));
        Assert.False(await harness.Sequencer.RevertAsync(42));
    }

    [Fact]
    public async Task Pool_follows_the_reverted_head()
    {
        await using var harness = new SequencerHarness(Quiet);
        var snapshot = harness.Sequencer.Snapshot();
        var transfer = Transfer(AliceKey, 0, Carol, 7);
        harness.Submit(transfer);
        await harness.Sequencer.MineAsync();
        harness.Submit(Transfer(AliceKey, 1, Carol, 1));

        Assert.True(await harness.Sequencer.RevertAsync(snapshot));

        // Nonce 1 waits behind the gap the revert reopened; nonce 0 is valid again and fills it.
        Assert.False(harness.Pool.IsExecutable(Transfer(AliceKey, 1, Carol, 1).Hash));
        harness.Submit(transfer);
        var block = Assert.Single(await harness.Sequencer.MineAsync());
        Assert.Equal(2, block.Transactions.Length);
    }

    [Fact]
    public async Task Development_controls_serialise_with_the_running_loop()
    {
        await using var harness = new SequencerHarness(Quiet);
        harness.Sequencer.Start();

        var mining = Enumerable.Range(0, 4).Select(_ => harness.Sequencer.MineAsync(2)).ToArray();
        for (ulong nonce = 0; nonce < 6; nonce++)
        {
            harness.Submit(Transfer(AliceKey, nonce, Carol));
        }

        await Task.WhenAll(mining).WaitAsync(SequencerHarness.Bound);
        Assert.True(SpinWait.SpinUntil(() => harness.Pool.Count == 0, SequencerHarness.Bound));

        // Every block follows its parent and every transfer is in exactly one block.
        var included = new List<Nectar.Core.Primitives.Hash256>();
        for (ulong n = 1; n <= harness.Store.Head.Number; n++)
        {
            var block = harness.Store.FindBlock(n)!;
            Assert.Equal(harness.Store.FindHeader(n - 1)!.Hash, block.Header.ParentHash);
            included.AddRange(block.Transactions.Select(t => t.Hash));
        }

        Assert.Equal(6, included.Distinct().Count());
        Assert.Equal(6, included.Count);
        Assert.True(harness.Store.Head.Number >= 8);
    }
}
