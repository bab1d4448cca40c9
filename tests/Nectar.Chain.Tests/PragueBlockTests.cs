using Nectar.Chain.Building;
using Nectar.Chain.Execution;
using Nectar.Chain.Tree;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Evm;
using static Nectar.Chain.Tests.ChainHarness;

namespace Nectar.Chain.Tests;

/// <summary>
/// Prague blocks, which ethereum/tests' blockchain tests do not cover: EIP-7702 set-code transactions, the EIP-7623
/// calldata floor and the EIP-2935 history contract, each built by one chain and re-executed by a follower.
/// </summary>
public sealed class PragueBlockTests
{
    [Fact]
    public void Set_code_transaction_delegates_the_authority_and_calls_run_the_delegate_code()
    {
        var harness = new ChainHarness(alloc: accounts => accounts[Carol] = new() { Balance = Ether });
        var authorization = Signer.SignAuthorization(new UInt256(ChainId), Counter, 0, BobKey);

        var first = harness.Produce(Call(AliceKey, 0, Bob, authorizations: [authorization]));
        var second = harness.Produce(Call(AliceKey, 1, Bob), Call(CarolKey, 0, Bob));

        Assert.Equal(TransactionType.SetCode, Assert.Single(first.Block.Transactions).Type);
        Assert.True(first.Execution.TransactionResults[0].Success);
        var world = harness.State.World;
        Assert.Equal(Delegation.Create(Counter), world.GetCode(Bob));
        Assert.Equal(1UL, world.GetNonce(Bob));
        // Three calls ran the counter's code on Bob's storage: the set-code transaction's own call and two more.
        Assert.Equal(new UInt256(3), world.GetStorage(Bob, 0));
        Assert.Equal(UInt256.Zero, world.GetStorage(Counter, 0));
        Assert.Empty(second.Skipped);
        AssertFollowerAgrees(harness, 2);
    }

    [Fact]
    public void Delegated_account_can_still_send_transactions()
    {
        var harness = new ChainHarness();
        harness.Produce(Call(AliceKey, 0, Bob, authorizations: [Signer.SignAuthorization(new UInt256(ChainId), Counter, 0, BobKey)]));

        var built = harness.Produce(Transfer(BobKey, 1, Carol, 3));

        Assert.Empty(built.Skipped);
        Assert.Equal(new UInt256(3), harness.State.World.GetBalance(Carol));
    }

    [Fact]
    public void Set_code_transactions_are_skipped_before_Prague()
    {
        var harness = new ChainHarness(Fork.Cancun);
        var authorization = Signer.SignAuthorization(new UInt256(ChainId), Counter, 0, BobKey);

        var built = harness.Produce(Call(AliceKey, 0, Bob, authorizations: [authorization]));

        var skipped = Assert.Single(built.Skipped);
        Assert.Equal(SkipReason.InvalidTransaction, skipped.Reason);
        Assert.Empty(harness.State.World.GetCode(Bob));
    }

    [Fact]
    public void Calldata_heavy_transaction_pays_the_calldata_floor_in_Prague_only()
    {
        var data = Enumerable.Repeat((byte)0x01, 1_000).ToArray();
        var prague = new ChainHarness(Fork.Prague);
        var cancun = new ChainHarness(Fork.Cancun);

        var inPrague = prague.Produce(CallWithData(data, gas: 100_000));
        var inCancun = cancun.Produce(CallWithData(data, gas: 100_000));

        // Intrinsic: 21,000 + 16 per non-zero byte = 37,000. Floor: 21,000 + 10 per token, 4 tokens a byte = 61,000.
        Assert.Equal(61_000UL, inPrague.Block.Header.GasUsed);
        Assert.Equal(37_000UL, inCancun.Block.Header.GasUsed);
        var price = inPrague.Block.Header.BaseFeePerGas!.Value + new UInt256(1_000_000_000);
        Assert.Equal((Ether * 100) - (new UInt256(61_000) * price), prague.State.World.GetBalance(Alice));
        AssertFollowerAgrees(prague, 1);
    }

    [Fact]
    public void Transaction_whose_gas_limit_is_below_the_calldata_floor_is_skipped_in_Prague_only()
    {
        var data = Enumerable.Repeat((byte)0x01, 1_000).ToArray();
        var prague = new ChainHarness(Fork.Prague);
        var cancun = new ChainHarness(Fork.Cancun);

        var inPrague = prague.Produce(CallWithData(data, gas: 60_999));
        var inCancun = cancun.Produce(CallWithData(data, gas: 60_999));

        Assert.Equal(SkipReason.InvalidTransaction, Assert.Single(inPrague.Skipped).Reason);
        Assert.Empty(inPrague.Block.Transactions);
        Assert.Single(inCancun.Block.Transactions);
    }

    [Fact]
    public void History_contract_records_each_parent_hash_and_serves_it_like_blockhash()
    {
        var harness = new ChainHarness();
        var blocks = new List<Block> { harness.Chain.Head };
        for (ulong i = 0; i < 4; i++)
        {
            blocks.Add(harness.Produce(Transfer(AliceKey, i, Carol, 1)).Block);
        }

        // Block 5 asks the contract and BLOCKHASH for blocks 1 to 3, then the contract for block 5 itself.
        var reads = new List<Transaction>();
        ulong nonce = 4;
        foreach (var number in new ulong[] { 1, 2, 3 })
        {
            reads.Add(Call(AliceKey, nonce++, HistoryReader, Word(number)));
            reads.Add(Call(AliceKey, nonce++, BlockHashReader, Word(number)));
        }

        var built = harness.Produce([.. reads]);
        Assert.Empty(built.Skipped);

        var world = harness.State.World;
        for (var number = 0; number <= 4; number++)
        {
            // Block n + 1's system call stored block n's hash at slot n % 8191.
            Assert.Equal(new UInt256(blocks[number].Hash.Bytes), world.GetStorage(ProtocolContracts.HistoryStorage, (ulong)number % ProtocolContracts.HistoryServeWindow));
        }

        foreach (var number in new ulong[] { 1, 2, 3 })
        {
            var expected = new UInt256(blocks[(int)number].Hash.Bytes);
            Assert.Equal(expected, world.GetStorage(HistoryReader, number));
            Assert.Equal(expected, world.GetStorage(BlockHashReader, number));
        }

        Assert.Equal(UInt256.One, world.GetStorage(HistoryReader, 0xffff));
        AssertFollowerAgrees(harness, 5);
    }

    [Fact]
    public void History_contract_refuses_the_current_block_and_later()
    {
        var harness = new ChainHarness();
        harness.Produce(Transfer(AliceKey, 0, Carol, 1));

        harness.Produce(Call(AliceKey, 1, HistoryReader, Word(2)));

        // The call reverted, so it wrote nothing back: the reader stored its failure and the query word it left in memory.
        Assert.Equal(UInt256.Zero, harness.State.World.GetStorage(HistoryReader, 0xffff));
        Assert.Equal(new UInt256(2), harness.State.World.GetStorage(HistoryReader, 2));
    }

    [Fact]
    public void Without_the_history_contract_the_system_call_does_nothing()
    {
        var harness = new ChainHarness(alloc: accounts => accounts.Remove(ProtocolContracts.HistoryStorage));

        harness.Produce(Transfer(AliceKey, 0, Carol, 1));
        harness.Produce(Transfer(AliceKey, 1, Carol, 1));

        Assert.False(harness.State.World.Exists(ProtocolContracts.HistoryStorage));
        Assert.False(harness.State.World.Exists(TransactionProcessor.SystemAddress));
        AssertFollowerAgrees(harness, 2);
    }

    private static Transaction CallWithData(byte[] data, ulong gas) => Signer.Sign(
        new Transaction
        {
            Type = TransactionType.DynamicFee,
            ChainId = ChainId,
            MaxFeePerGas = 100_000_000_000,
            MaxPriorityFeePerGas = 1_000_000_000,
            GasLimit = gas,
            To = Carol,
            Data = data,
        },
        AliceKey);

    /// <summary>A follower on the same genesis imports the producer's blocks and reaches the same head and state root.</summary>
    private static void AssertFollowerAgrees(ChainHarness harness, ulong blocks)
    {
        var follower = harness.CreateFollower();
        for (ulong number = 1; number <= blocks; number++)
        {
            var result = follower.Import(harness.Chain.Tree.FindCanonicalBlock(number)!);
            Assert.True(result.Status == BlockImportStatus.NewHead, result.ToString());
        }

        Assert.Equal(harness.Chain.Head.Hash, follower.Head.Hash);
        Assert.Equal(harness.State.StateRoot, follower.State.StateRoot);
    }
}
