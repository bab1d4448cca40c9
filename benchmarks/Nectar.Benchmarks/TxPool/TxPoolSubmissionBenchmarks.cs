using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Nectar.Benchmarks.Transactions;
using Nectar.Chain.Admission;
using Nectar.Chain.TxPool;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;

namespace Nectar.Benchmarks.TxPool;

/// <summary>
/// Submissions per second into an empty pool: 10,000 pre-signed ERC-20 transfers from 1,000 senders (10 nonces
/// each, interleaved as clients would send them), as raw bytes, so that every submission decodes, validates,
/// recovers its sender, reads state, checks admission and inserts. One by one on one thread, one by one from every
/// core, and as one batch whose senders are recovered in parallel; and, to isolate the pool's own cost, decoded
/// transactions whose senders were recovered beforehand. Times and allocations are per transaction
/// (OperationsPerInvoke); every transaction is accepted (checked after each run).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerSecondColumn.Config))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
public class TxPoolSubmissionBenchmarks
{
    private const int SenderCount = 1_000;
    private const int NoncesPerSender = 10;
    private const int Total = SenderCount * NoncesPerSender;

    private readonly LibSecp256k1 _secp = new();
    private TransactionSigner _signer = null!;
    private ReadOnlyMemory<byte>[] _encoded = [];
    private TxPoolResult[] _results = [];
    private Transaction[] _decoded = [];
    private FundedState _state = null!;
    private TransactionPool _pool = null!;

    [GlobalSetup]
    public void Setup()
    {
        _signer = new TransactionSigner(_secp);
        _state = new FundedState();
        var random = new Random(3);
        var keys = new byte[SenderCount][];
        for (var s = 0; s < SenderCount; s++)
        {
            keys[s] = new byte[32];
            random.NextBytes(keys[s]);
            _state.Fund(_signer.AddressOf(keys[s]));
        }

        _encoded = new ReadOnlyMemory<byte>[Total];
        for (var n = 0; n < NoncesPerSender; n++)
        {
            for (var s = 0; s < SenderCount; s++)
            {
                var tx = _signer.Sign(TransactionFactory.Erc20Transfer((ulong)n), keys[s]);
                _encoded[(n * SenderCount) + s] = TransactionCodec.Encode(tx);
            }
        }

        _results = new TxPoolResult[Total];
    }

    [IterationSetup(Targets = [nameof(OneByOne), nameof(OneByOneFromEveryCore), nameof(Batch)])]
    public void NewPool() => _pool = new TransactionPool(
        new TxPoolOptions { ChainId = 1, Spec = ForkSpec.For(Fork.Prague), BlockGasLimit = 30_000_000 },
        _signer,
        _state,
        AdmitAll.Instance);

    /// <summary>A new pool and freshly decoded transactions whose senders are already recovered (outside the timing).</summary>
    [IterationSetup(Target = nameof(DecodedWithSenders))]
    public void NewPoolAndRecoveredTransactions()
    {
        NewPool();
        _decoded = new Transaction[Total];
        for (var i = 0; i < Total; i++)
        {
            _decoded[i] = TransactionCodec.Decode(_encoded[i].Span);
        }

        _signer.RecoverSenders(_decoded);
    }

    [IterationCleanup]
    public void Verify()
    {
        if (_pool.Count != Total || _pool.ExecutableCount != Total)
        {
            throw new InvalidOperationException($"Expected {Total} executable transactions, found {_pool.Count} ({_pool.ExecutableCount} executable).");
        }
    }

    [Benchmark(OperationsPerInvoke = Total)]
    public void OneByOne()
    {
        foreach (var encoded in _encoded)
        {
            _pool.Submit(encoded.Span);
        }
    }

    [Benchmark(OperationsPerInvoke = Total)]
    public void OneByOneFromEveryCore() =>
        Parallel.For(0, Environment.ProcessorCount, worker =>
        {
            for (var i = worker; i < Total; i += Environment.ProcessorCount)
            {
                _pool.Submit(_encoded[i].Span);
            }
        });

    [Benchmark(OperationsPerInvoke = Total)]
    public void Batch() => _pool.SubmitBatch(_encoded, _results);

    /// <summary>The pool's own work without decoding and recovery: checks, hash lookups, state, admission, insertion.</summary>
    [Benchmark(OperationsPerInvoke = Total)]
    public void DecodedWithSenders()
    {
        foreach (var transaction in _decoded)
        {
            _pool.Submit(transaction);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _secp.Dispose();

    /// <summary>Every sender funded at nonce 0; read-only after setup, so concurrent reads are safe.</summary>
    private sealed class FundedState : IPoolStateReader
    {
        private static readonly UInt256 Balance = new UInt256(1_000_000_000_000_000_000UL) * new UInt256(1_000);
        private readonly Dictionary<Address, PoolAccount> _accounts = [];

        public void Fund(Address address) => _accounts[address] = new PoolAccount(0, Balance, AccountCode.None);

        public PoolAccount GetAccount(Address address) => _accounts.TryGetValue(address, out var account) ? account : PoolAccount.Empty;
    }

    private sealed class AdmitAll : ITransactionAdmission
    {
        public static readonly AdmitAll Instance = new();

        public AdmissionDecision Check(Address sender, Transaction transaction) => AdmissionDecision.Allowed;

        public bool DependsOn(Address account) => false;
    }
}
