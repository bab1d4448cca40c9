using Nectar.Chain.Tests.TxPool.Support;
using Nectar.Chain.TxPool;
using Nectar.Core.Numerics;
using Nectar.Core.Transactions;

namespace Nectar.Chain.Tests.TxPool;

/// <summary>Same sender and nonce: a replacement must raise both fees by at least 10%.</summary>
public sealed class ReplacementTests
{
    private const ulong Gwei = TxFactory.Gwei;

    private readonly PoolHarness _h = new();

    private TestAccount PoolOne(out Transaction original)
    {
        var a = _h.Account(0);
        original = TxFactory.DynamicFeeWei(a, 0, 100 * Gwei, 10 * Gwei);
        _h.SubmitAccepted(original);
        return a;
    }

    [Fact]
    public void Accepts_a_raise_of_exactly_10_percent_on_both_fees()
    {
        var a = PoolOne(out var original);
        var replacement = TxFactory.DynamicFeeWei(a, 0, 110 * Gwei, 11 * Gwei);

        var result = _h.Submit(replacement);

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal(1, _h.Pool.Count);
        Assert.False(_h.Pool.TryGetTransaction(original.Hash, out _));
        Assert.True(_h.Pool.TryGetTransaction(replacement.Hash, out _));
    }

    [Fact]
    public void Refuses_a_maximum_fee_one_wei_under_10_percent()
    {
        var a = PoolOne(out var original);
        var result = _h.Submit(TxFactory.DynamicFeeWei(a, 0, (110 * Gwei) - 1, 11 * Gwei));

        Assert.Equal(TxPoolError.ReplacementUnderpriced, result.Error);
        Assert.Equal("replacement transaction underpriced", result.Message);
        Assert.Equal(-32000, result.RpcErrorCode);
        Assert.True(_h.Pool.TryGetTransaction(original.Hash, out _));
    }

    [Fact]
    public void Refuses_a_priority_fee_one_wei_under_10_percent()
    {
        var a = PoolOne(out var original);
        var result = _h.Submit(TxFactory.DynamicFeeWei(a, 0, 200 * Gwei, (11 * Gwei) - 1));

        Assert.Equal(TxPoolError.ReplacementUnderpriced, result.Error);
        Assert.Equal("replacement transaction underpriced", result.Message);
        Assert.True(_h.Pool.TryGetTransaction(original.Hash, out _));
    }

    [Fact]
    public void Refuses_a_raise_of_one_fee_only()
    {
        var a = PoolOne(out _);
        Assert.Equal(TxPoolError.ReplacementUnderpriced, _h.Submit(TxFactory.DynamicFeeWei(a, 0, 500 * Gwei, 10 * Gwei)).Error);
        Assert.Equal(TxPoolError.ReplacementUnderpriced, _h.Submit(TxFactory.DynamicFeeWei(a, 0, 100 * Gwei, 50 * Gwei)).Error);
    }

    [Fact]
    public void Replaces_a_legacy_transaction_by_its_gas_price()
    {
        var a = _h.Account(0);
        _h.SubmitAccepted(TxFactory.Legacy(a, 0, gasPriceGwei: 20));

        Assert.Equal(TxPoolError.ReplacementUnderpriced, _h.Submit(TxFactory.Legacy(a, 0, gasPriceGwei: 21)).Error);
        Assert.True(_h.Submit(TxFactory.Legacy(a, 0, gasPriceGwei: 22)).IsAccepted);
    }

    [Theory]
    [InlineData(100, 110, true)]
    [InlineData(100, 109, false)]
    [InlineData(15, 17, true)]
    [InlineData(15, 16, false)]
    [InlineData(1, 2, true)]
    [InlineData(0, 1, true)]
    [InlineData(0, 0, false)]
    [InlineData(7, 7, false)]
    public void Requires_at_least_ten_percent_exactly_and_a_strict_raise(ulong oldFee, ulong newFee, bool sufficient)
    {
        var pooled = new Transaction { Type = TransactionType.DynamicFee, MaxFeePerGas = oldFee, MaxPriorityFeePerGas = oldFee };
        var replacement = new Transaction { Type = TransactionType.DynamicFee, MaxFeePerGas = newFee, MaxPriorityFeePerGas = newFee };

        Assert.Equal(sufficient, TransactionPool.IsSufficientBump(pooled, replacement, 10));
    }

    [Fact]
    public void Computes_the_bump_without_overflow_near_the_top_of_the_range()
    {
        var high = UInt256.MaxValue - new UInt256(1000);
        var pooled = new Transaction { Type = TransactionType.DynamicFee, MaxFeePerGas = high, MaxPriorityFeePerGas = 1 };
        var replacement = new Transaction { Type = TransactionType.DynamicFee, MaxFeePerGas = UInt256.MaxValue, MaxPriorityFeePerGas = 2 };

        Assert.False(TransactionPool.IsSufficientBump(pooled, replacement, 10));
    }

    [Fact]
    public void A_replacement_keeps_its_predecessors_turn()
    {
        var a = _h.Account(0);
        var b = _h.Account(1);
        var a0 = TxFactory.DynamicFee(a, 0, maxFeeGwei: 10, tipGwei: 1);
        var b0 = TxFactory.DynamicFee(b, 0);
        var a1 = TxFactory.DynamicFee(a, 1);
        _h.SubmitAccepted(a0, b0, a1);

        var a0Bumped = TxFactory.DynamicFee(a, 0, maxFeeGwei: 11, tipGwei: 2);
        _h.SubmitAccepted(a0Bumped);

        Assert.Equal([a0Bumped.Hash, b0.Hash, a1.Hash], _h.TakeAllHashes());
    }

    [Fact]
    public void A_future_replacement_stays_future()
    {
        var a = _h.Account(0);
        _h.SubmitAccepted(TxFactory.DynamicFee(a, 3, maxFeeGwei: 10, tipGwei: 1));
        var bumped = TxFactory.DynamicFee(a, 3, maxFeeGwei: 20, tipGwei: 2);
        _h.SubmitAccepted(bumped);

        Assert.Equal(1, _h.Pool.FutureCount);
        Assert.False(_h.Pool.IsExecutable(bumped.Hash));
    }

    [Fact]
    public void A_replacement_the_balance_cannot_cover_is_insufficient_funds_before_underpriced()
    {
        var original = TxFactory.DynamicFee(Accounts.Get(0), 0, maxFeeGwei: 10, tipGwei: 1);
        var a = _h.Account(0, balance: TxFactory.Cost(original));
        _h.SubmitAccepted(original);

        Assert.Equal(TxPoolError.InsufficientFunds, _h.Submit(TxFactory.DynamicFee(a, 0, maxFeeGwei: 20, tipGwei: 2)).Error);
        Assert.True(_h.Pool.TryGetTransaction(original.Hash, out _));
    }
}
