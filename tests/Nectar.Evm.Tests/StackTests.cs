using Nectar.Core.Numerics;

namespace Nectar.Evm.Tests;

public sealed class StackTests
{
    public static TheoryData<int> Widths()
    {
        var data = new TheoryData<int>();
        for (var n = 1; n <= 32; n++)
        {
            data.Add(n);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void PushN_pushes_the_next_n_bytes_big_endian(int n)
    {
        var bytes = Enumerable.Range(1, n).Select(i => (byte)(0xA0 + i)).ToArray();
        var code = new Asm().PushBytes(bytes).ReturnTop();

        var result = new EvmHarness().Run(code);

        Assert.Equal(new UInt256(bytes), EvmHarness.Word(result.Output));
    }

    [Fact]
    public void Push_past_the_end_of_the_code_reads_zeros()
    {
        // PUSH4 with two bytes left: 0x0102 followed by two zero bytes; then the implicit STOP.
        var harness = new EvmHarness();
        harness.Deploy(EvmHarness.Contract, [0x63, 0x01, 0x02]);
        var tracer = new Tracing.StructLogTracer();

        var result = harness.Call(EvmHarness.Contract, tracer: tracer);

        Assert.True(result.Success);
        Assert.Equal(["PUSH4", "STOP"], tracer.Logs.Select(l => l.Op));
        Assert.Equal(new UInt256(0x01020000), tracer.Logs[1].Stack![0]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    public void DupN_copies_the_nth_item_and_SwapN_exchanges_the_top_with_the_item_below_it(int n)
    {
        var code = new Asm();
        for (var i = n + 1; i >= 1; i--)
        {
            code.Push((ulong)i);
        }

        // Stack (top first): 1, 2, ..., n + 1.
        code.Op((Opcode)(0x7F + n)).StoreTop(0);        // DUPn copies n
        code.Op((Opcode)(0x8F + n)).StoreTop(1);        // SWAPn brings n + 1 to the top
        var harness = new EvmHarness();
        harness.Run(code);

        Assert.Equal(new UInt256((ulong)n), harness.Storage(EvmHarness.Contract, 0));
        Assert.Equal(new UInt256((ulong)(n + 1)), harness.Storage(EvmHarness.Contract, 1));
    }
}
