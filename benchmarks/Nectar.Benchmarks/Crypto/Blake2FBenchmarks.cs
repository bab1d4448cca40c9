using BenchmarkDotNet.Attributes;
using Nectar.Crypto;

namespace Nectar.Benchmarks.Crypto;

/// <summary>Precompile 0x09 with BLAKE2b's own 12 rounds (EIP-152 test vector 5), parsing included.</summary>
[MemoryDiagnoser]
public class Blake2FBenchmarks
{
    private readonly byte[] _input = Convert.FromHexString(
        "0000000c48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b"
        + "6162630000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000"
        + "0300000000000000000000000000000001");

    private readonly byte[] _output = new byte[64];

    [Benchmark]
    public bool TwelveRounds() => Blake2F.TryRun(_input, _output, out _);
}
