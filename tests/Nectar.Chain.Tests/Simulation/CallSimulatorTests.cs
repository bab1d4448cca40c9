using Nectar.Chain.Simulation;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Evm;
using static Nectar.Chain.Tests.ChainHarness;
using static Nectar.Chain.Tests.Simulation.SimulationHarness;

namespace Nectar.Chain.Tests.Simulation;

public sealed class CallSimulatorTests
{
    [Fact]
    public void Call_returns_the_output_and_commits_nothing()
    {
        var harness = new SimulationHarness();
        harness.Chain.Produce(Call(AliceKey, 0, Swap, Word(7)));
        var rootBefore = harness.Chain.State.StateRoot;

        var result = harness.Simulator.Call(new CallRequest { From = Bob, To = Swap, Data = Word(99) }, harness.Latest);
        var again = harness.Simulator.Call(new CallRequest { From = Bob, To = Swap }, harness.Latest);

        Assert.True(result.Success);
        Assert.Equal(Word(7), result.Output);
        Assert.Equal(Word(7), again.Output);
        Assert.Equal(rootBefore, harness.Chain.State.StateRoot);
        Assert.Equal(new UInt256(7), harness.Chain.State.Store.GetStorage(Swap, UInt256.Zero));
    }

    [Fact]
    public void Call_at_an_earlier_block_reads_that_blocks_state()
    {
        var harness = new SimulationHarness();
        var first = harness.Chain.Produce(Call(AliceKey, 0, Swap, Word(7))).Block.Header;
        harness.Chain.Produce(Call(AliceKey, 1, Swap, Word(9)));

        var then = harness.Simulator.Call(new CallRequest { From = Bob, To = Swap }, SimulationBlock.At(first));
        var now = harness.Simulator.Call(new CallRequest { From = Bob, To = Swap }, harness.Latest);

        Assert.Equal(Word(7), then.Output);
        Assert.Equal(Word(9), now.Output);
    }

    [Fact]
    public void Historical_call_runs_in_the_blocks_own_context()
    {
        var harness = new SimulationHarness();
        var header = harness.Chain.Produce().Block.Header;
        harness.Chain.Produce();

        var env = Words(harness.Simulator.Call(new CallRequest { From = Bob, To = Env, MaxFeePerGas = 100_000_000_000, MaxPriorityFeePerGas = 2 }, SimulationBlock.At(header)).Output);

        Assert.Equal(new UInt256(header.Number), env[0]);
        Assert.Equal(new UInt256(header.Timestamp), env[1]);
        Assert.Equal(header.BaseFeePerGas!.Value, env[2]);
        Assert.Equal(header.BaseFeePerGas!.Value + 2, env[3]);
        Assert.Equal(new UInt256(ChainId), env[7]);
    }

    [Fact]
    public void Pending_call_runs_in_the_next_blocks_context()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds((long)GenesisTimestamp + 1_000));
        var harness = new SimulationHarness(time: clock);
        var head = harness.Chain.Produce(Transfer(AliceKey, 0, Carol, 1)).Block.Header;

        var env = Words(harness.Simulator.Call(new CallRequest { From = Bob, To = Env, GasPrice = 10_000_000_000 }, harness.Pending).Output);

        Assert.Equal(new UInt256(head.Number + 1), env[0]);
        Assert.Equal(new UInt256(GenesisTimestamp + 1_000), env[1]);
        Assert.Equal(BaseFee.Next(head, harness.Chain.Spec)!.Value, env[2]);
        Assert.Equal(new UInt256(10_000_000_000), env[3]);
    }

    [Fact]
    public void Pending_timestamp_is_at_least_one_second_after_the_head()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds(5));
        var harness = new SimulationHarness(time: clock);

        var env = Words(harness.Simulator.Call(new CallRequest { From = Bob, To = Env }, harness.Pending).Output);

        Assert.Equal(new UInt256(harness.Reader.Head.Timestamp + 1), env[1]);
    }

    [Fact]
    public void Unpriced_call_sees_a_zero_base_fee_and_needs_no_balance_for_gas()
    {
        var harness = new SimulationHarness();

        var result = harness.Simulator.Call(new CallRequest { From = Carol, To = Env }, harness.Pending);

        var env = Words(result.Output);
        Assert.True(result.Success);
        Assert.Equal(UInt256.Zero, env[2]);
        Assert.Equal(UInt256.Zero, env[3]);
        Assert.Equal(new UInt256(Carol.Bytes), env[5]);
    }

    [Fact]
    public void Priced_call_from_an_account_that_cannot_pay_is_rejected_with_geths_text()
    {
        var harness = new SimulationHarness();

        var error = Assert.Throws<SimulationException>(() =>
            harness.Simulator.Call(new CallRequest { From = Carol, To = Env, GasPrice = 10_000_000_000 }, harness.Pending));

        Assert.Equal(SimulationError.Rejected, error.Error);
        Assert.StartsWith("insufficient funds for gas * price + value: address ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_beyond_the_balance_is_rejected_even_when_unpriced()
    {
        var harness = new SimulationHarness();

        var error = Assert.Throws<SimulationException>(() => harness.Simulator.Call(new CallRequest { From = Carol, To = Bob, Value = 1 }, harness.Pending));

        Assert.Equal(SimulationError.Rejected, error.Error);
        Assert.Contains("insufficient funds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Call_ignores_the_senders_nonce_history()
    {
        var harness = new SimulationHarness();
        harness.Chain.Produce(Transfer(AliceKey, 0, Carol, 1), Transfer(AliceKey, 1, Carol, 1));

        var result = harness.Simulator.Call(new CallRequest { From = Alice, To = Swap }, harness.Latest);

        Assert.True(result.Success);
    }

    [Fact]
    public void Revert_is_an_outcome_with_its_data_and_reason()
    {
        var harness = new SimulationHarness();

        var result = harness.Simulator.Call(new CallRequest { From = Bob, To = Reverter }, harness.Latest);

        Assert.True(result.Reverted);
        Assert.Equal(RevertData(), result.Output);
        Assert.Equal(RevertMessage, result.RevertReason);
        Assert.Equal("execution reverted", result.ErrorMessage);
    }

    [Fact]
    public void Running_out_of_gas_is_an_outcome_that_used_all_the_gas()
    {
        var harness = new SimulationHarness();

        var result = harness.Simulator.Call(new CallRequest { From = Bob, To = Looper, Gas = 100_000 }, harness.Latest);

        Assert.Equal(EvmError.OutOfGas, result.Error);
        Assert.Equal(100_000UL, result.GasUsed);
    }

    [Fact]
    public void Gas_above_the_block_gas_limit_is_capped()
    {
        var harness = new SimulationHarness();

        var result = harness.Simulator.Call(new CallRequest { From = Bob, To = Looper, Gas = 1_000_000_000 }, harness.Latest);

        Assert.Equal(harness.Reader.Head.GasLimit, result.GasLimit);
    }

    [Fact]
    public void Creation_returns_the_deployed_code_and_the_address()
    {
        var harness = new SimulationHarness();
        var initCode = new Bytecode().Push(0xfe).Push(0).Op(Opcode.MSTORE8).Push(1).Push(0).Op(Opcode.RETURN).Build();

        var result = harness.Simulator.Call(new CallRequest { From = Bob, Data = initCode }, harness.Latest);

        Assert.True(result.Success);
        Assert.Equal(new byte[] { 0xfe }, result.Output);
        Assert.Equal(Address.Create(Bob, 0), result.ContractAddress);
    }

    [Fact]
    public void Logs_of_a_successful_call_are_reported()
    {
        var harness = new SimulationHarness();

        var result = harness.Simulator.Call(new CallRequest { From = Bob, To = Logger }, harness.Latest);

        var log = Assert.Single(result.Logs);
        Assert.Equal(Logger, log.Address);
        Assert.Equal(LogTopic, log.Topics[0]);
    }

    [Fact]
    public void Both_fee_styles_at_once_are_refused()
    {
        var harness = new SimulationHarness();

        var error = Assert.Throws<SimulationException>(() =>
            harness.Simulator.Call(new CallRequest { From = Bob, To = Env, GasPrice = 1, MaxFeePerGas = 2 }, harness.Latest));

        Assert.Equal(SimulationError.InvalidRequest, error.Error);
        Assert.Equal("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified", error.Message);
    }

    [Fact]
    public void Fee_cap_below_the_tip_is_refused()
    {
        var harness = new SimulationHarness();

        var error = Assert.Throws<SimulationException>(() =>
            harness.Simulator.Call(new CallRequest { From = Bob, To = Env, MaxFeePerGas = 1, MaxPriorityFeePerGas = 2 }, harness.Latest));

        Assert.Equal(SimulationError.InvalidRequest, error.Error);
    }

    [Fact]
    public void Fee_cap_below_the_base_fee_is_rejected()
    {
        var harness = new SimulationHarness();

        var error = Assert.Throws<SimulationException>(() =>
            harness.Simulator.Call(new CallRequest { From = Bob, To = Env, MaxFeePerGas = 1 }, harness.Latest));

        Assert.StartsWith("max fee per gas less than block base fee", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gas_below_the_intrinsic_gas_is_rejected()
    {
        var harness = new SimulationHarness();

        var error = Assert.Throws<SimulationException>(() => harness.Simulator.Call(new CallRequest { From = Bob, To = Env, Gas = 20_000 }, harness.Latest));

        Assert.Equal("intrinsic gas too low: have 20000, want 21000", error.Message);
    }

    [Fact]
    public void Pruned_state_is_reported_as_unavailable()
    {
        var harness = new SimulationHarness();
        harness.Reader.StatePruned = true;

        var error = Assert.Throws<SimulationException>(() => harness.Simulator.Call(new CallRequest { From = Bob, To = Env }, harness.Latest));

        Assert.Equal(SimulationError.StateUnavailable, error.Error);
    }

    [Fact]
    public void Simulations_run_concurrently_without_interfering()
    {
        var harness = new SimulationHarness();
        harness.Chain.Produce(Call(AliceKey, 0, Swap, Word(7)));

        var outputs = new byte[64][];
        Parallel.For(0, outputs.Length, i =>
            outputs[i] = harness.Simulator.Call(new CallRequest { From = Bob, To = Swap, Data = Word((ulong)i) }, harness.Latest).Output);

        Assert.All(outputs, output => Assert.Equal(Word(7), output));
    }

    internal static UInt256[] Words(byte[] output)
    {
        var words = new UInt256[output.Length / 32];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = new UInt256(output.AsSpan(i * 32, 32));
        }

        return words;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
