using Nectar.Chain.Tests.TxPool.Support;
using Nectar.Chain.TxPool;
using Nectar.Core.Numerics;
using Nectar.Core.Transactions;

namespace Nectar.Chain.Tests.TxPool;

/// <summary>
/// Random submissions, replacements, selections, blocks, failures, balance and admission changes, with fixed seeds:
/// the pool's invariants hold after every step.
/// </summary>
public sealed class RandomOperationTests
{
    private const int Senders = 8;
    private const int Nonces = 12;
    private static readonly ulong[] Fees = [5, 6, 20];

    /// <summary>Pre-signed: [sender][nonce][fee level].</summary>
    private static readonly Lazy<Transaction[][][]> Signed = new(() =>
        Enumerable.Range(0, Senders).Select(s =>
            Enumerable.Range(0, Nonces).Select(n =>
                Fees.Select(f => TxFactory.DynamicFee(Accounts.Get(500 + s), (ulong)n, maxFeeGwei: f, tipGwei: f / 5, gas: 21_000 + ((ulong)n * 1000))).ToArray()).ToArray()).ToArray());

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Invariants_hold_through_random_operations(int seed)
    {
        var random = new Random(seed);
        var h = new PoolHarness(capacity: 24, perSender: 6, maxNonceGap: 8);
        var accounts = Enumerable.Range(0, Senders).Select(s => h.Account(500 + s)).ToArray();
        var accepted = 0;

        for (var step = 0; step < 1500; step++)
        {
            var roll = random.Next(100);
            if (roll < 70)
            {
                var s = random.Next(Senders);
                var nonce = h.State.Get(accounts[s].Address).Nonce + (ulong)random.Next(0, 9);
                var tx = Signed.Value[s][(int)Math.Min(nonce, Nonces - 1)][random.Next(Fees.Length)];
                accepted += h.Submit(tx).IsAccepted ? 1 : 0;
            }
            else if (roll < 82)
            {
                MineSome(h, random);
            }
            else if (roll < 88)
            {
                var taken = h.TakeAll();
                if (taken.Count > 0)
                {
                    h.Pool.ReportInvalid(taken[random.Next(taken.Count)].Hash);
                }
            }
            else if (roll < 94)
            {
                var s = random.Next(Senders);
                h.State.SetBalance(accounts[s].Address, random.Next(3) == 0 ? new UInt256(200_000UL * 6 * TxFactory.Gwei) : PoolHarness.Rich);
                h.Pool.OnNewHead(new PoolHeadUpdate { ChangedAccounts = [accounts[s].Address] });
            }
            else
            {
                var s = random.Next(Senders);
                if (random.Next(2) == 0)
                {
                    h.Admission.Refuse(accounts[s].Address, "suspended");
                }
                else
                {
                    h.Admission.Allow(accounts[s].Address);
                }

                h.Pool.OnNewHead(new PoolHeadUpdate());
            }

            h.Pool.CheckInvariants();
        }

        Assert.True(accepted > 100, $"only {accepted} submissions were accepted; the walk explores too little");
    }

    /// <summary>Takes a block at a random base fee, "executes" a prefix of it, and reports the head.</summary>
    private static void MineSome(PoolHarness h, Random random)
    {
        var taken = new List<Transaction>();
        h.Pool.TakeExecutable(new UInt256((ulong)random.Next(0, 10) * TxFactory.Gwei), (ulong)random.Next(21_000, 200_000), taken);
        var included = taken.Take(random.Next(taken.Count + 1)).ToArray();
        var senders = new HashSet<Core.Primitives.Address>();
        foreach (var tx in included)
        {
            // A sender's transactions come in nonce order; a skipped one ends what its sender can include.
            var sender = tx.Sender!.Value;
            if (h.State.Get(sender).Nonce == tx.Nonce)
            {
                h.State.SetNonce(sender, tx.Nonce + 1);
                senders.Add(sender);
            }
        }

        h.Pool.OnNewHead(new PoolHeadUpdate { IncludedTransactions = included, ChangedAccounts = senders });
    }
}
