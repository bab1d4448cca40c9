using Nectar.Chain.Tests.TxPool.Support;
using Nectar.Chain.TxPool;
using Nectar.Core.Numerics;
using Nectar.Core.Transactions;

namespace Nectar.Chain.Tests.TxPool;

/// <summary>A batch, recovered in parallel, gives the results and content of one-by-one submission.</summary>
public sealed class BatchSubmissionTests
{
    private static PoolHarness Prepared()
    {
        var h = new PoolHarness(capacity: 60, perSender: 8);
        for (var i = 0; i < 20; i++)
        {
            h.Account(i, balance: i == 3 ? UInt256.One : null);
        }

        h.Admission.Refuse(Accounts.Get(4).Address, "not registered");
        return h;
    }

    /// <summary>A mix of valid, invalid, duplicate, replacing, gapped and evicting transactions, with a fixed seed.</summary>
    private static List<byte[]> Mixed()
    {
        var random = new Random(42);
        var list = new List<byte[]>();
        for (var i = 0; i < 150; i++)
        {
            var account = Accounts.Get(random.Next(0, 20));
            var nonce = (ulong)random.Next(0, 10);
            var fee = (ulong)random.Next(1, 40);
            var tx = (random.Next(0, 10)) switch
            {
                0 => TxFactory.DynamicFee(account, nonce, maxFeeGwei: fee, chainId: 7),
                1 => TxFactory.DynamicFee(account, nonce, maxFeeGwei: fee, gas: 20_000),
                2 => TxFactory.Legacy(account, nonce, gasPriceGwei: fee),
                _ => TxFactory.DynamicFee(account, nonce, maxFeeGwei: fee, tipGwei: Math.Min(fee, (ulong)random.Next(0, 5))),
            };
            var encoded = TxFactory.Encode(tx);
            list.Add(encoded);
            if (random.Next(0, 10) == 0)
            {
                list.Add(encoded);
            }
        }

        list.Add([0xc0]);
        list.Add([0x03, 0xc0]);
        return list;
    }

    [Fact]
    public void Batch_submission_equals_one_by_one()
    {
        var input = Mixed();

        var single = Prepared();
        var oneByOne = input.Select(e => single.Pool.Submit(e)).ToArray();

        var batched = Prepared();
        var results = new TxPoolResult[input.Count];
        batched.Pool.SubmitBatch(input.Select(e => (ReadOnlyMemory<byte>)e).ToArray(), results);

        Assert.Equal(oneByOne, results);
        Assert.Equal(single.Pool.Count, batched.Pool.Count);
        Assert.Equal(single.Pool.FutureCount, batched.Pool.FutureCount);
        Assert.Equal(single.TakeAllHashes(), batched.TakeAllHashes());
        for (var i = 0; i < 20; i++)
        {
            var address = Accounts.Get(i).Address;
            Assert.Equal(single.Pool.GetTransactions(address).Select(t => t.Hash), batched.Pool.GetTransactions(address).Select(t => t.Hash));
        }

        // The mix exercises the paths it claims to.
        var errors = oneByOne.Select(r => r.Error).ToHashSet();
        Assert.Contains(TxPoolError.None, errors);
        Assert.Contains(TxPoolError.InvalidChainId, errors);
        Assert.Contains(TxPoolError.IntrinsicGasTooLow, errors);
        Assert.Contains(TxPoolError.AlreadyKnown, errors);
        Assert.Contains(TxPoolError.ReplacementUnderpriced, errors);
        Assert.Contains(TxPoolError.InsufficientFunds, errors);
        Assert.Contains(TxPoolError.SenderNotAdmitted, errors);
        Assert.Contains(TxPoolError.InvalidEncoding, errors);
        Assert.Contains(TxPoolError.BlobTransactionsNotSupported, errors);
    }

    [Fact]
    public void Batches_of_decoded_transactions_equal_one_by_one()
    {
        var input = Mixed().Take(150).ToList();

        var single = Prepared();
        var oneByOne = input.Select(e => single.Pool.Submit(TransactionCodec.Decode(e))).ToArray();

        var batched = Prepared();
        var results = new TxPoolResult[input.Count];
        batched.Pool.SubmitBatch(input.ConvertAll(e => TransactionCodec.Decode(e)), results);

        Assert.Equal(oneByOne, results);
        Assert.Equal(single.TakeAllHashes(), batched.TakeAllHashes());
    }

    [Fact]
    public void Recovers_every_sender_of_a_large_batch()
    {
        var h = new PoolHarness();
        var encoded = new List<ReadOnlyMemory<byte>>();
        for (var i = 0; i < 200; i++)
        {
            encoded.Add(TxFactory.Encode(TxFactory.DynamicFee(h.Account(i), 0)));
        }

        var results = new TxPoolResult[encoded.Count];
        h.Pool.SubmitBatch(encoded, results);

        Assert.All(results, r => Assert.True(r.IsAccepted, r.ToString()));
        var taken = h.TakeAll();
        Assert.Equal(Enumerable.Range(0, 200).Select(i => Accounts.Get(i).Address), taken.Select(t => t.Sender!.Value));
    }

    [Fact]
    public void Rejects_a_results_span_shorter_than_the_batch()
    {
        var h = new PoolHarness();
        Assert.Throws<ArgumentException>(() => h.Pool.SubmitBatch(new ReadOnlyMemory<byte>[2], new TxPoolResult[1]));
    }
}
