using BenchmarkDotNet.Attributes;
using Nectar.Crypto;

namespace Nectar.Benchmarks.Crypto;

/// <summary>The hash precompiles (0x02, 0x03) on 64 bytes and 1 KiB.</summary>
[MemoryDiagnoser]
public class HashBenchmarks
{
    private readonly byte[] _output = new byte[32];
    private byte[] _data = [];

    [Params(64, 1024)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Length];
        new Random(1).NextBytes(_data);
    }

    [Benchmark]
    public void Sha256Hash() => Sha256.Hash(_data, _output);

    [Benchmark]
    public void Ripemd160Hash() => Ripemd160.Hash(_data, _output);
}
