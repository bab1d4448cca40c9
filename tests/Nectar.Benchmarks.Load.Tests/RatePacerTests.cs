using FsCheck;
using FsCheck.Fluent;
using Nectar.Benchmarks.Load.Measurement;

namespace Nectar.Benchmarks.Load.Tests;

public class RatePacerTests
{
    /// <summary>A fixed seed, so every run checks the same cases and a failure replays exactly.</summary>
    private static readonly Config Replayable =
        Config.QuickThrowOnFailure.WithMaxTest(500).WithQuietOnSuccess(true).WithReplay(0x4C0A_D0000_0002UL, 0x9E37_79B9_7F4A_7C15UL);

    private const long Frequency = 1_000_000_000;

    [Fact]
    public void First_send_is_due_at_once_and_the_next_after_one_interval()
    {
        var pacer = new RatePacer(1_000, 30_000, Frequency);
        Assert.Equal(0, pacer.DueBy(-1));
        Assert.Equal(1, pacer.DueBy(0));
        Assert.Equal(1, pacer.DueBy(999_999));
        Assert.Equal(2, pacer.DueBy(1_000_000));
        Assert.Equal(1_000_000, pacer.DueAt(1));
    }

    [Fact]
    public void Offers_exactly_rate_times_duration_and_no_more()
    {
        var pacer = new RatePacer(1_000, 30_000, Frequency);
        Assert.Equal(30_000, pacer.DueBy(29_999_000_000L));
        Assert.Equal(29_999, pacer.DueBy(29_998_999_999L));
        Assert.Equal(30_000, pacer.DueBy(3_600 * Frequency));
    }

    [Fact]
    public void A_late_wake_up_makes_everything_since_due_at_once()
    {
        // Open loop: a pacer that slept 50 ms too long owes 50 sends, not one.
        var pacer = new RatePacer(1_000, 1_000, Frequency);
        var before = pacer.DueBy(100_000_000);
        var after = pacer.DueBy(150_000_000);
        Assert.Equal(50, after - before);
    }

    [Fact]
    public void Due_count_never_decreases_and_each_send_is_due_exactly_at_its_time() =>
        Prop.ForAll(ArbMap.Default.ArbFor<ushort>(), ArbMap.Default.ArbFor<ushort>(), (rawRate, rawIndex) =>
        {
            var rate = 1 + (rawRate % 20_000);
            var index = rawIndex % 5_000;
            var pacer = new RatePacer(rate, 5_000, Frequency);
            var at = pacer.DueAt(index);
            return pacer.DueBy(at) == index + 1 && pacer.DueBy(at - 1) == index && pacer.DueBy(at + 1) >= pacer.DueBy(at);
        }).Check(Replayable);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Rejects_a_rate_that_is_not_positive(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RatePacer(rate, 10, Frequency));
}
