using Nectar.Core.Numerics;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using static Nectar.Evm.Tests.TransactionHarness;

namespace Nectar.Evm.Tests;

public sealed class TransactionProcessorTests
{
    [Fact]
    public void Value_transfer_pays_base_fee_and_tip_and_moves_the_value()
    {
        var harness = new TransactionHarness(Fork.Cancun);
        var result = harness.Execute(harness.Sign(Call(Bob, value: 1_000, gas: 21_000)));

        Assert.True(result.Success);
        Assert.Equal(21_000, result.GasUsed);
        Assert.Equal(new UInt256(1_000), harness.World.GetBalance(Bob));
        Assert.Equal(1UL, harness.World.GetNonce(Alice));

        // Effective price min(10, 7 + 2) = 9: the coinbase receives the tip of 2 per gas, the base fee is burnt.
        Assert.Equal(new UInt256(21_000 * 2), harness.World.GetBalance(Coinbase));
        Assert.Equal(Ether - new UInt256(1_000 + (21_000 * 9)), harness.World.GetBalance(Alice));
    }

    public static TheoryData<string, TransactionRejection> Invalid => new()
    {
        { "nonce too high", TransactionRejection.NonceTooHigh },
        { "insufficient funds", TransactionRejection.InsufficientFunds },
        { "fee below base fee", TransactionRejection.MaxFeeBelowBaseFee },
        { "intrinsic gas", TransactionRejection.InvalidTransaction },
        { "block gas", TransactionRejection.BlockGasExceeded },
        { "sender with code", TransactionRejection.SenderNotEoa },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_transaction_is_rejected_and_leaves_the_state_untouched(string reason, TransactionRejection expected)
    {
        var harness = new TransactionHarness(Fork.Cancun);
        var transaction = reason switch
        {
            "nonce too high" => Call(Bob, nonce: 1),
            "insufficient funds" => Call(Bob, value: Ether),
            "fee below base fee" => Call(Bob) is var t ? new Transaction
            {
                Type = t.Type, ChainId = 1, MaxFeePerGas = 6, MaxPriorityFeePerGas = 1, GasLimit = t.GasLimit, To = Bob,
            } : null!,
            "intrinsic gas" => Call(Bob, gas: 20_999),
            "block gas" => Call(Bob, gas: 30_000_001),
            _ => Call(Bob),
        };
        if (reason == "sender with code")
        {
            harness.World.SetCode(Alice, [0x00]);
            harness.World.CommitTransaction(true);
        }

        var before = harness.World.GetBalance(Alice);
        var result = harness.Execute(harness.Sign(transaction));

        Assert.False(result.IsExecuted);
        Assert.Equal(expected, result.Rejection);
        Assert.Equal(before, harness.World.GetBalance(Alice));
        Assert.False(harness.World.Exists(Bob));
        Assert.False(harness.World.Exists(Coinbase));
        Assert.Equal(0UL, harness.World.GetNonce(Alice));
    }

    [Fact]
    public void Refund_is_capped_at_a_fifth_of_the_gas_used()
    {
        // Clearing a slot costs 5,000 and refunds 4,800: five of them refund more than a fifth of the gas used.
        var harness = new TransactionHarness(Fork.Cancun);
        var code = new Asm();
        for (ulong slot = 0; slot < 5; slot++)
        {
            harness.World.SetStorage(EvmHarness.Contract, slot, 1);
            code.SStore(slot, 0);
        }

        harness.Deploy(EvmHarness.Contract, code.Build());

        var result = harness.Execute(harness.Sign(Call(EvmHarness.Contract)));

        Assert.True(result.Success);
        var used = 21_000 + (5 * (3 + 3 + 2_100 + 2_900));
        Assert.Equal(used / 5, result.GasRefunded);
        Assert.Equal(used - (used / 5), result.GasUsed);
    }

    [Fact]
    public void Calldata_floor_sets_the_gas_used_from_Prague()
    {
        var data = new byte[1_000];
        Array.Fill(data, (byte)1);
        var intrinsic = 21_000 + (16 * 1_000);
        var floor = 21_000 + (10 * 4 * 1_000);

        var prague = new TransactionHarness(Fork.Prague);
        var withFloor = prague.Execute(prague.Sign(Call(Bob, gas: 100_000, data: data)));
        Assert.Equal(floor, withFloor.GasUsed);

        var cancun = new TransactionHarness(Fork.Cancun);
        var without = cancun.Execute(cancun.Sign(Call(Bob, gas: 100_000, data: data)));
        Assert.Equal(intrinsic, without.GasUsed);
    }

    [Fact]
    public void Gas_limit_below_the_calldata_floor_is_rejected_from_Prague()
    {
        var data = new byte[1_000];
        Array.Fill(data, (byte)1);
        var harness = new TransactionHarness(Fork.Prague);

        var result = harness.Execute(harness.Sign(Call(Bob, gas: 21_000 + (16 * 1_000), data: data)));

        Assert.Equal(TransactionRejection.InvalidTransaction, result.Rejection);
        Assert.Equal(TransactionError.GasLimitBelowCalldataFloor, result.ValidationError);
    }

    [Fact]
    public void Contract_creation_deploys_at_the_sender_nonce_address()
    {
        var harness = new TransactionHarness(Fork.Cancun);
        var runtime = new Asm().Push(1).ReturnTop().Build();
        var result = harness.Execute(harness.Sign(Call(null, gas: 200_000, data: Asm.Deployer(runtime))));

        Assert.True(result.Success);
        Assert.Equal(Core.Primitives.Address.Create(Alice, 0), result.ContractAddress);
        Assert.Equal(runtime, harness.World.GetCode(result.ContractAddress!.Value));
        Assert.Equal(1UL, harness.World.GetNonce(Alice));
    }

    [Fact]
    public void Failed_execution_still_charges_gas_and_bumps_the_nonce()
    {
        var harness = new TransactionHarness(Fork.Cancun);
        harness.Deploy(EvmHarness.Contract, new Asm().SStore(1, 1).Revert(0, 0).Build());

        var result = harness.Execute(harness.Sign(Call(EvmHarness.Contract)));

        Assert.True(result.IsExecuted);
        Assert.Equal(EvmError.Revert, result.Error);
        Assert.Equal(1UL, harness.World.GetNonce(Alice));
        Assert.Equal(UInt256.Zero, harness.World.GetStorage(EvmHarness.Contract, 1));
        Assert.True(result.GasUsed > 21_000);
    }

    [Fact]
    public void System_call_runs_without_fees_nonce_or_touching_the_system_address()
    {
        var harness = new TransactionHarness(Fork.Prague);
        harness.Deploy(EvmHarness.Contract, new Asm().Push(0).Op(Opcode.CALLDATALOAD).Op(Opcode.CALLER).Op(Opcode.SSTORE).Build());
        var processor = new TransactionProcessor(harness.Spec, harness.Block, harness.World, EvmHarness.Secp256k1);

        var input = new byte[32];
        input[31] = 0x42;
        var result = processor.ExecuteSystemCall(EvmHarness.Contract, input);

        Assert.True(result.Success);
        var caller = Execution.Words.FromAddress(TransactionProcessor.SystemAddress);
        Assert.Equal(new UInt256(0x42), harness.World.GetStorage(EvmHarness.Contract, caller));
        Assert.False(harness.World.Exists(TransactionProcessor.SystemAddress));
        Assert.False(harness.World.Exists(Coinbase));
    }

    [Fact]
    public void System_call_to_an_address_without_code_does_nothing()
    {
        var harness = new TransactionHarness(Fork.Prague);
        var processor = new TransactionProcessor(harness.Spec, harness.Block, harness.World, EvmHarness.Secp256k1);

        var result = processor.ExecuteSystemCall(EvmHarness.Third, []);

        Assert.True(result.Success);
        Assert.False(harness.World.Exists(EvmHarness.Third));
    }
}
