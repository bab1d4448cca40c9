using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;

namespace Nectar.Evm.Tests;

public sealed class SelfDestructTests
{
    [Fact]
    public void Pre_existing_contract_keeps_its_account_and_code_under_EIP_6780()
    {
        var harness = new EvmHarness(Fork.Cancun);
        harness.Deploy(EvmHarness.Contract, new Asm().Push(EvmHarness.Third).Op(Opcode.SELFDESTRUCT), balance: 50);

        Assert.True(harness.Call(EvmHarness.Contract).Success);
        harness.World.CommitTransaction(deleteEmptyAccounts: true);

        Assert.True(harness.World.Exists(EvmHarness.Contract));
        Assert.NotEmpty(harness.World.GetCode(EvmHarness.Contract));
        Assert.Equal(UInt256.Zero, harness.World.GetBalance(EvmHarness.Contract));
        Assert.Equal(new UInt256(50), harness.World.GetBalance(EvmHarness.Third));
    }

    [Fact]
    public void Pre_existing_contract_is_deleted_before_Cancun()
    {
        var harness = new EvmHarness(Fork.Shanghai);
        harness.Deploy(EvmHarness.Contract, new Asm().Push(EvmHarness.Third).Op(Opcode.SELFDESTRUCT), balance: 50);

        Assert.True(harness.Call(EvmHarness.Contract).Success);
        harness.World.CommitTransaction(deleteEmptyAccounts: true);

        Assert.False(harness.World.Exists(EvmHarness.Contract));
        Assert.Equal(new UInt256(50), harness.World.GetBalance(EvmHarness.Third));
    }

    [Fact]
    public void Contract_created_in_the_same_transaction_is_deleted_under_EIP_6780()
    {
        var harness = new EvmHarness(Fork.Cancun);
        var init = new Asm().Push(EvmHarness.Third).Op(Opcode.SELFDESTRUCT).Build();
        harness.Deploy(EvmHarness.Contract, CreateTests.CreateFromMemory(init, Opcode.CREATE, null));

        Assert.True(harness.Call(EvmHarness.Contract).Success);
        var created = Address.Create(EvmHarness.Contract, 1);
        Assert.True(harness.World.Exists(created));
        harness.World.CommitTransaction(deleteEmptyAccounts: true);

        Assert.False(harness.World.Exists(created));
    }

    [Fact]
    public void Self_destruct_to_itself_burns_the_balance_only_when_the_account_is_deleted()
    {
        var cancun = new EvmHarness(Fork.Cancun);
        cancun.Deploy(EvmHarness.Contract, new Asm().Op(Opcode.ADDRESS, Opcode.SELFDESTRUCT), balance: 50);
        cancun.Call(EvmHarness.Contract);
        Assert.Equal(new UInt256(50), cancun.World.GetBalance(EvmHarness.Contract));

        var shanghai = new EvmHarness(Fork.Shanghai);
        shanghai.Deploy(EvmHarness.Contract, new Asm().Op(Opcode.ADDRESS, Opcode.SELFDESTRUCT), balance: 50);
        shanghai.Call(EvmHarness.Contract);
        Assert.Equal(UInt256.Zero, shanghai.World.GetBalance(EvmHarness.Contract));
    }

    [Fact]
    public void Self_destruct_sending_value_to_a_dead_account_costs_25000_more()
    {
        var harness = new EvmHarness(Fork.Cancun);
        harness.Deploy(EvmHarness.Contract, new Asm().Push(EvmHarness.Third).Op(Opcode.SELFDESTRUCT), balance: 1);

        var result = harness.Call(EvmHarness.Contract, gas: 100_000);

        Assert.Equal(3 + 5_000 + 2_600 + 25_000, 100_000 - result.GasLeft);
    }

    [Fact]
    public void Refund_for_self_destruct_exists_only_before_London()
    {
        var berlin = new EvmHarness(Fork.Berlin);
        berlin.Deploy(EvmHarness.Contract, new Asm().Push(EvmHarness.Third).Op(Opcode.SELFDESTRUCT));
        berlin.Call(EvmHarness.Contract);
        Assert.Equal(24_000, berlin.World.Refund);

        var london = new EvmHarness(Fork.London);
        london.Deploy(EvmHarness.Contract, new Asm().Push(EvmHarness.Third).Op(Opcode.SELFDESTRUCT));
        london.Call(EvmHarness.Contract);
        Assert.Equal(0, london.World.Refund);
    }
}
