using Nectar.Chain.Tests.TxPool.Support;

namespace Nectar.Chain.Tests.TxPool;

/// <summary>The sequencer's wake-up signal and the RPC's lookups.</summary>
public sealed class SignalAndLookupTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly PoolHarness _h = new();

    [Fact]
    public async Task Wakes_the_sequencer_when_an_executable_transaction_arrives()
    {
        var a = _h.Account(0);
        var wait = _h.Pool.WaitForExecutableAsync();
        Assert.False(wait.IsCompleted);

        // A future transaction is no reason to wake.
        _h.SubmitAccepted(TxFactory.DynamicFee(a, 1));
        Assert.False(wait.IsCompleted);

        _h.SubmitAccepted(TxFactory.DynamicFee(a, 0));
        await wait.WaitAsync(Bound);
    }

    [Fact]
    public void Does_not_wait_while_executable_transactions_are_pooled()
    {
        _h.SubmitAccepted(TxFactory.DynamicFee(_h.Account(0), 0));
        Assert.True(_h.Pool.WaitForExecutableAsync().IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Waiting_past_known_arrivals_ignores_transactions_already_seen()
    {
        var a = _h.Account(0);
        _h.SubmitAccepted(TxFactory.DynamicFee(a, 0));
        var seen = _h.Pool.ExecutableArrivals;
        Assert.Equal(1, seen);

        var wait = _h.Pool.WaitForExecutableAsync(seen);
        Assert.False(wait.IsCompleted);
        Assert.True(_h.Pool.WaitForExecutableAsync(seen - 1).IsCompletedSuccessfully);

        _h.SubmitAccepted(TxFactory.DynamicFee(a, 1));
        await wait.WaitAsync(Bound);
    }

    [Fact]
    public async Task Wakes_when_a_new_head_promotes_future_transactions()
    {
        var a = _h.Account(0);
        _h.SubmitAccepted(TxFactory.DynamicFee(a, 3));
        var wait = _h.Pool.WaitForExecutableAsync();

        _h.State.SetNonce(a.Address, 3);
        _h.Pool.OnNewHead(new Chain.TxPool.PoolHeadUpdate());

        await wait.WaitAsync(Bound);
    }

    [Fact]
    public async Task Waiting_can_be_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var wait = _h.Pool.WaitForExecutableAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Bound));
    }

    [Fact]
    public void Finds_a_pending_transaction_by_hash_with_its_sender()
    {
        var a = _h.Account(0);
        var tx = TxFactory.DynamicFee(a, 4);
        _h.SubmitAccepted(tx);

        Assert.True(_h.Pool.TryGetTransaction(tx.Hash, out var found));
        Assert.Equal(a.Address, found.Sender);
        Assert.Equal(TxFactory.Encode(tx), TxFactory.Encode(found));
        Assert.False(_h.Pool.TryGetTransaction(TxFactory.DynamicFee(a, 5).Hash, out var missing));
        Assert.Null(missing);
    }
}
