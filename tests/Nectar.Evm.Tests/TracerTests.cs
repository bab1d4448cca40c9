using System.Text;
using Nectar.Core.Numerics;
using Nectar.Core.Specs;
using Nectar.Evm.Tracing;
using static Nectar.Evm.Tests.TransactionHarness;

namespace Nectar.Evm.Tests;

public sealed class TracerTests
{
    [Fact]
    public void Struct_logger_records_each_step_with_gas_cost_depth_and_stack()
    {
        var harness = new TransactionHarness(Fork.Cancun);
        harness.Deploy(EvmHarness.Contract, new Asm().Push(2).Push(3).Op(Opcode.ADD).StoreTop(0).Build());
        var tracer = new StructLogTracer();

        var result = harness.Execute(harness.Sign(Call(EvmHarness.Contract)), tracer: tracer);

        var logs = tracer.Result.StructLogs;
        // The implicit STOP after the last instruction is a step too, as go-ethereum traces it.
        Assert.Equal(["PUSH1", "PUSH1", "ADD", "PUSH1", "SSTORE", "STOP"], logs.Select(l => l.Op));
        Assert.Equal([0, 2, 4, 5, 7, 8], logs.Select(l => l.Pc));
        Assert.All(logs, l => Assert.Equal(1, l.Depth));
        Assert.Equal([3L, 3, 3, 3, 22_100, 0], logs.Select(l => l.GasCost));
        Assert.Equal([new UInt256(2), new UInt256(3)], logs[2].Stack!);
        Assert.Equal(logs[0].Gas - 3, logs[1].Gas);
        Assert.Equal(new UInt256(5), logs[4].Storage![UInt256.Zero]);
        Assert.Equal(result.GasUsed, tracer.Result.Gas);
        Assert.False(tracer.Result.Failed);
    }

    [Fact]
    public void Struct_logger_marks_the_failing_step()
    {
        var harness = new TransactionHarness(Fork.Cancun);
        harness.Deploy(EvmHarness.Contract, new Asm().Op(Opcode.ADD).Build());
        var tracer = new StructLogTracer();

        harness.Execute(harness.Sign(Call(EvmHarness.Contract)), tracer: tracer);

        var step = Assert.Single(tracer.Result.StructLogs);
        Assert.Equal("stack underflow", step.Error);
        Assert.True(tracer.Result.Failed);
    }

    [Fact]
    public void Call_tracer_builds_the_call_tree_with_gas_outputs_and_revert_reasons()
    {
        var harness = new TransactionHarness(Fork.Cancun);
        var reason = RevertWithReason("nope");
        harness.Deploy(EvmHarness.Other, reason);
        var caller = new Asm()
            .Call(Opcode.CALL, 50_000, EvmHarness.Other, 0, 0, 0, 0, 0).Op(Opcode.POP)
            .Call(Opcode.STATICCALL, 50_000, Precompiles.PrecompileSet.AddressOf(4), 0, 0, 4, 0, 0).Op(Opcode.POP)
            .Build();
        harness.Deploy(EvmHarness.Contract, caller);
        var tracer = new CallTracer();

        var result = harness.Execute(harness.Sign(Call(EvmHarness.Contract, gas: 200_000)), tracer: tracer);

        var root = tracer.Root!;
        Assert.Equal("CALL", root.Type);
        Assert.Equal(Alice, root.From);
        Assert.Equal(EvmHarness.Contract, root.To);
        Assert.Equal(200_000, root.Gas);
        Assert.Equal(result.GasUsed, root.GasUsed);
        Assert.Null(root.Error);
        Assert.Equal(2, root.Calls.Count);

        var reverted = root.Calls[0];
        Assert.Equal("CALL", reverted.Type);
        Assert.Equal(EvmHarness.Contract, reverted.From);
        Assert.Equal(EvmHarness.Other, reverted.To);
        Assert.Equal(50_000, reverted.Gas);
        Assert.Equal("execution reverted", reverted.Error);
        Assert.Equal("nope", reverted.RevertReason);

        var precompile = root.Calls[1];
        Assert.Equal("STATICCALL", precompile.Type);
        Assert.Null(precompile.Value);
        Assert.Equal(18, precompile.GasUsed);
    }

    /// <summary>Code that reverts with the ABI encoding of Error(string).</summary>
    private static byte[] RevertWithReason(string text)
    {
        var message = Encoding.UTF8.GetBytes(text);
        var data = new byte[4 + 32 + 32 + 32];
        data[0] = 0x08;
        data[1] = 0xc3;
        data[2] = 0x79;
        data[3] = 0xa0;
        data[4 + 31] = 0x20;
        data[4 + 32 + 31] = (byte)message.Length;
        message.CopyTo(data, 4 + 64);
        var asm = new Asm();
        for (var i = 0; i < data.Length; i += 32)
        {
            var chunk = new byte[32];
            data.AsSpan(i, Math.Min(32, data.Length - i)).CopyTo(chunk);
            asm.Push(new UInt256(chunk)).Push((ulong)i).Op(Opcode.MSTORE);
        }

        return asm.Revert(0, (ulong)data.Length).Build();
    }
}
