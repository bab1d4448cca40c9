using BenchmarkDotNet.Attributes;
using Nectar.Crypto.Bls12381;
using Nectar.Crypto.Kzg;

namespace Nectar.Benchmarks.Crypto;

/// <summary>BLS12-381 and KZG: the operations precompiles 0x0a-0x11 are built from.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class Bls12381Benchmarks
{
    private static readonly byte[] Scalar = Convert.FromHexString("4dc73dbec75fb9ec480f988a51f9275e16f2d85be85f7bfe3c0c8ae9d143f8ef");

    private Fp _a;
    private Fp _b;
    private G1Projective _g1;
    private G2Projective _g2;
    private G1Affine _p;
    private G2Affine _q;
    private (G1Affine, G2Affine)[] _pairs = [];
    private byte[] _commitment = [];
    private byte[] _z = [];
    private byte[] _y = [];
    private byte[] _proof = [];

    [GlobalSetup]
    public void Setup()
    {
        _a = Fp.FromBytesWide(Enumerable.Range(1, 64).Select(i => (byte)(i * 7)).ToArray());
        _b = Fp.FromBytesWide(Enumerable.Range(1, 64).Select(i => (byte)(i * 13)).ToArray());
        _g1 = G1Projective.Generator.Multiply(Scalar);
        _g2 = G2Projective.Generator.Multiply(Scalar);
        _p = _g1.ToAffine();
        _q = _g2.ToAffine();
        _pairs = [(_p, G2Affine.Generator), (G1Affine.Generator.Negate(), _q)];
        _commitment = Convert.FromHexString("b2b956aad247eca6706e73ee21cdb0def4d8b39e242a5ff5393ca2cc9dfd9265ed74f87d3abc320199b6a591d60acdf9");
        _z = Convert.FromHexString("00000000000000006e81efcbdf28571585cc9f354fa5e9266413d2b4094e140a");
        _y = Convert.FromHexString("4dc73dbec75fb9ec480f988a51f9275e16f2d85be85f7bfe3c0c8ae9d143f8ef");
        _proof = Convert.FromHexString("80543d479d2c274cd0aec8a50e06c4b054896e850aaf96d387dee6ccfe13935fc559dfdbdcef88427535f8689989d1c8");
        if (!KzgVerifier.VerifyKzgProof(_commitment, _z, _y, _proof) || !Pairing.PairingCheck(_pairs))
        {
            throw new InvalidOperationException("Benchmark inputs do not verify.");
        }
    }

    [Benchmark]
    public Fp FpMul()
    {
        Fp.Mul(in _a, in _b, out var r);
        return r;
    }

    [Benchmark]
    public Fp FpInverse() => _a.Inverse();

    [Benchmark]
    public G1Projective G1ScalarMul() => _g1.Multiply(Scalar);

    [Benchmark]
    public G2Projective G2ScalarMul() => _g2.Multiply(Scalar);

    [Benchmark]
    public bool G1SubgroupCheck() => _p.IsInSubgroup;

    [Benchmark]
    public bool G2SubgroupCheck() => _q.IsInSubgroup;

    [Benchmark]
    public Fp12 SinglePairing() => Pairing.Pair(_p, _q);

    [Benchmark]
    public bool PairingCheck2() => Pairing.PairingCheck(_pairs);

    [Benchmark]
    public bool KzgVerify() => KzgVerifier.VerifyKzgProof(_commitment, _z, _y, _proof);

    [Benchmark]
    public G2Projective HashToG2() => HashToCurve.HashToG2("abc"u8, "QUUX-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_RO_"u8);
}
