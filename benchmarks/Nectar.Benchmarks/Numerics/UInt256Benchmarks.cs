using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Nectar.Core.Numerics;

namespace Nectar.Benchmarks.Numerics;

/// <summary>
/// UInt256 arithmetic as the interpreter uses it, with BigInteger baselines for the wide operations.
/// Every UInt256 method must report 0 B allocated.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class UInt256Benchmarks
{
    private static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    private UInt256 _full;
    private UInt256 _fullOther;
    private UInt256 _divisor64;
    private UInt256 _divisor128;
    private UInt256 _divisorFull;
    private UInt256 _small;
    private UInt256 _smallOther;
    private UInt256 _modulus;
    private UInt256 _negative;
    private UInt256 _shift;
    private UInt256 _exponent;
    private BigInteger _bigFull;
    private BigInteger _bigFullOther;
    private BigInteger _bigDivisorFull;
    private BigInteger _bigModulus;

    [GlobalSetup]
    public void Setup()
    {
        _full = UInt256.Parse("0xd4c1f0e7a9b3f2c15e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d");
        _fullOther = UInt256.Parse("0x9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddccbbaa99887766554433221100");
        _divisor64 = UInt256.Parse("0x8a3f5c2e1d9b7a65");
        _divisor128 = UInt256.Parse("0x1d9b7a658a3f5c2e8a3f5c2e1d9b7a65");
        _divisorFull = UInt256.Parse("0x3b2a19f8e7d6c5b4a3928170f6e5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b");
        _small = new UInt256(1_000_000_007UL);
        _smallOther = new UInt256(998_244_353UL);
        _modulus = UInt256.Parse("0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47");
        _negative = UInt256.Zero - UInt256.Parse("0x123456789abcdef0123456789abcdef");
        _shift = new UInt256(77);
        _exponent = UInt256.Parse("0xfedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210");
        _bigFull = (BigInteger)_full;
        _bigFullOther = (BigInteger)_fullOther;
        _bigDivisorFull = (BigInteger)_divisorFull;
        _bigModulus = (BigInteger)_modulus;
    }

    [Benchmark, BenchmarkCategory("Add")]
    public UInt256 Add()
    {
        UInt256.Add(in _full, in _fullOther, out var result);
        return result;
    }

    [Benchmark, BenchmarkCategory("Subtract")]
    public UInt256 Subtract()
    {
        UInt256.Subtract(in _fullOther, in _full, out var result);
        return result;
    }

    [Benchmark, BenchmarkCategory("Multiply")]
    public UInt256 Multiply()
    {
        UInt256.Multiply(in _full, in _fullOther, out var result);
        return result;
    }

    [Benchmark, BenchmarkCategory("Multiply")]
    public UInt256 Multiply64()
    {
        UInt256.Multiply(in _small, in _smallOther, out var result);
        return result;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Multiply")]
    public BigInteger MultiplyBigInteger() => _bigFull * _bigFullOther % TwoTo256;

    [Benchmark, BenchmarkCategory("Divide")]
    public UInt256 Divide64BitDivisor()
    {
        UInt256.Divide(in _full, in _divisor64, out var result);
        return result;
    }

    [Benchmark, BenchmarkCategory("Divide")]
    public UInt256 Divide128BitDivisor()
    {
        UInt256.Divide(in _full, in _divisor128, out var result);
        return result;
    }

    [Benchmark, BenchmarkCategory("Divide")]
    public UInt256 DivideFullWidthDivisor()
    {
        UInt256.Divide(in _full, in _divisorFull, out var result);
        return result;
    }

    [Benchmark, BenchmarkCategory("Divide")]
    public UInt256 Divide64By64()
    {
        UInt256.Divide(in _small, in _smallOther, out var result);
        return result;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Divide")]
    public BigInteger DivideBigInteger() => _bigFull / _bigDivisorFull;

    [Benchmark, BenchmarkCategory("Mod")]
    public UInt256 Mod()
    {
        UInt256.Mod(in _full, in _divisor128, out var result);
        return result;
    }

    [Benchmark, BenchmarkCategory("AddMod")]
    public UInt256 AddMod()
    {
        UInt256.AddMod(in _full, in _fullOther, in _modulus, out var result);
        return result;
    }

    [Benchmark, BenchmarkCategory("MulMod")]
    public UInt256 MulMod()
    {
        UInt256.MulMod(in _full, in _fullOther, in _modulus, out var result);
        return result;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("MulMod")]
    public BigInteger MulModBigInteger() => _bigFull * _bigFullOther % _bigModulus;

    [Benchmark, BenchmarkCategory("Exp")]
    public UInt256 Exp()
    {
        UInt256.Exp(in _full, in _exponent, out var result);
        return result;
    }

    [Benchmark, BenchmarkCategory("SignedDivide")]
    public UInt256 SignedDivide()
    {
        UInt256.SignedDivide(in _negative, in _divisor64, out var result);
        return result;
    }

    [Benchmark, BenchmarkCategory("Shift")]
    public UInt256 LeftShift()
    {
        UInt256.LeftShift(in _full, in _shift, out var result);
        return result;
    }

    [Benchmark, BenchmarkCategory("Shift")]
    public UInt256 RightShift()
    {
        UInt256.RightShift(in _full, in _shift, out var result);
        return result;
    }

    [Benchmark, BenchmarkCategory("Shift")]
    public UInt256 ArithmeticRightShift()
    {
        UInt256.ArithmeticRightShift(in _negative, in _shift, out var result);
        return result;
    }

    [Benchmark, BenchmarkCategory("Compare")]
    public bool LessThan() => _full < _fullOther;

    [Benchmark, BenchmarkCategory("Compare")]
    public int SignedCompare() => UInt256.SignedCompare(in _negative, in _full);

    [Benchmark, BenchmarkCategory("Compare")]
    public bool Equal() => _full == _fullOther;
}
