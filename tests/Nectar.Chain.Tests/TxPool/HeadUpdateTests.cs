using Nectar.Chain.Tests.TxPool.Support;
using Nectar.Chain.TxPool;
using Nectar.Core.Numerics;

namespace Nectar.Chain.Tests.TxPool;

/// <summary>After each block: included and stale transactions leave, balances and admission are re-checked, gaps promote.</summary>
public sealed class HeadUpdateTests
{
    private readonly PoolHarness _h = new();

    [Fact]
    public void Removes_included_transactions_and_keeps_the_rest_in_turn()
    {
        var a = _h.Account(0);
        var b = _h.Account(1);
        var a0 = TxFactory.DynamicFee(a, 0);
        var b0 = TxFactory.DynamicFee(b, 0);
        var a1 = TxFactory.DynamicFee(a, 1);
        var a2 = TxFactory.DynamicFee(a, 2);
        _h.SubmitAccepted(a0, b0, a1, a2);

        _h.Mine(a0, a1);

        Assert.Equal(2, _h.Pool.Count);
        Assert.Equal([b0.Hash, a2.Hash], _h.TakeAllHashes());
        Assert.False(_h.Pool.TryGetTransaction(a0.Hash, out _));
        Assert.True(_h.Pool.TryGetPendingNonce(a.Address, out var pending));
        Assert.Equal(3UL, pending);
    }

    [Fact]
    public void Removes_everything_below_the_new_account_nonce_even_if_not_included()
    {
        var a = _h.Account(0);
        var a0 = TxFactory.DynamicFee(a, 0);
        var a1 = TxFactory.DynamicFee(a, 1);
        var a3 = TxFactory.DynamicFee(a, 3);
        _h.SubmitAccepted(a0, a1, a3);

        // Forced transactions from L1 spent nonces 0 to 2.
        _h.State.SetNonce(a.Address, 3);
        _h.Pool.OnNewHead(new PoolHeadUpdate());

        Assert.Equal([a3.Hash], _h.TakeAllHashes());
        Assert.Equal(1, _h.Pool.Count);
    }

    [Fact]
    public void Promotes_future_transactions_when_the_account_nonce_reaches_them()
    {
        var a = _h.Account(0);
        var a2 = TxFactory.DynamicFee(a, 2);
        var a3 = TxFactory.DynamicFee(a, 3);
        _h.SubmitAccepted(a2, a3);
        Assert.Equal(0, _h.Pool.ExecutableCount);

        _h.State.SetNonce(a.Address, 2);
        _h.Pool.OnNewHead(new PoolHeadUpdate { ChangedAccounts = [a.Address] });

        Assert.Equal([a2.Hash, a3.Hash], _h.TakeAllHashes());
    }

    [Fact]
    public void Drops_transactions_the_balance_no_longer_covers_and_their_successors_wait()
    {
        var a = _h.Account(0);
        var a0 = TxFactory.DynamicFee(a, 0);
        var a1 = TxFactory.DynamicFee(a, 1, value: new UInt256(1_000_000_000_000_000_000UL));
        var a2 = TxFactory.DynamicFee(a, 2);
        _h.SubmitAccepted(a0, a1, a2);

        _h.State.SetBalance(a.Address, TxFactory.Cost(a0));
        _h.Pool.OnNewHead(new PoolHeadUpdate());

        Assert.False(_h.Pool.TryGetTransaction(a1.Hash, out _));
        Assert.True(_h.Pool.IsExecutable(a0.Hash));
        Assert.False(_h.Pool.IsExecutable(a2.Hash));
        Assert.Equal(1, _h.Pool.FutureCount);
    }

    [Fact]
    public void Rechecks_only_the_listed_accounts_and_the_senders_of_included_transactions()
    {
        var a = _h.Account(0);
        var b = _h.Account(1);
        var c = _h.Account(2);
        var a0 = TxFactory.DynamicFee(a, 0);
        var b0 = TxFactory.DynamicFee(b, 0);
        var c0 = TxFactory.DynamicFee(c, 0);
        _h.SubmitAccepted(a0, b0, c0);
        _h.State.SetBalance(b.Address, UInt256.Zero);
        _h.State.SetBalance(c.Address, UInt256.Zero);
        _h.State.SetNonce(a.Address, 1);
        var reads = _h.State.Reads;

        _h.Pool.OnNewHead(new PoolHeadUpdate { IncludedTransactions = [a0], ChangedAccounts = [b.Address] });

        Assert.Equal(reads + 2, _h.State.Reads);
        Assert.False(_h.Pool.TryGetTransaction(a0.Hash, out _));
        Assert.False(_h.Pool.TryGetTransaction(b0.Hash, out _));
        Assert.True(_h.Pool.TryGetTransaction(c0.Hash, out _));
    }

    [Fact]
    public void Drops_every_transaction_of_a_sender_whose_admission_was_withdrawn()
    {
        var a = _h.Account(0);
        var b = _h.Account(1);
        var b0 = TxFactory.DynamicFee(b, 0);
        _h.SubmitAccepted(TxFactory.DynamicFee(a, 0), TxFactory.DynamicFee(a, 1), TxFactory.DynamicFee(a, 5), b0);

        _h.Admission.Refuse(a.Address, "membership revoked");
        _h.Pool.OnNewHead(new PoolHeadUpdate());

        Assert.Empty(_h.Pool.GetTransactions(a.Address));
        Assert.Equal([b0.Hash], _h.TakeAllHashes());
    }

    [Fact]
    public void Rechecks_every_sender_after_a_block_that_touched_the_account_admission_reads()
    {
        var a = _h.Account(0);
        var b = _h.Account(1);
        var registry = _h.Account(9).Address;
        _h.Admission.Registry = registry;
        var b0 = TxFactory.DynamicFee(b, 0);
        _h.SubmitAccepted(TxFactory.DynamicFee(a, 0), b0);
        _h.Admission.Refuse(a.Address, "membership revoked");

        // A block that touched neither a nor the registry leaves a's transaction alone: nothing says it changed.
        _h.Pool.OnNewHead(new PoolHeadUpdate { ChangedAccounts = [b.Address] });
        Assert.Single(_h.Pool.GetTransactions(a.Address));

        _h.Pool.OnNewHead(new PoolHeadUpdate { ChangedAccounts = [b.Address, registry] });
        Assert.Empty(_h.Pool.GetTransactions(a.Address));
        Assert.Equal([b0.Hash], _h.TakeAllHashes());
    }

    [Fact]
    public void Drops_every_transaction_of_a_sender_that_now_has_contract_code()
    {
        var a = _h.Account(0);
        _h.SubmitAccepted(TxFactory.DynamicFee(a, 0), TxFactory.DynamicFee(a, 1));

        _h.State.SetCode(a.Address, AccountCode.Contract);
        _h.Pool.OnNewHead(new PoolHeadUpdate());

        Assert.Equal(0, _h.Pool.Count);
        Assert.Equal(0, _h.Pool.SenderCount);
    }

    [Fact]
    public void Keeps_a_sender_that_delegated_its_account()
    {
        var a = _h.Account(0);
        _h.SubmitAccepted(TxFactory.DynamicFee(a, 0), TxFactory.DynamicFee(a, 1));

        _h.State.SetCode(a.Address, AccountCode.Delegation);
        _h.Pool.OnNewHead(new PoolHeadUpdate());

        Assert.Equal(2, _h.Pool.ExecutableCount);
    }

    [Fact]
    public void Drops_transactions_above_a_lowered_block_gas_limit_and_refuses_new_ones()
    {
        var a = _h.Account(0);
        var b = _h.Account(1);
        var big = TxFactory.DynamicFee(a, 0, gas: 20_000_000);
        var small = TxFactory.DynamicFee(b, 0);
        _h.SubmitAccepted(big, small);

        // Only the gas limit changes and no account is listed: a lower limit still re-checks everyone.
        _h.Pool.OnNewHead(new PoolHeadUpdate { BlockGasLimit = 10_000_000, ChangedAccounts = [] });

        Assert.Equal([small.Hash], _h.TakeAllHashes());
        Assert.Equal(TxPoolError.ExceedsBlockGasLimit, _h.Submit(TxFactory.DynamicFee(a, 0, gas: 10_000_001)).Error);
    }

    [Fact]
    public void Moves_to_a_later_fork()
    {
        var h = new PoolHarness(Core.Specs.Fork.Cancun);
        var a = h.Account(0);
        Assert.Equal(TxPoolError.TypeNotEnabled, h.Submit(TxFactory.SetCode(a, 0)).Error);

        h.Pool.OnNewHead(new PoolHeadUpdate { Spec = Core.Specs.ForkSpec.For(Core.Specs.Fork.Prague) });

        Assert.True(h.Submit(TxFactory.SetCode(a, 0)).IsAccepted);
    }

    [Fact]
    public void Removes_included_transactions_even_when_the_state_reader_lags()
    {
        var a = _h.Account(0);
        var a0 = TxFactory.DynamicFee(a, 0);
        var a1 = TxFactory.DynamicFee(a, 1);
        _h.SubmitAccepted(a0, a1);

        _h.Pool.OnNewHead(new PoolHeadUpdate { IncludedTransactions = [a0] });

        Assert.Equal(1, _h.Pool.Count);
        Assert.True(_h.Pool.TryGetTransaction(a1.Hash, out _));
    }

    [Fact]
    public void A_sender_with_nothing_left_is_forgotten()
    {
        var a = _h.Account(0);
        var a0 = TxFactory.DynamicFee(a, 0);
        _h.SubmitAccepted(a0);

        _h.Mine(a0);

        Assert.Equal(0, _h.Pool.SenderCount);
        Assert.False(_h.Pool.TryGetPendingNonce(a.Address, out _));
        Assert.Equal(0, _h.Pool.Count);
        Assert.Equal(0, _h.Pool.SizeInBytes);
    }
}
