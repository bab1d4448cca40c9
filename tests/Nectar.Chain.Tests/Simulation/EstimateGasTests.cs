using Nectar.Chain.Simulation;
using Nectar.Core.Numerics;
using static Nectar.Chain.Tests.ChainHarness;
using static Nectar.Chain.Tests.Simulation.SimulationHarness;

namespace Nectar.Chain.Tests.Simulation;

public sealed class EstimateGasTests
{
    [Fact]
    public void Plain_transfer_costs_exactly_21000()
    {
        var harness = new SimulationHarness();

        var estimate = harness.Simulator.EstimateGas(new CallRequest { From = Alice, To = Carol, Value = 1 }, harness.Pending);

        Assert.True(estimate.IsSuccess);
        Assert.Equal(21_000UL, estimate.Gas);
    }

    [Theory]
    [InlineData("counter")]
    [InlineData("forwarder")]
    [InlineData("swap")]
    public void Estimate_is_the_least_gas_limit_that_succeeds(string contract)
    {
        var harness = new SimulationHarness();
        var to = contract switch { "counter" => Counter, "forwarder" => Forwarder, _ => Swap };
        var request = new CallRequest { From = Alice, To = to, Data = Word(5) };

        var estimate = harness.Simulator.EstimateGas(request, harness.Pending);

        Assert.True(estimate.IsSuccess);
        Assert.True(Succeeds(harness, request, estimate.Gas));
        Assert.False(Succeeds(harness, request, estimate.Gas - 1));
    }

    [Fact]
    public void Estimate_covers_the_gas_a_call_keeps_back_under_the_63_64_rule()
    {
        var harness = new SimulationHarness();
        var request = new CallRequest { From = Alice, To = Forwarder };

        var estimate = harness.Simulator.EstimateGas(request, harness.Pending);
        var used = harness.Simulator.Call(request, harness.Pending).GasUsed;

        Assert.True(estimate.Gas > used, $"estimate {estimate.Gas} should exceed the gas used {used}");
    }

    [Fact]
    public void Revert_at_the_cap_is_reported_with_its_data()
    {
        var harness = new SimulationHarness();

        var estimate = harness.Simulator.EstimateGas(new CallRequest { From = Alice, To = Reverter }, harness.Pending);

        Assert.False(estimate.IsSuccess);
        Assert.Equal(RevertData(), estimate.Revert!.Output);
        Assert.Equal(RevertMessage, estimate.Revert.RevertReason);
    }

    [Fact]
    public void Running_out_of_gas_at_the_cap_exceeds_the_allowance()
    {
        var harness = new SimulationHarness();

        var error = Assert.Throws<SimulationException>(() => harness.Simulator.EstimateGas(new CallRequest { From = Alice, To = Looper, Gas = 80_000 }, harness.Pending));

        Assert.Equal(SimulationError.GasExceedsAllowance, error.Error);
        Assert.Equal("gas required exceeds allowance (80000)", error.Message);
    }

    [Fact]
    public void Halting_at_the_cap_reports_the_halt()
    {
        var harness = new SimulationHarness();

        var error = Assert.Throws<SimulationException>(() => harness.Simulator.EstimateGas(new CallRequest { From = Alice, To = Burner }, harness.Pending));

        Assert.Equal(SimulationError.ExecutionFailed, error.Error);
        Assert.Equal("invalid opcode", error.Message);
    }

    [Fact]
    public void Priced_estimate_is_capped_by_what_the_balance_buys()
    {
        var harness = new SimulationHarness();
        harness.Chain.Produce(Transfer(AliceKey, 0, Carol, new UInt256(30_000) * 1_000_000_000));

        var error = Assert.Throws<SimulationException>(() =>
            harness.Simulator.EstimateGas(new CallRequest { From = Carol, To = Looper, GasPrice = 1_000_000_000 }, harness.Pending));

        Assert.Equal("gas required exceeds allowance (30000)", error.Message);
    }

    [Fact]
    public void Gas_below_the_minimum_exceeds_the_allowance()
    {
        var harness = new SimulationHarness();

        var error = Assert.Throws<SimulationException>(() => harness.Simulator.EstimateGas(new CallRequest { From = Alice, To = Counter, Gas = 21_000 }, harness.Pending));

        Assert.Equal(SimulationError.GasExceedsAllowance, error.Error);
    }

    private static bool Succeeds(SimulationHarness harness, CallRequest request, ulong gas)
    {
        try
        {
            return harness.Simulator.Call(new CallRequest { From = request.From, To = request.To, Data = request.Data, Gas = gas }, harness.Pending).Success;
        }
        catch (SimulationException)
        {
            return false;
        }
    }
}
