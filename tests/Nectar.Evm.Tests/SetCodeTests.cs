using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Specs;
using Nectar.Evm.Execution;
using static Nectar.Evm.Tests.TransactionHarness;

namespace Nectar.Evm.Tests;

/// <summary>EIP-7702 delegation flows, written from the EIP's text.</summary>
public sealed class SetCodeTests
{
    private static readonly byte[] Counter = new Asm()
        .Push(0).Op(Opcode.SLOAD).Push(1).Op(Opcode.ADD).Push(0).Op(Opcode.SSTORE)
        .Op(Opcode.CODESIZE).StoreTop(1)
        .Op(Opcode.ADDRESS).StoreTop(2)
        .Build();

    [Fact]
    public void Authorization_writes_the_designator_bumps_the_nonce_and_calls_run_the_delegate_code_in_the_authority()
    {
        var harness = new TransactionHarness();
        harness.Deploy(EvmHarness.Contract, Counter);

        var result = harness.Execute(harness.Sign(Call(Bob, gas: 300_000, authorizations: [harness.Authorize(EvmHarness.Contract, 0)])));

        Assert.True(result.Success);
        Assert.Equal(Delegation.Create(EvmHarness.Contract), harness.World.GetCode(Bob));
        Assert.Equal(1UL, harness.World.GetNonce(Bob));

        // The transaction's own call to Bob already ran the delegate code on Bob's storage.
        Assert.Equal(UInt256.One, harness.World.GetStorage(Bob, 0));
        Assert.Equal(new UInt256((ulong)Counter.Length), harness.World.GetStorage(Bob, 1));
        Assert.Equal(Words.FromAddress(Bob), harness.World.GetStorage(Bob, 2));
        Assert.Equal(UInt256.Zero, harness.World.GetStorage(EvmHarness.Contract, 0));
    }

    [Fact]
    public void Delegation_survives_a_failing_transaction()
    {
        var harness = new TransactionHarness();
        harness.Deploy(EvmHarness.Contract, new Asm().Revert(0, 0).Build());

        var result = harness.Execute(harness.Sign(Call(Bob, authorizations: [harness.Authorize(EvmHarness.Contract, 0)])));

        Assert.Equal(EvmError.Revert, result.Error);
        Assert.Equal(Delegation.Create(EvmHarness.Contract), harness.World.GetCode(Bob));
    }

    [Theory]
    [InlineData("wrong nonce")]
    [InlineData("wrong chain")]
    [InlineData("authority has code")]
    public void Invalid_authorization_is_skipped(string why)
    {
        var harness = new TransactionHarness();
        harness.Deploy(EvmHarness.Contract, Counter);
        var authorization = why switch
        {
            "wrong nonce" => harness.Authorize(EvmHarness.Contract, 5),
            "wrong chain" => harness.Authorize(EvmHarness.Contract, 0, chainId: 2),
            _ => harness.Authorize(EvmHarness.Contract, 1),
        };
        if (why == "authority has code")
        {
            harness.Deploy(Bob, [0x00]);
        }

        var result = harness.Execute(harness.Sign(Call(EvmHarness.Other, authorizations: [authorization])));

        Assert.True(result.IsExecuted);
        Assert.False(Delegation.TryGetTarget(harness.World.GetCode(Bob), out _));
    }

    [Fact]
    public void Chain_id_zero_is_valid_on_any_chain()
    {
        var harness = new TransactionHarness();
        harness.Execute(harness.Sign(Call(EvmHarness.Other, authorizations: [harness.Authorize(EvmHarness.Contract, 0, chainId: 0)])));

        Assert.Equal(Delegation.Create(EvmHarness.Contract), harness.World.GetCode(Bob));
    }

    [Fact]
    public void Delegation_to_the_zero_address_clears_the_code()
    {
        var harness = new TransactionHarness();
        harness.Execute(harness.Sign(Call(EvmHarness.Other, authorizations: [harness.Authorize(EvmHarness.Contract, 0)])));
        harness.Execute(harness.Sign(Call(EvmHarness.Other, nonce: 1, authorizations: [harness.Authorize(default, 1)])));

        Assert.Empty(harness.World.GetCode(Bob));
        Assert.Equal(Keccak256.OfEmpty, harness.World.GetCodeHash(Bob));
        Assert.Equal(2UL, harness.World.GetNonce(Bob));
    }

    [Fact]
    public void Existing_authority_refunds_12500_of_the_25000_charged()
    {
        // The target burns enough gas that the refund stays below the cap of a fifth of the gas used.
        var fresh = new TransactionHarness();
        fresh.Deploy(EvmHarness.Other, new Asm().SStore(1, 1).Build());
        var newAuthority = fresh.Execute(fresh.Sign(Call(EvmHarness.Other, gas: 200_000, authorizations: [fresh.Authorize(EvmHarness.Contract, 0)])));

        var existing = new TransactionHarness();
        existing.Deploy(EvmHarness.Other, new Asm().SStore(1, 1).Build());
        existing.World.AddBalance(Bob, 1);
        existing.World.CommitTransaction(true);
        var existingAuthority = existing.Execute(existing.Sign(Call(EvmHarness.Other, gas: 200_000, authorizations: [existing.Authorize(EvmHarness.Contract, 0)])));

        Assert.Equal(0, newAuthority.GasRefunded);
        Assert.Equal(12_500, existingAuthority.GasRefunded);
    }

    [Fact]
    public void Extcode_instructions_see_the_designator_and_codesize_sees_the_delegate()
    {
        var harness = new TransactionHarness();
        harness.Deploy(EvmHarness.Contract, Counter);
        harness.Execute(harness.Sign(Call(EvmHarness.Other, authorizations: [harness.Authorize(EvmHarness.Contract, 0)])));
        var probe = new Asm()
            .Push(Bob).Op(Opcode.EXTCODESIZE).StoreTop(0)
            .Push(Bob).Op(Opcode.EXTCODEHASH).StoreTop(1)
            .Build();
        harness.Deploy(EvmHarness.Third, probe);

        harness.Execute(harness.Sign(Call(EvmHarness.Third, nonce: 1)));

        Assert.Equal(new UInt256(23), harness.World.GetStorage(EvmHarness.Third, 0));
        Assert.Equal(Words.FromHash(Keccak256.Compute(Delegation.Create(EvmHarness.Contract))), harness.World.GetStorage(EvmHarness.Third, 1));
    }

    [Fact]
    public void Delegated_account_may_still_send_transactions()
    {
        var harness = new TransactionHarness();
        harness.World.AddBalance(Bob, Ether);
        harness.World.CommitTransaction(true);
        harness.Execute(harness.Sign(Call(EvmHarness.Other, authorizations: [harness.Authorize(EvmHarness.Contract, 0)])));

        var result = harness.Execute(harness.Sign(Call(EvmHarness.Other, nonce: 1), BobKey), Bob);

        Assert.True(result.Success);
        Assert.Equal(2UL, harness.World.GetNonce(Bob));
    }

    [Fact]
    public void Call_to_a_delegated_account_pays_for_the_cold_delegate()
    {
        var harness = new TransactionHarness();
        harness.Deploy(EvmHarness.Contract, new Asm().Op(Opcode.STOP).Build());
        harness.Execute(harness.Sign(Call(EvmHarness.Other, authorizations: [harness.Authorize(EvmHarness.Contract, 0)])));
        var caller = new Asm().Call(Opcode.CALL, 0, Bob, 0, 0, 0, 0, 0).Op(Opcode.STOP).Build();
        harness.Deploy(EvmHarness.Third, caller);

        var result = harness.Execute(harness.Sign(Call(EvmHarness.Third, nonce: 1)));

        // Intrinsic, 7 pushes, CALL's warm price, the cold callee and the cold delegate.
        Assert.Equal(21_000 + 21 + 100 + 2_500 + 2_600, result.GasUsed);
    }

    [Fact]
    public void Set_code_transactions_are_not_valid_before_Prague()
    {
        var harness = new TransactionHarness(Fork.Cancun);
        var result = harness.Execute(harness.Sign(Call(Bob, authorizations: [harness.Authorize(EvmHarness.Contract, 0)])));

        Assert.Equal(TransactionRejection.InvalidTransaction, result.Rejection);
    }
}
