using Nectar.Chain.Simulation;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using static Nectar.Chain.Tests.ChainHarness;
using static Nectar.Chain.Tests.Simulation.SimulationHarness;

namespace Nectar.Chain.Tests.Simulation;

public sealed class AccessListTests
{
    private static readonly Hash256 Slot7 = Hash256.Parse("0x0000000000000000000000000000000000000000000000000000000000000007");

    [Fact]
    public void Lists_touched_slots_and_accounts_but_not_the_recipients_own_address()
    {
        var harness = new SimulationHarness();

        var result = harness.Simulator.CreateAccessList(new CallRequest { From = Alice, To = Prober }, harness.Pending);

        Assert.Equal([Prober, Probed], result.AccessList.Select(i => i.Address));
        Assert.Equal(new[] { Slot7 }, result.AccessList[0].StorageKeys.ToArray());
        Assert.Empty(result.AccessList[1].StorageKeys);
        Assert.True(result.Execution.Success);
    }

    [Fact]
    public void Gas_used_is_measured_with_the_list_applied()
    {
        var harness = new SimulationHarness();
        var withoutList = harness.Simulator.Call(new CallRequest { From = Alice, To = Prober }, harness.Pending).GasUsed;

        var result = harness.Simulator.CreateAccessList(new CallRequest { From = Alice, To = Prober }, harness.Pending);
        var withList = harness.Simulator.Call(new CallRequest { From = Alice, To = Prober, AccessList = result.AccessList }, harness.Pending).GasUsed;

        Assert.Equal(withList, result.Execution.GasUsed);
        Assert.NotEqual(withoutList, withList);
    }

    [Fact]
    public void Plain_transfer_needs_no_list()
    {
        var harness = new SimulationHarness();

        var result = harness.Simulator.CreateAccessList(new CallRequest { From = Alice, To = Carol, Value = 1 }, harness.Pending);

        Assert.Empty(result.AccessList);
        Assert.Equal(21_000UL, result.Execution.GasUsed);
    }

    [Fact]
    public void Reverting_message_still_lists_what_it_touched_and_reports_the_revert()
    {
        var harness = new SimulationHarness();

        var result = harness.Simulator.CreateAccessList(new CallRequest { From = Alice, To = Forwarder, Gas = 40_000 }, harness.Pending);

        Assert.Equal([Counter], result.AccessList.Select(i => i.Address));
        Assert.False(result.Execution.Success);
        Assert.Equal("execution reverted", result.Execution.ErrorMessage);
    }

    [Fact]
    public void Starts_from_the_requests_own_list()
    {
        var harness = new SimulationHarness();
        var given = new AccessListItem(Bob, []);

        var result = harness.Simulator.CreateAccessList(new CallRequest { From = Alice, To = Prober, AccessList = [given] }, harness.Pending);

        Assert.Equal([Bob, Prober, Probed], result.AccessList.Select(i => i.Address));
    }
}
