using Nectar.Chain.Tests.TxPool.Support;
using Nectar.Core.Numerics;
using Nectar.Core.Transactions;

namespace Nectar.Chain.Tests.TxPool;

/// <summary>Block building takes executable transactions first come, first served, each sender in nonce order.</summary>
public sealed class SelectionTests
{
    private const ulong Gwei = TxFactory.Gwei;

    private readonly PoolHarness _h = new();

    [Fact]
    public void Orders_senders_by_arrival_and_each_sender_by_nonce()
    {
        var a = _h.Account(0);
        var b = _h.Account(1);
        var c = _h.Account(2);
        var a0 = TxFactory.DynamicFee(a, 0, maxFeeGwei: 10);
        var b0 = TxFactory.DynamicFee(b, 0, maxFeeGwei: 99, tipGwei: 99);
        var a1 = TxFactory.DynamicFee(a, 1, maxFeeGwei: 10);
        var c0 = TxFactory.DynamicFee(c, 0, maxFeeGwei: 50);
        var b1 = TxFactory.DynamicFee(b, 1, maxFeeGwei: 99, tipGwei: 99);
        _h.SubmitAccepted(a0, b0, a1, c0, b1);

        // Fees do not reorder: arrival does.
        Assert.Equal([a0.Hash, b0.Hash, a1.Hash, c0.Hash, b1.Hash], _h.TakeAllHashes());
    }

    [Fact]
    public void A_promoted_transaction_takes_its_turn_when_it_becomes_executable()
    {
        var a = _h.Account(0);
        var b = _h.Account(1);
        var a1 = TxFactory.DynamicFee(a, 1);
        var b0 = TxFactory.DynamicFee(b, 0);
        var a0 = TxFactory.DynamicFee(a, 0);
        _h.SubmitAccepted(a1, b0, a0);

        Assert.Equal([b0.Hash, a0.Hash, a1.Hash], _h.TakeAllHashes());
    }

    [Fact]
    public void Skips_transactions_below_the_base_fee_and_their_successors_but_keeps_them()
    {
        var a = _h.Account(0);
        var b = _h.Account(1);
        var a0 = TxFactory.DynamicFee(a, 0, maxFeeGwei: 5, tipGwei: 1);
        var b0 = TxFactory.DynamicFee(b, 0, maxFeeGwei: 20);
        var a1 = TxFactory.DynamicFee(a, 1, maxFeeGwei: 20);
        _h.SubmitAccepted(a0, b0, a1);

        Assert.Equal([b0.Hash], _h.TakeAllHashes(baseFee: 10 * Gwei));
        Assert.Equal(3, _h.Pool.Count);
        Assert.Equal(3, _h.Pool.ExecutableCount);

        // At a base fee a0 covers, all three come back in order.
        Assert.Equal([a0.Hash, b0.Hash, a1.Hash], _h.TakeAllHashes(baseFee: 5 * Gwei));
    }

    [Fact]
    public void Skips_legacy_transactions_priced_below_the_base_fee()
    {
        var a = _h.Account(0);
        var legacy = TxFactory.Legacy(a, 0, gasPriceGwei: 3);
        _h.SubmitAccepted(legacy);

        Assert.Empty(_h.TakeAll(baseFee: 4 * Gwei));
        Assert.Equal([legacy.Hash], _h.TakeAllHashes(baseFee: 3 * Gwei));
    }

    [Fact]
    public void Fills_the_gas_budget_skipping_what_does_not_fit_and_the_same_senders_later_nonces()
    {
        var a = _h.Account(0);
        var b = _h.Account(1);
        var c = _h.Account(2);
        var a0 = TxFactory.DynamicFee(a, 0, gas: 50_000);
        var b0 = TxFactory.DynamicFee(b, 0, gas: 500_000);
        var b1 = TxFactory.DynamicFee(b, 1, gas: 21_000);
        var c0 = TxFactory.DynamicFee(c, 0, gas: 21_000);
        _h.SubmitAccepted(a0, b0, b1, c0);

        var taken = new List<Transaction>();
        var count = _h.Pool.TakeExecutable(UInt256.Zero, 100_000, taken);

        Assert.Equal(2, count);
        Assert.Equal([a0.Hash, c0.Hash], taken.ConvertAll(t => t.Hash));
    }

    [Fact]
    public void Takes_at_most_the_requested_number()
    {
        var a = _h.Account(0);
        var txs = Enumerable.Range(0, 5).Select(n => TxFactory.DynamicFee(a, (ulong)n)).ToArray();
        _h.SubmitAccepted(txs);

        var taken = new List<Transaction>();
        Assert.Equal(2, _h.Pool.TakeExecutable(UInt256.Zero, ulong.MaxValue, taken, maxTransactions: 2));
        Assert.Equal([txs[0].Hash, txs[1].Hash], taken.ConvertAll(t => t.Hash));
    }

    [Fact]
    public void Selected_transactions_carry_their_sender()
    {
        var a = _h.Account(0);
        _h.SubmitAccepted(TxFactory.DynamicFee(a, 0));

        Assert.Equal(a.Address, Assert.Single(_h.TakeAll()).Sender);
    }

    [Fact]
    public void A_transaction_reported_invalid_leaves_and_its_successors_wait_as_future()
    {
        var a = _h.Account(0);
        var b = _h.Account(1);
        var a0 = TxFactory.DynamicFee(a, 0);
        var a1 = TxFactory.DynamicFee(a, 1);
        var a2 = TxFactory.DynamicFee(a, 2);
        var b0 = TxFactory.DynamicFee(b, 0);
        _h.SubmitAccepted(a0, a1, b0, a2);

        Assert.True(_h.Pool.ReportInvalid(a1.Hash));
        Assert.False(_h.Pool.ReportInvalid(a1.Hash));

        Assert.False(_h.Pool.TryGetTransaction(a1.Hash, out _));
        Assert.False(_h.Pool.IsExecutable(a2.Hash));
        Assert.Equal([a0.Hash, b0.Hash], _h.TakeAllHashes());

        // A new a1 fills the gap again; a2 follows it.
        var a1Again = TxFactory.DynamicFee(a, 1, maxFeeGwei: 12);
        _h.SubmitAccepted(a1Again);
        Assert.Equal([a0.Hash, b0.Hash, a1Again.Hash, a2.Hash], _h.TakeAllHashes());
    }
}
