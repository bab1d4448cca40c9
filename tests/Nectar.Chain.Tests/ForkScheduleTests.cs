using Nectar.Core.Specs;

namespace Nectar.Chain.Tests;

public sealed class ForkScheduleTests
{
    [Fact]
    public void Picks_the_latest_fork_activated_at_or_before_the_timestamp()
    {
        var schedule = new ForkSchedule(ForkSpec.For(Fork.Shanghai), (100UL, ForkSpec.For(Fork.Cancun)), (200UL, ForkSpec.For(Fork.Prague)));

        Assert.Equal(Fork.Shanghai, schedule.At(0).Fork);
        Assert.Equal(Fork.Shanghai, schedule.At(99).Fork);
        Assert.Equal(Fork.Cancun, schedule.At(100).Fork);
        Assert.Equal(Fork.Cancun, schedule.At(199).Fork);
        Assert.Equal(Fork.Prague, schedule.At(200).Fork);
        Assert.Equal(Fork.Prague, schedule.At(ulong.MaxValue).Fork);
        Assert.Equal(Fork.Shanghai, schedule.Genesis.Fork);
    }

    [Fact]
    public void A_single_fork_schedule_applies_everywhere()
    {
        var schedule = ForkSchedule.Single(ForkSpec.For(Fork.Prague));

        Assert.Equal(Fork.Prague, schedule.At(0).Fork);
        Assert.Equal(Fork.Prague, schedule.At(1_000_000).Fork);
    }

    [Fact]
    public void Rejects_forks_out_of_order()
    {
        Assert.Throws<ArgumentException>(() => new ForkSchedule(ForkSpec.For(Fork.Cancun), (100UL, ForkSpec.For(Fork.Shanghai))));
        Assert.Throws<ArgumentException>(() => new ForkSchedule(ForkSpec.For(Fork.Shanghai), (200UL, ForkSpec.For(Fork.Cancun)), (100UL, ForkSpec.For(Fork.Prague))));
    }
}
