using Nectar.Chain.Execution;
using Nectar.Chain.Validation;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Specs;
using static Nectar.Chain.Tests.ChainHarness;

namespace Nectar.Chain.Tests.Execution;

public sealed class BlockProcessorTests
{
    [Fact]
    public void Receipts_carry_cumulative_gas_status_and_logs_and_the_bloom_covers_them()
    {
        var harness = new ChainHarness();

        var built = harness.Produce(Transfer(AliceKey, 0, Carol, 1), Call(AliceKey, 1, Logger), Call(AliceKey, 2, Burner, gas: 50_000));

        var receipts = built.Execution.Receipts;
        Assert.Equal([true, true, false], receipts.Select(r => r.Success));
        Assert.Equal(21_000UL, receipts[0].CumulativeGasUsed);
        Assert.Equal(receipts[0].CumulativeGasUsed + (ulong)built.Execution.TransactionResults[1].GasUsed, receipts[1].CumulativeGasUsed);
        Assert.Equal(receipts[1].CumulativeGasUsed + 50_000UL, receipts[2].CumulativeGasUsed);
        Assert.Equal(receipts[2].CumulativeGasUsed, built.Execution.GasUsed);
        Assert.Empty(receipts[0].Logs);
        Assert.Single(receipts[1].Logs);
        Assert.True(built.Execution.LogsBloom.Matches(Logger));
        Assert.True(built.Execution.LogsBloom.Matches(LogTopic));
        Assert.Equal(receipts[1].Bloom, built.Execution.LogsBloom);
        Assert.Equal(BlockRoots.Receipts(receipts.AsSpan()), built.Execution.ReceiptsRoot);
    }

    [Fact]
    public void Withdrawals_credit_gwei_times_ten_to_the_ninth_outside_the_evm()
    {
        var harness = new ChainHarness();
        var before = harness.State.World.GetBalance(Bob);

        var built = harness.Chain.Produce(
            harness.NextTimestamp,
            Coinbase,
            [],
            request => request with { Withdrawals = [new Withdrawal(0, 1, Bob, 3), new Withdrawal(1, 2, Carol, 0), new Withdrawal(2, 3, Logger, 1)] });

        Assert.Equal(before + new UInt256(3_000_000_000), harness.State.World.GetBalance(Bob));
        Assert.False(harness.State.World.Exists(Carol));
        Assert.Equal(new UInt256(1_000_000_000), harness.State.World.GetBalance(Logger));
        Assert.Equal(0UL, built.Block.Header.GasUsed);
        Assert.Equal(BlockRoots.Withdrawals(built.Block.Withdrawals!.Value.AsSpan()), built.Block.Header.WithdrawalsRoot);
    }

    [Fact]
    public void Process_refuses_a_state_that_is_not_at_the_parent()
    {
        var harness = new ChainHarness();
        var genesis = harness.Chain.Head.Header;
        var block = harness.Produce(Transfer(AliceKey, 0, Carol, 1)).Block;

        Assert.Throws<InvalidOperationException>(() => harness.Processor.Process(genesis, block, harness.Spec, harness.State));
    }

    [Fact]
    public void Process_throws_a_typed_error_for_an_invalid_transaction_and_keeps_the_state()
    {
        var producer = new ChainHarness();
        var block = producer.Produce(Transfer(AliceKey, 0, Carol, 1), Transfer(AliceKey, 1, Carol, 1)).Block;
        var follower = producer.CreateFollower();
        var reordered = new Block { Header = block.Header, Transactions = [block.Transactions[1], block.Transactions[0]], Withdrawals = block.Withdrawals };

        var error = Assert.Throws<InvalidBlockException>(() => follower.Processor.Process(follower.Head.Header, reordered, producer.Spec, follower.State));

        Assert.Equal(BlockError.InvalidTransaction, error.Error);
        Assert.Equal(0, error.TransactionIndex);
        Assert.Equal(follower.Head.Header.StateRoot, follower.State.StateRoot);
        Assert.Equal(UInt256.Zero, follower.State.World.GetBalance(Carol));
    }

    [Fact]
    public void A_disposed_execution_discards_its_changes()
    {
        var harness = new ChainHarness();
        var head = harness.Chain.Head.Header;
        var template = HeaderFields.From(head) with { Number = head.Number + 1, ParentHash = head.Hash, Timestamp = head.Timestamp + 1 };

        using (var execution = harness.Processor.Begin(template.ToHeader(), harness.Spec, harness.State))
        {
            Assert.True(execution.Execute(Transfer(AliceKey, 0, Carol, 9)).IsExecuted);
            Assert.Equal(new UInt256(9), harness.State.World.GetBalance(Carol));
        }

        Assert.Equal(UInt256.Zero, harness.State.World.GetBalance(Carol));
        Assert.Equal(head.StateRoot, harness.State.StateRoot);
    }

    [Fact]
    public void An_execution_takes_no_transactions_after_its_withdrawals()
    {
        var harness = new ChainHarness();
        var head = harness.Chain.Head.Header;
        var template = HeaderFields.From(head) with { Number = head.Number + 1, ParentHash = head.Hash, Timestamp = head.Timestamp + 1 };
        using var execution = harness.Processor.Begin(template.ToHeader(), harness.Spec, harness.State);
        execution.ApplyWithdrawals([]);

        Assert.Throws<InvalidOperationException>(() => execution.Execute(Transfer(AliceKey, 0, Carol, 1)));
        Assert.Throws<InvalidOperationException>(() => execution.ApplyWithdrawals([]));
    }

    [Fact]
    public void Withdrawals_are_refused_before_Shanghai()
    {
        var harness = new ChainHarness(Fork.Paris);
        var head = harness.Chain.Head.Header;
        var template = HeaderFields.From(head) with { Number = head.Number + 1, ParentHash = head.Hash, Timestamp = head.Timestamp + 1 };
        using var execution = harness.Processor.Begin(template.ToHeader(), harness.Spec, harness.State);

        Assert.Throws<InvalidOperationException>(() => execution.ApplyWithdrawals([new Withdrawal(0, 0, Bob, 1)]));
    }

    [Fact]
    public void Blocks_of_earlier_forks_have_no_withdrawals_root_blob_gas_or_requests_hash()
    {
        var harness = new ChainHarness(Fork.Paris);

        var built = harness.Produce(Transfer(AliceKey, 0, Carol, 1));

        Assert.Null(built.Execution.WithdrawalsRoot);
        Assert.Null(built.Execution.BlobGasUsed);
        Assert.Null(built.Execution.RequestsHash);
        Assert.Null(built.Block.Withdrawals);
        Assert.True(harness.CreateFollower().Import(built.Block).IsValid);
    }
}
