using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Evm.Tracing;
using static Nectar.Chain.Tests.ChainHarness;
using static Nectar.Chain.Tests.Simulation.SimulationHarness;

namespace Nectar.Chain.Tests.Simulation;

public sealed class TraceTransactionTests
{
    [Fact]
    public void Replays_the_transactions_before_the_target_so_it_sees_their_effects()
    {
        var harness = new SimulationHarness();
        var block = harness.Chain.Produce(Call(AliceKey, 0, Counter), Call(BobKey, 0, Counter)).Block;
        var tracer = new StructLogTracer();

        var result = harness.Simulator.TraceTransaction(block.Transactions[1].Hash, tracer);

        Assert.NotNull(result);
        var sload = tracer.Logs.First(l => l.Op == "SLOAD");
        var sstore = tracer.Logs.First(l => l.Op == "SSTORE");
        Assert.Equal(new UInt256(1), sload.Storage![UInt256.Zero]);
        Assert.Equal(new UInt256(2), sstore.Storage![UInt256.Zero]);
    }

    [Fact]
    public void Traced_gas_equals_the_receipts()
    {
        var harness = new SimulationHarness();
        var built = harness.Chain.Produce(Transfer(AliceKey, 0, Carol, 1), Call(BobKey, 0, Swap, Word(3)));
        var tracer = new StructLogTracer();

        var result = harness.Simulator.TraceTransaction(built.Block.Transactions[1].Hash, tracer)!;

        Assert.Equal(built.Execution.TransactionResults[1].GasUsed, result.GasUsed);
        Assert.Equal(result.GasUsed, tracer.Result.Gas);
        Assert.False(tracer.Result.Failed);
        Assert.Equal("PUSH1", tracer.Result.StructLogs[0].Op);
    }

    [Fact]
    public void Call_tracer_builds_the_call_tree_of_a_stored_transaction()
    {
        var harness = new SimulationHarness();
        var block = harness.Chain.Produce(Call(AliceKey, 0, Forwarder)).Block;
        var tracer = new CallTracer();

        harness.Simulator.TraceTransaction(block.Transactions[0].Hash, tracer);

        var root = tracer.Root!;
        Assert.Equal("CALL", root.Type);
        Assert.Equal(Alice, root.From);
        Assert.Equal(Forwarder, root.To);
        var child = Assert.Single(root.Calls);
        Assert.Equal(Counter, child.To);
    }

    [Fact]
    public void Unknown_transaction_has_no_trace()
    {
        var harness = new SimulationHarness();
        harness.Chain.Produce(Transfer(AliceKey, 0, Carol, 1));

        Assert.Null(harness.Simulator.TraceTransaction(Hash256.Parse("0x00000000000000000000000000000000000000000000000000000000deadbeef"), new StructLogTracer()));
    }

    [Fact]
    public void Tracing_changes_nothing()
    {
        var harness = new SimulationHarness();
        var block = harness.Chain.Produce(Call(AliceKey, 0, Counter)).Block;
        var root = harness.Chain.State.StateRoot;

        harness.Simulator.TraceTransaction(block.Transactions[0].Hash, new StructLogTracer());

        Assert.Equal(root, harness.Chain.State.StateRoot);
        Assert.Equal(new UInt256(1), harness.Chain.State.Store.GetStorage(Counter, UInt256.Zero));
    }
}
