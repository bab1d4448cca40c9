using BenchmarkDotNet.Attributes;
using Nectar.Crypto;

namespace Nectar.Benchmarks.Crypto;

/// <summary>The alt_bn128 precompiles on generator-derived inputs; the pairing check uses two pairs, as a Groth16-style check does at minimum.</summary>
[MemoryDiagnoser]
public class Bn254Benchmarks
{
    private static readonly byte[] G1 = Convert.FromHexString(
        "0000000000000000000000000000000000000000000000000000000000000001"
        + "0000000000000000000000000000000000000000000000000000000000000002");

    private static readonly byte[] TwoG1 = Convert.FromHexString(
        "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3"
        + "15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4");

    private static readonly byte[] MinusG1 = Convert.FromHexString(
        "0000000000000000000000000000000000000000000000000000000000000001"
        + "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd45");

    private static readonly byte[] G2 = Convert.FromHexString(
        "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
        + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
        + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
        + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa");

    private readonly byte[] _addInput = [.. G1, .. TwoG1];
    private readonly byte[] _multiplyInput = [.. TwoG1, .. Convert.FromHexString("30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000000")];
    private readonly byte[] _pairingInput = [.. G1, .. G2, .. MinusG1, .. G2];
    private readonly byte[] _output = new byte[64];

    [GlobalSetup]
    public void Setup()
    {
        if (!Bn254.TryPairingCheck(_pairingInput, out var result) || !result)
        {
            throw new InvalidOperationException("The benchmark pairing input must check true.");
        }
    }

    [Benchmark]
    public bool Add() => Bn254.TryAdd(_addInput, _output);

    [Benchmark]
    public bool Multiply() => Bn254.TryMultiply(_multiplyInput, _output);

    [Benchmark]
    public bool PairingCheckTwoPairs() => Bn254.TryPairingCheck(_pairingInput, out _);
}
