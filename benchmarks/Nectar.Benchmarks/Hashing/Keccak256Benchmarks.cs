using BenchmarkDotNet.Attributes;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;

namespace Nectar.Benchmarks.Hashing;

/// <summary>Keccak-256 over typical sizes: a word, two words (trie keys), one rate block, 1 KiB and 128 KiB.</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputColumn.Config))]
public class Keccak256Benchmarks
{
    private readonly byte[] _output = new byte[Keccak256.HashLength];
    private byte[] _input = [];

    [Params(32, 64, 136, 1024, 128 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = new byte[Size];
        new Random(1).NextBytes(_input);
    }

    [Benchmark(Baseline = true)]
    public void HashIntoSpan() => Keccak256.Hash(_input, _output);

    [Benchmark]
    public Hash256 Compute() => Keccak256.Compute(_input);

    [Benchmark]
    public Hash256 Incremental()
    {
        var hasher = default(KeccakHasher);
        hasher.Update(_input);
        return hasher.Final();
    }
}
