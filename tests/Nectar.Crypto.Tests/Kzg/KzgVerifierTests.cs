using System.Numerics;
using Nectar.Crypto.Bls12381;
using Nectar.Crypto.Kzg;
using Nectar.Crypto.Tests.Bls12381;

namespace Nectar.Crypto.Tests.Kzg;

public class KzgVerifierTests
{
    public static TheoryData<int> ValidIndexes() => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(ValidIndexes))]
    public void Accepts_valid_opening(int index)
    {
        var (c, z, y, p) = Vector(index);
        Assert.True(KzgVerifier.VerifyKzgProof(c, z, y, p));
    }

    [Theory]
    [MemberData(nameof(ValidIndexes))]
    public void Rejects_opening_to_another_value(int index)
    {
        var (c, z, y, p) = Vector(index);
        var wrongY = Add(y, 1);
        Assert.True(KzgVerifier.TryVerifyKzgProof(c, z, wrongY, p, out var valid, out _));
        Assert.False(valid);
        Assert.False(KzgVerifier.VerifyKzgProof(c, Add(z, 1), y, p));
    }

    [Fact]
    public void Rejects_proof_of_another_commitment()
    {
        var (c0, z0, y0, _) = Vector(0);
        var (_, _, _, p1) = Vector(1);
        Assert.False(KzgVerifier.VerifyKzgProof(c0, z0, y0, p1));
    }

    [Fact]
    public void Accepts_zero_polynomial_at_any_point()
    {
        var infinity = Convert.FromHexString(KzgVectors.Infinity);
        Assert.True(KzgVerifier.VerifyKzgProof(infinity, Scalar(12345), new byte[32], infinity));
        Assert.False(KzgVerifier.VerifyKzgProof(infinity, Scalar(12345), Scalar(1), infinity));
    }

    [Fact]
    public void Accepts_constant_polynomial_with_infinity_proof()
    {
        // p(X) = 7: C = [7]G1, p(z) = 7 everywhere, quotient zero.
        var c = G1Projective.Generator.Multiply(7).ToAffine().ToCompressed();
        var infinity = Convert.FromHexString(KzgVectors.Infinity);
        Assert.True(KzgVerifier.VerifyKzgProof(c, Scalar(99), Scalar(7), infinity));
        Assert.False(KzgVerifier.VerifyKzgProof(c, Scalar(99), Scalar(8), infinity));
    }

    [Fact]
    public void Rejects_non_canonical_scalars()
    {
        var (c, z, y, p) = Vector(0);
        var r = Bls12381Constants.SubgroupOrder.ToArray();
        Assert.False(KzgVerifier.TryVerifyKzgProof(c, r, y, p, out _, out var error));
        Assert.Contains("z", error, StringComparison.Ordinal);
        Assert.False(KzgVerifier.TryVerifyKzgProof(c, z, r, p, out _, out error));
        Assert.Contains("y", error, StringComparison.Ordinal);
        Assert.False(KzgVerifier.TryVerifyKzgProof(c, z, y[..31], p, out _, out _));
    }

    [Fact]
    public void Rejects_malformed_points()
    {
        var (c, z, y, p) = Vector(0);

        var uncompressedFlag = (byte[])c.Clone();
        uncompressedFlag[0] &= 0x7f;
        Assert.False(KzgVerifier.TryVerifyKzgProof(uncompressedFlag, z, y, p, out _, out _));

        var flippedSign = (byte[])p.Clone();
        flippedSign[0] ^= 0x20;
        Assert.False(KzgVerifier.VerifyKzgProof(c, z, y, flippedSign));

        var uncompressed = G1Affine.Generator.ToUncompressed();
        Assert.False(KzgVerifier.TryVerifyKzgProof(uncompressed, z, y, p, out _, out _));

        Assert.False(KzgVerifier.TryVerifyKzgProof(c, z, y, NotInSubgroupPoint(), out _, out var error));
        Assert.Contains("NotInSubgroup", error, StringComparison.Ordinal);
    }

    internal static (byte[] C, byte[] Z, byte[] Y, byte[] P) Vector(int index)
    {
        var v = KzgVectors.Valid[index];
        return (Convert.FromHexString(v.Commitment), Convert.FromHexString(v.Z), Convert.FromHexString(v.Y), Convert.FromHexString(v.Proof));
    }

    internal static byte[] NotInSubgroupPoint()
    {
        for (ulong x = 1; ; x++)
        {
            var fx = Fp.FromUInt64(x);
            if (((fx.Square() * fx) + Fp.FromUInt64(4)).TrySqrt(out var fy))
            {
                return new G1Affine(fx, fy).ToCompressed();
            }
        }
    }

    private static byte[] Scalar(ulong value) => Random381.ToBytes32(value);

    private static byte[] Add(byte[] scalar, int delta) =>
        Random381.ToBytes32((new BigInteger(scalar, true, true) + delta) % Random381.R);
}
