using Nectar.Core.Numerics;
using Nectar.Core.Specs;

namespace Nectar.Evm.Tests;

public sealed class CallTests
{
    [Fact]
    public void Call_returns_the_callee_output_and_sets_return_data()
    {
        var harness = new EvmHarness();
        harness.Deploy(EvmHarness.Other, new Asm().Push(0x1234).ReturnTop());
        var caller = new Asm()
            .Call(Opcode.CALL, 50_000, EvmHarness.Other, 0, 0, 0, 0, 32)
            .StoreTop(0)
            .Op(Opcode.RETURNDATASIZE).StoreTop(1)
            .Push(0).Op(Opcode.MLOAD).StoreTop(2);
        harness.Deploy(EvmHarness.Contract, caller);

        Assert.True(harness.Call(EvmHarness.Contract).Success);
        Assert.Equal(UInt256.One, harness.Storage(EvmHarness.Contract, 0));
        Assert.Equal(new UInt256(32), harness.Storage(EvmHarness.Contract, 1));
        Assert.Equal(new UInt256(0x1234), harness.Storage(EvmHarness.Contract, 2));
    }

    [Fact]
    public void Reverted_callee_keeps_its_revert_data_and_loses_its_state_changes()
    {
        var harness = new EvmHarness();
        harness.Deploy(EvmHarness.Other, new Asm().SStore(5, 5).MStore(0, 0xBAD).Revert(0, 32));
        var caller = new Asm()
            .Call(Opcode.CALL, 50_000, EvmHarness.Other, 0, 0, 0, 0, 32)
            .StoreTop(0)
            .Push(0).Op(Opcode.MLOAD).StoreTop(1);
        harness.Deploy(EvmHarness.Contract, caller);

        Assert.True(harness.Call(EvmHarness.Contract).Success);
        Assert.Equal(UInt256.Zero, harness.Storage(EvmHarness.Contract, 0));
        Assert.Equal(new UInt256(0xBAD), harness.Storage(EvmHarness.Contract, 1));
        Assert.Equal(UInt256.Zero, harness.Storage(EvmHarness.Other, 5));
    }

    [Fact]
    public void Returndatacopy_beyond_the_return_data_is_an_exceptional_halt()
    {
        var harness = new EvmHarness();
        harness.Deploy(EvmHarness.Other, new Asm().Return(0, 8));
        var caller = new Asm()
            .Call(Opcode.CALL, 50_000, EvmHarness.Other, 0, 0, 0, 0, 0)
            .Push(9).Push(0).Push(0).Op(Opcode.RETURNDATACOPY);
        harness.Deploy(EvmHarness.Contract, caller);

        Assert.Equal(EvmError.ReturnDataOutOfBounds, harness.Call(EvmHarness.Contract).Error);
    }

    [Fact]
    public void Delegatecall_runs_the_callee_code_on_the_caller_storage_with_the_caller_context()
    {
        var harness = new EvmHarness();
        harness.Deploy(EvmHarness.Other, new Asm().Op(Opcode.CALLER).StoreTop(1).Op(Opcode.ADDRESS).StoreTop(2));
        harness.Deploy(EvmHarness.Contract, new Asm().Call(Opcode.DELEGATECALL, 50_000, EvmHarness.Other, 0, 0, 0, 0, 0));

        Assert.True(harness.Call(EvmHarness.Contract).Success);
        Assert.Equal(Execution.Words.FromAddress(EvmHarness.Sender), harness.Storage(EvmHarness.Contract, 1));
        Assert.Equal(Execution.Words.FromAddress(EvmHarness.Contract), harness.Storage(EvmHarness.Contract, 2));
        Assert.Equal(UInt256.Zero, harness.Storage(EvmHarness.Other, 1));
    }

    [Fact]
    public void Staticcall_forbids_state_changes_in_the_callee()
    {
        var harness = new EvmHarness();
        harness.Deploy(EvmHarness.Other, new Asm().SStore(1, 1));
        harness.Deploy(EvmHarness.Contract, new Asm().Call(Opcode.STATICCALL, 50_000, EvmHarness.Other, 0, 0, 0, 0, 0).StoreTop(0));

        Assert.True(harness.Call(EvmHarness.Contract).Success);
        Assert.Equal(UInt256.Zero, harness.Storage(EvmHarness.Contract, 0));
        Assert.Equal(UInt256.Zero, harness.Storage(EvmHarness.Other, 1));
    }

    [Theory]
    [InlineData(Opcode.LOG0)]
    [InlineData(Opcode.TSTORE)]
    [InlineData(Opcode.SELFDESTRUCT)]
    [InlineData(Opcode.CREATE)]
    public void State_changing_instructions_fail_in_a_static_frame(Opcode op)
    {
        var harness = new EvmHarness();
        harness.Deploy(EvmHarness.Other, new Asm().Push(0).Push(0).Push(0).Push(0).Op(op));
        harness.Deploy(EvmHarness.Contract, new Asm().Call(Opcode.STATICCALL, 50_000, EvmHarness.Other, 0, 0, 0, 0, 0).StoreTop(0).SStore(1, 1));

        Assert.True(harness.Call(EvmHarness.Contract).Success);
        Assert.Equal(UInt256.Zero, harness.Storage(EvmHarness.Contract, 0));
        Assert.Equal(UInt256.One, harness.Storage(EvmHarness.Contract, 1));
    }

    [Fact]
    public void Value_call_in_a_static_frame_fails()
    {
        var harness = new EvmHarness();
        harness.Deploy(EvmHarness.Third, new Asm().Op(Opcode.STOP));
        harness.Deploy(EvmHarness.Other, new Asm().Call(Opcode.CALL, 1_000, EvmHarness.Third, 1, 0, 0, 0, 0), balance: 5);
        harness.Deploy(EvmHarness.Contract, new Asm().Call(Opcode.STATICCALL, 50_000, EvmHarness.Other, 0, 0, 0, 0, 0).StoreTop(0));

        Assert.True(harness.Call(EvmHarness.Contract).Success);
        Assert.Equal(UInt256.Zero, harness.Storage(EvmHarness.Contract, 0));
        Assert.Equal(new UInt256(5), harness.World.GetBalance(EvmHarness.Other));
    }

    [Fact]
    public void Calling_a_missing_account_without_value_creates_nothing()
    {
        var harness = new EvmHarness();
        harness.Deploy(EvmHarness.Contract, new Asm().Call(Opcode.CALL, 50_000, EvmHarness.Third, 0, 0, 0, 0, 0).StoreTop(0));

        Assert.True(harness.Call(EvmHarness.Contract).Success);
        Assert.Equal(UInt256.One, harness.Storage(EvmHarness.Contract, 0));
        Assert.False(harness.World.Exists(EvmHarness.Third));
    }

    [Fact]
    public void Value_call_to_a_new_account_costs_25000_more()
    {
        var harness = new EvmHarness();
        harness.Deploy(EvmHarness.Contract, new Asm().Call(Opcode.CALL, 0, EvmHarness.Third, 1, 0, 0, 0, 0), balance: 1);

        var result = harness.Call(EvmHarness.Contract, gas: 100_000);

        // 7 pushes, warm price, cold account, value, new account; the unused 2,300 stipend comes back to the
        // caller although it never paid for it.
        Assert.Equal(21 + 100 + 2_500 + 9_000 + 25_000 - 2_300, 100_000 - result.GasLeft);
        Assert.Equal(UInt256.One, harness.World.GetBalance(EvmHarness.Third));
    }

    [Fact]
    public void Precompile_call_charges_its_price_and_returns_its_output()
    {
        var harness = new EvmHarness();
        var identity = Precompiles.PrecompileSet.AddressOf(4);
        var caller = new Asm()
            .MStore(0, 0xABCDEF)
            .Call(Opcode.STATICCALL, 1_000, identity, 0, 0, 32, 32, 32)
            .StoreTop(0)
            .Push(32).Op(Opcode.MLOAD).StoreTop(1);
        harness.Deploy(EvmHarness.Contract, caller);

        Assert.True(harness.Call(EvmHarness.Contract).Success);
        Assert.Equal(UInt256.One, harness.Storage(EvmHarness.Contract, 0));
        Assert.Equal(new UInt256(0xABCDEF), harness.Storage(EvmHarness.Contract, 1));
    }

    [Fact]
    public void Precompile_with_too_little_gas_fails_and_consumes_the_gas_given()
    {
        var harness = new EvmHarness();
        var sha256 = Precompiles.PrecompileSet.AddressOf(2);
        harness.Deploy(EvmHarness.Contract, new Asm().Call(Opcode.STATICCALL, 50, sha256, 0, 0, 0, 0, 0).StoreTop(0));

        Assert.True(harness.Call(EvmHarness.Contract).Success);
        Assert.Equal(UInt256.Zero, harness.Storage(EvmHarness.Contract, 0));
    }

    [Fact]
    public void Precompiles_start_warm()
    {
        var harness = new EvmHarness(Fork.Berlin);
        var code = new Asm().Push(Precompiles.PrecompileSet.AddressOf(1)).Op(Opcode.BALANCE, Opcode.STOP);
        var result = harness.Run(code, gas: 10_000);

        Assert.Equal(3 + 100, 10_000 - result.GasLeft);
    }

    [Fact]
    public void Cold_account_access_costs_2600_and_warm_100()
    {
        var harness = new EvmHarness(Fork.Berlin);
        var code = new Asm()
            .Push(EvmHarness.Third).Op(Opcode.BALANCE, Opcode.POP)
            .Push(EvmHarness.Third).Op(Opcode.BALANCE, Opcode.POP, Opcode.STOP);
        var result = harness.Run(code, gas: 10_000);

        Assert.Equal(3 + 2_600 + 2 + 3 + 100 + 2, 10_000 - result.GasLeft);
    }
}
