using BenchmarkDotNet.Attributes;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;

namespace Nectar.Benchmarks.Transactions;

/// <summary>
/// The per-transaction costs the pool and the sequencer pay: decoding and encoding a type-2 transaction (an
/// ERC-20 transfer with a one-entry access list), its signing hash, and sender recovery through the native binding.
/// Recovery runs uncached so that each operation does the full work.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerSecondColumn.Config))]
public class TransactionBenchmarks
{
    private readonly LibSecp256k1 _secp = new();
    private TransactionSigner _signer = null!;
    private Transaction _transaction = null!;
    private byte[] _encoded = [];
    private byte[] _buffer = [];

    [GlobalSetup]
    public void Setup()
    {
        _signer = new TransactionSigner(_secp);
        var key = new byte[32];
        new Random(1).NextBytes(key);
        _transaction = _signer.Sign(TransactionFactory.Erc20Transfer(nonce: 42), key);
        _encoded = TransactionCodec.Encode(_transaction);
        _buffer = new byte[_encoded.Length];
    }

    [Benchmark]
    public Transaction Decode() => TransactionCodec.Decode(_encoded);

    [Benchmark]
    public int Encode() => TransactionCodec.Encode(_transaction, _buffer);

    [Benchmark]
    public Hash256 SigningHash() => TransactionCodec.ComputeSigningHash(_transaction);

    [Benchmark]
    public Hash256 Hash() => TransactionCodec.ComputeHash(_transaction);

    [Benchmark]
    public bool RecoverSender() => _signer.TryRecoverUncached(_transaction, out _);

    [Benchmark]
    public bool DecodeAndRecover() => _signer.TryRecoverSender(TransactionCodec.Decode(_encoded), out _);

    [GlobalCleanup]
    public void Cleanup() => _secp.Dispose();
}
