using System.Numerics;
using Nectar.Crypto.AltBn128;

namespace Nectar.Crypto.Tests.AltBn128;

public sealed class PairingTests
{
    [Fact]
    public void Generators_lie_on_their_curves_and_have_order_r()
    {
        Assert.True(JacobianPoint<Fp>.IsOnCurve(Fp.One, Fp.FromUInt64(2), Bn254Parameters.CurveB));
        Assert.True(JacobianPoint<Fp2>.IsOnCurve(Samples.G2X, Samples.G2Y, Bn254Parameters.TwistB));
        Assert.True(JacobianPoint<Fp>.Multiply(Samples.G1, Samples.Scalar(Reference.R)).IsInfinity);
        Assert.True(JacobianPoint<Fp2>.Multiply(Samples.G2, Samples.Scalar(Reference.R)).IsInfinity);
        Assert.False(JacobianPoint<Fp2>.Multiply(Samples.G2, Samples.Scalar(Reference.R - 1)).IsInfinity);
    }

    [Fact]
    public void Twist_constant_is_three_over_xi()
    {
        Assert.Equal(new Fp2(Fp.FromUInt64(3), Fp.Zero), Bn254Parameters.TwistB * Fp2.Xi);
    }

    [Fact]
    public void Pairing_of_the_generators_is_not_one_but_has_order_r()
    {
        var e = Samples.Pairing(Samples.G1, Samples.G2);
        Assert.False(e.IsOne);
        Assert.True(Samples.Pow(e, Reference.R).IsOne);
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(12345678, 87654321)]
    public void Pairing_is_bilinear(long a, long b)
    {
        var p = Samples.G1;
        var q = Samples.G2;
        var ap = JacobianPoint<Fp>.Multiply(p, Samples.Scalar(a));
        var bq = JacobianPoint<Fp2>.Multiply(q, Samples.Scalar(b));
        var abp = JacobianPoint<Fp>.Multiply(p, Samples.Scalar(new BigInteger(a) * b));
        var abq = JacobianPoint<Fp2>.Multiply(q, Samples.Scalar(new BigInteger(a) * b));
        var expected = Samples.Pow(Samples.Pairing(p, q), new BigInteger(a) * b);

        Assert.Equal(expected, Samples.Pairing(ap, bq));
        Assert.Equal(expected, Samples.Pairing(abp, q));
        Assert.Equal(expected, Samples.Pairing(p, abq));
    }

    [Fact]
    public void Pairing_is_bilinear_for_large_random_scalars()
    {
        var random = new Random(21);
        var a = Reference.RandomBelow(random, Reference.R);
        var b = Reference.RandomBelow(random, Reference.R);
        var ap = JacobianPoint<Fp>.Multiply(Samples.G1, Samples.Scalar(a));
        var bq = JacobianPoint<Fp2>.Multiply(Samples.G2, Samples.Scalar(b));
        var abp = JacobianPoint<Fp>.Multiply(Samples.G1, Samples.Scalar(a * b % Reference.R));
        Assert.Equal(Samples.Pairing(abp, Samples.G2), Samples.Pairing(ap, bq));
        Assert.NotEqual(Samples.Pairing(ap, Samples.G2), Samples.Pairing(ap, bq));
    }

    [Fact]
    public void Pairing_with_a_negated_point_is_the_inverse()
    {
        var e = Samples.Pairing(Samples.G1, Samples.G2);
        var inverse = Samples.Pairing(JacobianPoint<Fp>.Negate(Samples.G1), Samples.G2);
        Assert.True((e * inverse).IsOne);
    }
}
