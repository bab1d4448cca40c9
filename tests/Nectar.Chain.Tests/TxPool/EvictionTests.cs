using Nectar.Chain.Tests.TxPool.Support;
using Nectar.Chain.TxPool;
using Nectar.Core.Transactions;

namespace Nectar.Chain.Tests.TxPool;

/// <summary>A full pool evicts future transactions first, then the lowest-paying sender tails, or refuses the newcomer.</summary>
public sealed class EvictionTests
{
    private readonly PoolHarness _h = new(capacity: 4);

    private bool InPool(Transaction tx) => _h.Pool.TryGetTransaction(tx.Hash, out _);

    [Fact]
    public void Evicts_a_future_transaction_before_any_executable_one()
    {
        var a0 = TxFactory.DynamicFee(_h.Account(0), 0, maxFeeGwei: 5);
        var b0 = TxFactory.DynamicFee(_h.Account(1), 0, maxFeeGwei: 6);
        var c0 = TxFactory.DynamicFee(_h.Account(2), 0, maxFeeGwei: 7);
        var dFuture = TxFactory.DynamicFee(_h.Account(3), 5, maxFeeGwei: 100, tipGwei: 50);
        _h.SubmitAccepted(a0, b0, c0, dFuture);

        var e0 = TxFactory.DynamicFee(_h.Account(4), 0, maxFeeGwei: 1);
        _h.SubmitAccepted(e0);

        Assert.False(InPool(dFuture));
        Assert.True(InPool(a0) && InPool(b0) && InPool(c0) && InPool(e0));
        Assert.Equal(4, _h.Pool.Count);
    }

    [Fact]
    public void Evicts_the_lowest_paying_tail_never_a_transaction_whose_successor_stays()
    {
        var a = _h.Account(0);
        var a0 = TxFactory.DynamicFee(a, 0, maxFeeGwei: 10);
        var a1 = TxFactory.DynamicFee(a, 1, maxFeeGwei: 50);
        var b0 = TxFactory.DynamicFee(_h.Account(1), 0, maxFeeGwei: 20);
        var c0 = TxFactory.DynamicFee(_h.Account(2), 0, maxFeeGwei: 30);
        _h.SubmitAccepted(a0, a1, b0, c0);

        var d0 = TxFactory.DynamicFee(_h.Account(3), 0, maxFeeGwei: 25);
        _h.SubmitAccepted(d0);

        // a0 pays least but a1 follows it; b0 is the lowest-paying tail.
        Assert.False(InPool(b0));
        Assert.True(InPool(a0) && InPool(a1) && InPool(c0) && InPool(d0));
    }

    [Fact]
    public void Evicts_from_a_senders_tail_when_its_tail_pays_least()
    {
        var a = _h.Account(0);
        var a0 = TxFactory.DynamicFee(a, 0, maxFeeGwei: 50);
        var a1 = TxFactory.DynamicFee(a, 1, maxFeeGwei: 10);
        var b0 = TxFactory.DynamicFee(_h.Account(1), 0, maxFeeGwei: 20);
        var c0 = TxFactory.DynamicFee(_h.Account(2), 0, maxFeeGwei: 30);
        _h.SubmitAccepted(a0, a1, b0, c0);

        _h.SubmitAccepted(TxFactory.DynamicFee(_h.Account(3), 0, maxFeeGwei: 25));

        Assert.False(InPool(a1));
        Assert.True(InPool(a0));
    }

    [Fact]
    public void Refuses_a_newcomer_that_would_be_the_one_evicted()
    {
        _h.SubmitAccepted(
            TxFactory.DynamicFee(_h.Account(0), 0, maxFeeGwei: 20),
            TxFactory.DynamicFee(_h.Account(1), 0, maxFeeGwei: 30),
            TxFactory.DynamicFee(_h.Account(2), 0, maxFeeGwei: 40),
            TxFactory.DynamicFee(_h.Account(3), 0, maxFeeGwei: 50));
        var before = _h.TakeAllHashes();

        var cheap = TxFactory.DynamicFee(_h.Account(4), 0, maxFeeGwei: 15);
        var result = _h.Submit(cheap);

        Assert.Equal(TxPoolError.TxPoolFull, result.Error);
        Assert.Equal("txpool is full", result.Message);
        Assert.Equal(-32000, result.RpcErrorCode);
        Assert.False(InPool(cheap));
        Assert.Equal(before, _h.TakeAllHashes());
        Assert.Equal(4, _h.Pool.SenderCount);
    }

    [Fact]
    public void Refuses_a_newcomer_paying_the_same_as_the_lowest_tail()
    {
        var lowest = TxFactory.DynamicFee(_h.Account(0), 0, maxFeeGwei: 20);
        _h.SubmitAccepted(
            lowest,
            TxFactory.DynamicFee(_h.Account(1), 0, maxFeeGwei: 30),
            TxFactory.DynamicFee(_h.Account(2), 0, maxFeeGwei: 40),
            TxFactory.DynamicFee(_h.Account(3), 0, maxFeeGwei: 50));

        Assert.Equal(TxPoolError.TxPoolFull, _h.Submit(TxFactory.DynamicFee(_h.Account(4), 0, maxFeeGwei: 20)).Error);
        Assert.True(InPool(lowest));
    }

    [Fact]
    public void Refuses_a_future_newcomer_when_only_executable_transactions_are_pooled()
    {
        _h.SubmitAccepted(
            TxFactory.DynamicFee(_h.Account(0), 0, maxFeeGwei: 1),
            TxFactory.DynamicFee(_h.Account(1), 0, maxFeeGwei: 1),
            TxFactory.DynamicFee(_h.Account(2), 0, maxFeeGwei: 1),
            TxFactory.DynamicFee(_h.Account(3), 0, maxFeeGwei: 1));

        var future = TxFactory.DynamicFee(_h.Account(4), 3, maxFeeGwei: 1000, tipGwei: 1000);
        Assert.Equal(TxPoolError.TxPoolFull, _h.Submit(future).Error);
        Assert.Equal(4, _h.Pool.ExecutableCount);
    }

    [Fact]
    public void A_newcomer_filling_its_own_gap_evicts_another_tail_not_itself()
    {
        var a = _h.Account(0);
        var a1 = TxFactory.DynamicFee(a, 1, maxFeeGwei: 1);
        _h.SubmitAccepted(
            a1,
            TxFactory.DynamicFee(_h.Account(1), 0, maxFeeGwei: 30),
            TxFactory.DynamicFee(_h.Account(2), 0, maxFeeGwei: 40),
            TxFactory.DynamicFee(_h.Account(3), 0, maxFeeGwei: 50));

        // a0 pays least of all, but a1 (now executable, and the tail) follows it: a1 goes, a0 stays.
        var a0 = TxFactory.DynamicFee(a, 0, maxFeeGwei: 1);
        _h.SubmitAccepted(a0);

        Assert.True(InPool(a0));
        Assert.False(InPool(a1));
        Assert.Equal(4, _h.Pool.Count);
    }

    [Fact]
    public void Keeps_the_byte_limit_by_evicting_tails()
    {
        var oneTransaction = TransactionCodec.GetEncodedLength(TxFactory.DynamicFee(Accounts.Get(0), 0, gas: 100_000, data: new byte[1000]));
        var h = new PoolHarness(maxPoolBytes: (3L * oneTransaction) + 10, maxTransactionSize: 2_000);
        var cheapest = TxFactory.DynamicFee(h.Account(0), 0, maxFeeGwei: 5, gas: 100_000, data: new byte[1000]);
        h.SubmitAccepted(
            cheapest,
            TxFactory.DynamicFee(h.Account(1), 0, maxFeeGwei: 6, gas: 100_000, data: new byte[1000]),
            TxFactory.DynamicFee(h.Account(2), 0, maxFeeGwei: 7, gas: 100_000, data: new byte[1000]));

        h.SubmitAccepted(TxFactory.DynamicFee(h.Account(3), 0, maxFeeGwei: 8, gas: 100_000, data: new byte[1000]));

        Assert.False(h.Pool.TryGetTransaction(cheapest.Hash, out _));
        Assert.Equal(3, h.Pool.Count);
        Assert.True(h.Pool.SizeInBytes <= h.Options.MaxPoolBytes);
    }

    [Fact]
    public void Never_holds_more_than_its_capacity_under_a_stream_of_submissions()
    {
        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            var account = _h.Account(i);
            _h.Submit(TxFactory.DynamicFee(account, (ulong)random.Next(0, 3), maxFeeGwei: (ulong)random.Next(1, 100)));
            Assert.True(_h.Pool.Count <= 4);
        }

        Assert.Equal(4, _h.Pool.Count);
    }

    [Fact]
    public void A_larger_replacement_that_does_not_fit_leaves_its_predecessor_in_place()
    {
        var small = TransactionCodec.GetEncodedLength(TxFactory.DynamicFee(Accounts.Get(0), 0, gas: 100_000, data: new byte[100]));
        var h = new PoolHarness(maxPoolBytes: (2L * small) + 50, maxTransactionSize: 400);
        var a = h.Account(0);
        var a0 = TxFactory.DynamicFee(a, 0, maxFeeGwei: 10, tipGwei: 1, gas: 100_000, data: new byte[100]);
        var b0 = TxFactory.DynamicFee(h.Account(1), 0, maxFeeGwei: 50, gas: 100_000, data: new byte[100]);
        h.SubmitAccepted(a0, b0);

        var bigger = TxFactory.DynamicFee(a, 0, maxFeeGwei: 11, tipGwei: 2, gas: 100_000, data: new byte[250]);
        var result = h.Submit(bigger);

        Assert.Equal(TxPoolError.TxPoolFull, result.Error);
        Assert.Equal([a0.Hash, b0.Hash], h.TakeAllHashes());
        Assert.False(h.Pool.TryGetTransaction(bigger.Hash, out _));
        h.Pool.CheckInvariants();
    }

    [Fact]
    public void A_refused_gap_filler_gives_back_the_tail_it_displaced()
    {
        var small = TransactionCodec.GetEncodedLength(TxFactory.DynamicFee(Accounts.Get(0), 0, gas: 100_000, data: new byte[10]));
        var h = new PoolHarness(perSender: 2, maxPoolBytes: (3L * small) + 50, maxTransactionSize: 400);
        var a = h.Account(0);
        var a0 = TxFactory.DynamicFee(a, 0, maxFeeGwei: 50, gas: 100_000, data: new byte[10]);
        var a5 = TxFactory.DynamicFee(a, 5, maxFeeGwei: 50, gas: 100_000, data: new byte[10]);
        var b0 = TxFactory.DynamicFee(h.Account(1), 0, maxFeeGwei: 40, gas: 100_000, data: new byte[10]);
        h.SubmitAccepted(a0, a5, b0);

        // a3 displaces a5 within its sender, but it is larger and, as a future tail, the first to evict.
        var a3 = TxFactory.DynamicFee(a, 3, maxFeeGwei: 1, gas: 100_000, data: new byte[250]);
        var result = h.Submit(a3);

        Assert.Equal(TxPoolError.TxPoolFull, result.Error);
        Assert.Equal([a0.Hash, a5.Hash], h.Pool.GetTransactions(a.Address).Select(t => t.Hash));
        Assert.False(h.Pool.IsExecutable(a5.Hash));
        h.Pool.CheckInvariants();
    }
}
