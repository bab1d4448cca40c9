using Nectar.Chain.Sequencing;
using Nectar.Chain.Tests.Sequencing.Support;
using static Nectar.Chain.Tests.ChainHarness;
using static Nectar.Chain.Tests.Persistence.Support.StoreHarness;

namespace Nectar.Chain.Tests.Sequencing;

public sealed class SequencerReportingTests
{
    [Fact]
    public async Task Reports_each_stored_block_once_with_its_production_time_before_announcing_it()
    {
        var events = new List<string>();
        var times = new List<TimeSpan>();
        await using var harness = new SequencerHarness(new SequencerOptions
        {
            CollectionWindow = TimeSpan.Zero,
            HeartbeatInterval = TimeSpan.Zero,
            OnBlockStored = elapsed =>
            {
                times.Add(elapsed);
                events.Add("stored");
            },
        });
        harness.Sequencer.NewHead += (_, e) => events.Add("head " + e.Block.Number);
        harness.Submit(Transfer(AliceKey, 0, Carol));

        await harness.Sequencer.MineAsync(3);

        Assert.Equal(["stored", "head 1", "stored", "head 2", "stored", "head 3"], events);
        Assert.All(times, t => Assert.InRange(t, TimeSpan.FromTicks(1), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Reports_nothing_for_a_block_that_fails_to_build()
    {
        var reports = 0;
        await using var harness = new SequencerHarness(new SequencerOptions
        {
            CollectionWindow = TimeSpan.Zero,
            HeartbeatInterval = TimeSpan.Zero,
            OnBlockStored = _ => Interlocked.Increment(ref reports),
        });
        harness.Sequencer.BuildOverride = (_, _) => throw new InvalidOperationException("builder bug");

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Sequencer.MineAsync());

        Assert.Equal(0, reports);
        Assert.Equal(0UL, harness.Store.Head.Number);
    }

    [Fact]
    public async Task A_throwing_observer_neither_stops_production_nor_the_announcement()
    {
        await using var harness = new SequencerHarness(new SequencerOptions
        {
            CollectionWindow = TimeSpan.Zero,
            HeartbeatInterval = TimeSpan.Zero,
            OnBlockStored = _ => throw new InvalidOperationException("observer bug"),
        });

        var blocks = await harness.Sequencer.MineAsync(2);

        Assert.Equal(2, blocks.Count);
        Assert.Equal(2, harness.Heads.Count);
    }
}
