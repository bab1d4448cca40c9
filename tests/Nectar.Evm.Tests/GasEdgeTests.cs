using Nectar.Core.Numerics;
using Nectar.Core.Specs;

namespace Nectar.Evm.Tests;

public sealed class GasEdgeTests
{
    [Theory]
    [InlineData("18446744073709551616")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    [InlineData("4294967296")]
    public void Memory_access_at_an_absurd_offset_is_out_of_gas_and_consumes_everything(string offset)
    {
        var code = new Asm().Push(1).Push(UInt256.Parse(offset)).Op(Opcode.MSTORE);
        var result = new EvmHarness().Run(code, gas: 1_000_000);

        Assert.Equal(EvmError.OutOfGas, result.Error);
        Assert.Equal(0, result.GasLeft);
    }

    [Fact]
    public void Copy_with_an_absurd_length_is_out_of_gas()
    {
        var code = new Asm().Push(UInt256.MaxValue).Push(0).Push(0).Op(Opcode.CALLDATACOPY);
        var result = new EvmHarness().Run(code);

        Assert.Equal(EvmError.OutOfGas, result.Error);
    }

    [Fact]
    public void Zero_length_access_at_an_absurd_offset_costs_no_memory()
    {
        var code = new Asm().Push(0).Push(UInt256.MaxValue).Push(UInt256.MaxValue).Op(Opcode.CALLDATACOPY).Op(Opcode.MSIZE).ReturnTop();
        var result = new EvmHarness().Run(code);

        Assert.True(result.Success);
        Assert.Equal(UInt256.Zero, EvmHarness.Word(result.Output));
    }

    [Theory]
    [InlineData(0UL, 3L)]
    [InlineData(32UL, 6L)]
    [InlineData(1024UL * 32, 3L * 1025 + (1025L * 1025 / 512))]
    public void Memory_expansion_costs_3_per_word_plus_the_square_over_512(ulong offset, long expansion)
    {
        var code = new Asm().Push(0).Push(offset).Op(Opcode.MSTORE, Opcode.STOP);
        var result = new EvmHarness().Run(code, gas: 1_000_000);

        Assert.Equal(3 + 3 + 3 + expansion, 1_000_000 - result.GasLeft);
    }

    [Fact]
    public void Callee_gets_all_but_one_64th_of_the_remaining_gas()
    {
        var harness = new EvmHarness();
        harness.Deploy(EvmHarness.Other, new Asm().Op(Opcode.GAS).ReturnTop());
        var caller = new Asm()
            .Call(Opcode.CALL, UInt256.MaxValue, EvmHarness.Other, 0, 0, 0, 0, 32)
            .Op(Opcode.POP)
            .Return(0, 32);
        harness.Deploy(EvmHarness.Contract, caller);

        var result = harness.Call(EvmHarness.Contract, gas: 100_000);

        // Before the CALL: 7 pushes (21) and CALL's warm price (100) + cold account (2,500) + memory (3).
        var available = 100_000 - 21 - 100 - 2_500 - 3;
        var given = available - (available / 64);
        Assert.Equal(new UInt256((ulong)(given - 2)), EvmHarness.Word(result.Output));
    }

    [Fact]
    public void Value_transfer_gives_the_callee_a_2300_stipend_on_top_of_the_requested_gas()
    {
        var harness = new EvmHarness();
        harness.Deploy(EvmHarness.Other, new Asm().Op(Opcode.GAS).ReturnTop());
        var caller = new Asm()
            .Call(Opcode.CALL, 0, EvmHarness.Other, 1, 0, 0, 0, 32)
            .Op(Opcode.POP)
            .Return(0, 32);
        harness.Deploy(EvmHarness.Contract, caller, balance: 10);

        var result = harness.Call(EvmHarness.Contract, gas: 100_000);

        Assert.Equal(new UInt256(2_300 - 2), EvmHarness.Word(result.Output));
        Assert.Equal(UInt256.One, harness.World.GetBalance(EvmHarness.Other));
    }

    [Fact]
    public void Failed_value_transfer_returns_the_stipend_to_the_caller()
    {
        var harness = new EvmHarness();
        harness.Deploy(EvmHarness.Other, new Asm().Op(Opcode.STOP));
        var caller = new Asm()
            .Call(Opcode.CALL, 0, EvmHarness.Other, 1_000, 0, 0, 0, 0)
            .Op(Opcode.GAS)
            .Op(Opcode.SWAP1)
            .StoreTop(0)
            .StoreTop(1);
        harness.Deploy(EvmHarness.Contract, caller);

        var result = harness.Call(EvmHarness.Contract, gas: 100_000);

        Assert.True(result.Success);
        Assert.Equal(UInt256.Zero, harness.Storage(EvmHarness.Contract, 0));

        // 7 pushes, CALL (100 + 2,500 cold + 9,000 value), then the 2,300 stipend comes back with the refused call.
        var expected = 100_000 - 21 - 100 - 2_500 - 9_000 + 2_300 - 2;
        Assert.Equal(new UInt256((ulong)expected), harness.Storage(EvmHarness.Contract, 1));
    }

    [Fact]
    public void Call_depth_stops_at_1024_nested_frames()
    {
        // The contract calls itself with all its gas and records the depth it reached in slot 0.
        var harness = new EvmHarness();
        var code = new Asm()
            .Push(0).Op(Opcode.SLOAD).Push(1).Op(Opcode.ADD).StoreTop(0)
            .Call(Opcode.CALL, UInt256.MaxValue, EvmHarness.Contract, 0, 0, 0, 0, 0)
            .Op(Opcode.POP);
        harness.Deploy(EvmHarness.Contract, code);

        var result = harness.Call(EvmHarness.Contract, gas: 10_000_000_000_000);

        Assert.True(result.Success);
        Assert.Equal(new UInt256(1_025), harness.Storage(EvmHarness.Contract, 0));
    }

    [Fact]
    public void Stack_overflow_is_an_exceptional_halt()
    {
        var code = new Asm().Label("loop").Push(1).Jump("loop");
        var result = new EvmHarness().Run(code, gas: 1_000_000);

        Assert.Equal(EvmError.StackOverflow, result.Error);
        Assert.Equal(0, result.GasLeft);
    }

    [Fact]
    public void Stack_underflow_is_an_exceptional_halt()
    {
        var result = new EvmHarness().Run(new Asm().Op(Opcode.ADD));

        Assert.Equal(EvmError.StackUnderflow, result.Error);
    }

    [Fact]
    public void Jump_into_push_data_is_invalid()
    {
        // PUSH2 0x5b00 hides a JUMPDEST byte inside push data at position 1.
        var code = new Asm().Raw(0x61, 0x5b, 0x00).Push(1).Op(Opcode.JUMP);
        var result = new EvmHarness().Run(code);

        Assert.Equal(EvmError.InvalidJump, result.Error);
    }

    [Fact]
    public void Opcodes_of_later_forks_are_invalid_in_earlier_ones()
    {
        var result = new EvmHarness(Fork.Paris).Run(new Asm().Op(Opcode.PUSH0));

        Assert.Equal(EvmError.InvalidInstruction, result.Error);
        Assert.True(new EvmHarness(Fork.Shanghai).Run(new Asm().Op(Opcode.PUSH0)).Success);
    }
}
