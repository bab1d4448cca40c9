using Nectar.Chain.Tests.TxPool.Support;

namespace Nectar.Chain.Tests.TxPool;

/// <summary>Per-sender queues: the executable run from the account nonce, future transactions behind gaps, promotion.</summary>
public sealed class NonceQueueTests
{
    private readonly PoolHarness _h = new();

    [Fact]
    public void A_transaction_at_the_account_nonce_is_executable()
    {
        var a = _h.Account(0, nonce: 7);
        var tx = TxFactory.DynamicFee(a, 7);
        _h.SubmitAccepted(tx);

        Assert.True(_h.Pool.IsExecutable(tx.Hash));
        Assert.Equal(1, _h.Pool.ExecutableCount);
        Assert.Equal(0, _h.Pool.FutureCount);
    }

    [Fact]
    public void A_transaction_behind_a_gap_waits_as_future()
    {
        var a = _h.Account(0);
        var tx = TxFactory.DynamicFee(a, 2);
        _h.SubmitAccepted(tx);

        Assert.False(_h.Pool.IsExecutable(tx.Hash));
        Assert.Equal(0, _h.Pool.ExecutableCount);
        Assert.Equal(1, _h.Pool.FutureCount);
        Assert.Empty(_h.TakeAll());
    }

    [Fact]
    public void Filling_the_gap_promotes_every_following_transaction()
    {
        var a = _h.Account(0);
        var tx0 = TxFactory.DynamicFee(a, 0);
        var tx1 = TxFactory.DynamicFee(a, 1);
        var tx2 = TxFactory.DynamicFee(a, 2);
        var tx4 = TxFactory.DynamicFee(a, 4);
        _h.SubmitAccepted(tx2, tx4, tx1);
        Assert.Equal(0, _h.Pool.ExecutableCount);

        _h.SubmitAccepted(tx0);

        Assert.Equal(3, _h.Pool.ExecutableCount);
        Assert.Equal(1, _h.Pool.FutureCount);
        Assert.Equal([tx0.Hash, tx1.Hash, tx2.Hash], _h.TakeAllHashes());
        Assert.False(_h.Pool.IsExecutable(tx4.Hash));
    }

    [Fact]
    public void Pending_nonce_counts_the_executable_run_only()
    {
        var a = _h.Account(0, nonce: 3);
        Assert.False(_h.Pool.TryGetPendingNonce(a.Address, out _));

        _h.SubmitAccepted(TxFactory.DynamicFee(a, 3), TxFactory.DynamicFee(a, 4), TxFactory.DynamicFee(a, 6));

        Assert.True(_h.Pool.TryGetPendingNonce(a.Address, out var pending));
        Assert.Equal(5UL, pending);
    }

    [Fact]
    public void Lists_a_senders_transactions_in_nonce_order()
    {
        var a = _h.Account(0);
        var b = _h.Account(1);
        var tx0 = TxFactory.DynamicFee(a, 0);
        var tx1 = TxFactory.DynamicFee(a, 1);
        var tx5 = TxFactory.DynamicFee(a, 5);
        _h.SubmitAccepted(tx5, TxFactory.DynamicFee(b, 0), tx1, tx0);

        Assert.Equal([tx0.Hash, tx1.Hash, tx5.Hash], _h.Pool.GetTransactions(a.Address).Select(t => t.Hash));
        Assert.Empty(_h.Pool.GetTransactions(_h.Account(2).Address));
    }

    [Fact]
    public void A_gap_filler_at_the_sender_limit_displaces_the_senders_highest_nonce()
    {
        var h = new PoolHarness(perSender: 3);
        var a = h.Account(0);
        var tx1 = TxFactory.DynamicFee(a, 1);
        var tx2 = TxFactory.DynamicFee(a, 2);
        var tx5 = TxFactory.DynamicFee(a, 5);
        h.SubmitAccepted(tx1, tx2, tx5);

        var tx0 = TxFactory.DynamicFee(a, 0);
        h.SubmitAccepted(tx0);

        Assert.Equal([tx0.Hash, tx1.Hash, tx2.Hash], h.Pool.GetTransactions(a.Address).Select(t => t.Hash));
        Assert.False(h.Pool.TryGetTransaction(tx5.Hash, out _));
        Assert.Equal(3, h.Pool.ExecutableCount);
    }

    [Fact]
    public void A_fresher_account_read_drops_what_is_below_the_new_nonce()
    {
        var a = _h.Account(0);
        var tx0 = TxFactory.DynamicFee(a, 0);
        var tx1 = TxFactory.DynamicFee(a, 1);
        _h.SubmitAccepted(tx0, tx1);

        // Nonce 0 was spent elsewhere (say, a forced transaction) before any head update reached the pool.
        _h.State.SetNonce(a.Address, 1);
        var tx2 = TxFactory.DynamicFee(a, 2);
        _h.SubmitAccepted(tx2);

        Assert.False(_h.Pool.TryGetTransaction(tx0.Hash, out _));
        Assert.Equal([tx1.Hash, tx2.Hash], _h.TakeAllHashes());
    }
}
