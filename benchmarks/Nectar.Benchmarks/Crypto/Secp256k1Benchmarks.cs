using BenchmarkDotNet.Attributes;
using Nectar.Crypto;
using Nectar.Crypto.Secp256k1;

namespace Nectar.Benchmarks.Crypto;

/// <summary>
/// Sender recovery caps sequencer throughput. RecoverMany reports the time per recovery across all cores
/// (OperationsPerInvoke), so its inverse is recoveries per second for the whole machine.
/// </summary>
[MemoryDiagnoser]
public class Secp256k1Benchmarks
{
    private const int BatchSize = 1024;

    private readonly LibSecp256k1 _secp = new();
    private readonly byte[] _hash = new byte[32];
    private readonly byte[] _key = new byte[32];
    private readonly byte[] _signature = new byte[64];
    private readonly byte[] _publicKey = new byte[64];
    private readonly RecoveryRequest[] _requests = new RecoveryRequest[BatchSize];
    private readonly byte[] _publicKeys = new byte[BatchSize * 64];
    private readonly bool[] _recovered = new bool[BatchSize];
    private int _recoveryId;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (var i = 0; i < BatchSize; i++)
        {
            random.NextBytes(_hash);
            random.NextBytes(_key);
            if (!_secp.TrySign(_hash, _key, _signature, out var recoveryId))
            {
                throw new InvalidOperationException("signing failed");
            }

            _requests[i] = new RecoveryRequest(_hash, _signature, recoveryId);
        }

        if (!_secp.TrySign(_hash, _key, _signature, out _recoveryId))
        {
            throw new InvalidOperationException("signing failed");
        }
    }

    [Benchmark]
    public bool Recover() => _secp.TryRecover(_hash, _signature, _recoveryId, _publicKey);

    [Benchmark]
    public bool Sign() => _secp.TrySign(_hash, _key, _signature, out _);

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int RecoverManyParallel() => _secp.RecoverMany(_requests, _publicKeys, _recovered);

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int RecoverSequential()
    {
        var count = 0;
        for (var i = 0; i < _requests.Length; i++)
        {
            ref readonly var request = ref _requests[i];
            count += _secp.TryRecover(request.MessageHash, request.Signature, request.RecoveryId, _publicKeys.AsSpan(i * 64, 64)) ? 1 : 0;
        }

        return count;
    }

    [GlobalCleanup]
    public void Cleanup() => _secp.Dispose();
}
