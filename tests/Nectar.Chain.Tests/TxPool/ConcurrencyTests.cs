using Nectar.Chain.Tests.TxPool.Support;
using Nectar.Chain.TxPool;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Chain.Tests.TxPool;

/// <summary>Many submitters at once: nothing lost, nothing twice, the same final content whatever the interleaving.</summary>
public sealed class ConcurrencyTests
{
    private const int Senders = 120;
    private const int PerSender = 5;
    private const int Threads = 8;

    /// <summary>Signed once for the class: 600 transactions, 5 per sender.</summary>
    private static readonly Lazy<byte[][]> Encoded = new(() =>
    {
        var result = new byte[Senders * PerSender][];
        for (var s = 0; s < Senders; s++)
        {
            var account = Accounts.Get(1000 + s);
            for (var n = 0; n < PerSender; n++)
            {
                result[(s * PerSender) + n] = TxFactory.Encode(TxFactory.DynamicFee(account, (ulong)n, maxFeeGwei: 10 + (ulong)(s % 7)));
            }
        }

        return result;
    });

    private static PoolHarness Funded()
    {
        var h = new PoolHarness();
        for (var s = 0; s < Senders; s++)
        {
            h.Account(1000 + s);
        }

        return h;
    }

    private static byte[][] Shuffled(int seed)
    {
        var copy = (byte[][])Encoded.Value.Clone();
        new Random(seed).Shuffle(copy);
        return copy;
    }

    /// <summary>Starts every worker together and waits for all of them, without sleeping.</summary>
    private static void RunTogether(int workers, Action<int> work)
    {
        using var start = new Barrier(workers);
        var threads = new Thread[workers];
        Exception? failure = null;
        for (var t = 0; t < workers; t++)
        {
            var index = t;
            threads[t] = new Thread(() =>
            {
                try
                {
                    start.SignalAndWait();
                    work(index);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                }
            });
            threads[t].Start();
        }

        foreach (var thread in threads)
        {
            Assert.True(thread.Join(TimeSpan.FromMinutes(2)));
        }

        Assert.Null(failure);
    }

    private static HashSet<Hash256> ExpectedHashes() => Encoded.Value.Select(e => TransactionCodec.Decode(e).Hash).ToHashSet();

    private static void AssertNonceOrderPerSender(List<Transaction> taken)
    {
        var next = new Dictionary<Address, ulong>();
        foreach (var tx in taken)
        {
            var sender = tx.Sender!.Value;
            Assert.Equal(next.GetValueOrDefault(sender), tx.Nonce);
            next[sender] = tx.Nonce + 1;
        }
    }

    [Fact]
    public void Concurrent_submitters_lose_and_duplicate_nothing()
    {
        var h = Funded();
        var all = Shuffled(seed: 11);
        var accepted = 0;

        RunTogether(Threads, t =>
        {
            for (var i = t; i < all.Length; i += Threads)
            {
                var result = h.Pool.Submit(all[i]);
                Assert.True(result.IsAccepted, result.ToString());
                Interlocked.Increment(ref accepted);
            }
        });

        Assert.Equal(all.Length, accepted);
        Assert.Equal(all.Length, h.Pool.Count);
        Assert.Equal(all.Length, h.Pool.ExecutableCount);
        var taken = h.TakeAll();
        Assert.Equal(ExpectedHashes(), taken.Select(t => t.Hash).ToHashSet());
        Assert.Equal(all.Length, taken.Count);
        AssertNonceOrderPerSender(taken);
    }

    [Fact]
    public void Racing_duplicates_are_accepted_exactly_once()
    {
        var h = Funded();
        var all = Shuffled(seed: 5);
        var accepted = new int[all.Length];
        var known = 0;

        // Every thread submits every transaction, in its own order.
        RunTogether(4, t =>
        {
            var order = Enumerable.Range(0, all.Length).ToArray();
            new Random(t).Shuffle(order);
            foreach (var i in order)
            {
                var result = h.Pool.Submit(all[i]);
                if (result.IsAccepted)
                {
                    Interlocked.Increment(ref accepted[i]);
                }
                else
                {
                    Assert.Equal(TxPoolError.AlreadyKnown, result.Error);
                    Interlocked.Increment(ref known);
                }
            }
        });

        Assert.All(accepted, count => Assert.Equal(1, count));
        Assert.Equal(3 * all.Length, known);
        Assert.Equal(all.Length, h.Pool.Count);
    }

    [Fact]
    public void The_final_content_does_not_depend_on_the_interleaving()
    {
        HashSet<Hash256> Run(int seed, bool batches)
        {
            var h = Funded();
            var all = Shuffled(seed);
            RunTogether(Threads, t =>
            {
                var mine = all.Where((_, i) => i % Threads == t).ToArray();
                if (batches)
                {
                    var results = new TxPoolResult[mine.Length];
                    h.Pool.SubmitBatch(mine.Select(m => (ReadOnlyMemory<byte>)m).ToArray(), results);
                    Assert.All(results, r => Assert.True(r.IsAccepted, r.ToString()));
                }
                else
                {
                    foreach (var encoded in mine)
                    {
                        Assert.True(h.Pool.Submit(encoded).IsAccepted);
                    }
                }
            });

            Assert.Equal(all.Length, h.Pool.ExecutableCount);
            return h.TakeAllHashes().ToHashSet();
        }

        var expected = ExpectedHashes();
        Assert.Equal(expected, Run(1, batches: false));
        Assert.Equal(expected, Run(2, batches: false));
        Assert.Equal(expected, Run(3, batches: true));
    }

    [Fact]
    public void Submissions_racing_head_updates_keep_the_pool_consistent()
    {
        var h = Funded();
        var all = Encoded.Value;
        using var done = new CountdownEvent(Threads);
        var mined = 0;

        RunTogether(Threads + 1, t =>
        {
            if (t == Threads)
            {
                // The sequencer: takes and mines whatever is executable until every submitter has finished.
                while (!done.IsSet || h.Pool.ExecutableCount > 0)
                {
                    var block = h.TakeAll();
                    h.Mine([.. block]);
                    Interlocked.Add(ref mined, block.Count);
                }

                return;
            }

            try
            {
                for (var i = t; i < all.Length; i += Threads)
                {
                    var result = h.Pool.Submit(all[i]);
                    Assert.True(result.IsAccepted, result.ToString());
                }
            }
            finally
            {
                done.Signal();
            }
        });

        // Each sender's nonces all arrived, so every transaction became executable and was mined exactly once.
        Assert.Equal(all.Length, mined);
        Assert.Equal(0, h.Pool.Count);
        Assert.Equal(0, h.Pool.SenderCount);
    }
}
