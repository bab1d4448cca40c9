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
    public void Psi_acts_on_G2_as_multiplication_by_p()
    {
        var q = JacobianPoint<Fp2>.Multiply(Samples.G2, Samples.Scalar(123456789));
        q.ToAffine(out var x, out var y);
        var p = JacobianPoint<Fp2>.Multiply(q, Samples.Scalar(Reference.P));
        Assert.True(G2Subgroup.Psi(x, y).IsSamePoint(p));
        Assert.True(G2Subgroup.Contains(x, y));
    }

    [Fact]
    public void Psi_satisfies_its_characteristic_polynomial_on_the_whole_twist()
    {
        // psi^2 - t psi + p = 0 with t = 6x^2 + 1, checked on points outside G2: the subgroup test rests on it.
        var trace = (6 * BigInteger.Pow(Bn254Parameters.Seed, 2)) + 1;
        var q = Bn254PairingCheckTests.TwistPointOutsideG2();
        q.ToAffine(out var x, out var y);
        var psi = G2Subgroup.Psi(x, y);
        psi.ToAffine(out var psiX, out var psiY);
        var psi2 = G2Subgroup.Psi(psiX, psiY);
        var sum = JacobianPoint<Fp2>.Add(
            JacobianPoint<Fp2>.Add(psi2, JacobianPoint<Fp2>.Negate(JacobianPoint<Fp2>.Multiply(psi, Samples.Scalar(trace)))),
            JacobianPoint<Fp2>.Multiply(q, Samples.Scalar(Reference.P)));
        Assert.True(sum.IsInfinity);
        Assert.False(G2Subgroup.Contains(x, y));
    }

    [Fact]
    public void Subgroup_test_agrees_with_multiplication_by_r_on_mixed_points()
    {
        // Points with a G2 part and a part of the cofactor group, and the cofactor part alone.
        var outside = Bn254PairingCheckTests.TwistPointOutsideG2();
        var cofactor = (2 * Reference.P) - Reference.R;
        var inG2 = JacobianPoint<Fp2>.Multiply(outside, Samples.Scalar(cofactor));
        var torsion = JacobianPoint<Fp2>.Multiply(outside, Samples.Scalar(Reference.R));
        foreach (var point in new[] { outside, inG2, torsion, JacobianPoint<Fp2>.Add(inG2, torsion), JacobianPoint<Fp2>.Add(Samples.G2, outside) })
        {
            point.ToAffine(out var x, out var y);
            var expected = JacobianPoint<Fp2>.Multiply(point, Samples.Scalar(Reference.R)).IsInfinity;
            Assert.Equal(expected, G2Subgroup.Contains(x, y));
        }

        inG2.ToAffine(out var gx, out var gy);
        Assert.True(G2Subgroup.Contains(gx, gy));
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
