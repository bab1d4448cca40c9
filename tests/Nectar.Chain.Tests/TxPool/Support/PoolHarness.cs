using Nectar.Chain.TxPool;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;

namespace Nectar.Chain.Tests.TxPool.Support;

/// <summary>A pool over a fake state and admission, with funded test accounts.</summary>
internal sealed class PoolHarness
{
    /// <summary>Enough for any test transaction: 1,000 ether.</summary>
    public static readonly UInt256 Rich = new UInt256(1_000_000_000_000_000_000UL) * new UInt256(1_000);

    public const ulong BlockGasLimit = 30_000_000;

    public PoolHarness(
        Fork fork = Fork.Prague,
        int capacity = 16_384,
        int perSender = 64,
        ulong maxNonceGap = 64,
        bool allowUnprotected = false,
        long maxPoolBytes = 128L * 1024 * 1024,
        ulong blockGasLimit = BlockGasLimit,
        int maxTransactionSize = TxPoolOptions.DefaultMaxTransactionSize)
    {
        Options = new TxPoolOptions
        {
            ChainId = TxFactory.ChainId,
            Spec = ForkSpec.For(fork),
            BlockGasLimit = blockGasLimit,
            Capacity = capacity,
            MaxTransactionsPerSender = perSender,
            MaxNonceGap = maxNonceGap,
            AllowUnprotectedTransactions = allowUnprotected,
            MaxPoolBytes = maxPoolBytes,
            MaxTransactionSize = maxTransactionSize,
        };
        Pool = new TransactionPool(Options, TxFactory.Signer, State, Admission);
    }

    public FakeStateReader State { get; } = new();

    public FakeAdmission Admission { get; } = new();

    public TxPoolOptions Options { get; }

    public TransactionPool Pool { get; }

    /// <summary>Test account <paramref name="index"/>, funded with <see cref="Rich"/> at nonce 0 unless told otherwise.</summary>
    public TestAccount Account(int index, ulong nonce = 0, UInt256? balance = null)
    {
        var account = Accounts.Get(index);
        State.Set(account.Address, nonce, balance ?? Rich);
        return account;
    }

    /// <summary>Submits the encoding, as eth_sendRawTransaction does, so the pool decodes and recovers the sender itself.</summary>
    public TxPoolResult Submit(Transaction transaction) => Pool.Submit(TxFactory.Encode(transaction));

    public void SubmitAccepted(params Transaction[] transactions)
    {
        foreach (var transaction in transactions)
        {
            var result = Submit(transaction);
            Assert.True(result.IsAccepted, result.ToString());
        }
    }

    /// <summary>Everything executable with room for every transaction and no base fee.</summary>
    public List<Transaction> TakeAll(UInt256 baseFee = default)
    {
        var taken = new List<Transaction>();
        Pool.TakeExecutable(baseFee, ulong.MaxValue, taken);
        return taken;
    }

    public List<Hash256> TakeAllHashes(UInt256 baseFee = default) => TakeAll(baseFee).ConvertAll(t => t.Hash);

    /// <summary>Mines <paramref name="included"/>: advances the senders' nonces and reports the new head.</summary>
    public void Mine(params Transaction[] included)
    {
        foreach (var tx in included)
        {
            var sender = tx.Sender!.Value;
            State.SetNonce(sender, tx.Nonce + 1);
        }

        Pool.OnNewHead(new PoolHeadUpdate { IncludedTransactions = included });
    }
}
