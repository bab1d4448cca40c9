using BenchmarkDotNet.Attributes;
using Nectar.Core.Transactions;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;

namespace Nectar.Benchmarks.Transactions;

/// <summary>
/// Sender recovery of a 5,000-transaction batch (signing hash, recovery, address) in parallel ranges over all
/// cores and, for comparison, on one thread. Times are per transaction (OperationsPerInvoke), so the ops/s column
/// is transactions per second for the whole machine.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerSecondColumn.Config))]
public class SenderRecoveryBatchBenchmarks
{
    private const int BatchSize = 5_000;

    private readonly LibSecp256k1 _secp = new();
    private TransactionSigner _signer = null!;
    private Transaction[] _transactions = [];

    [GlobalSetup]
    public void Setup()
    {
        _signer = new TransactionSigner(_secp);
        var random = new Random(2);
        var key = new byte[32];
        _transactions = new Transaction[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            random.NextBytes(key);
            var signed = _signer.Sign(TransactionFactory.Erc20Transfer(nonce: (ulong)i), key);

            // Decoded copies carry no cached sender.
            _transactions[i] = TransactionCodec.Decode(TransactionCodec.Encode(signed));
        }
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int RecoverParallel() => _signer.RecoverSenders(_transactions, useCache: false);

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int RecoverSequential()
    {
        var count = 0;
        foreach (var transaction in _transactions)
        {
            count += _signer.TryRecoverUncached(transaction, out _) ? 1 : 0;
        }

        return count;
    }

    [GlobalCleanup]
    public void Cleanup() => _secp.Dispose();
}
