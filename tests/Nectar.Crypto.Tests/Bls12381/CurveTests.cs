using Nectar.Crypto.Bls12381;

namespace Nectar.Crypto.Tests.Bls12381;

public class CurveTests
{
    [Fact]
    public void Generators_are_on_the_curves_and_have_order_r()
    {
        Assert.True(G1Affine.Generator.IsOnCurve);
        Assert.True(G2Affine.Generator.IsOnCurve);
        Assert.True(G1Projective.Generator.Multiply(Bls12381Constants.SubgroupOrder).IsIdentity);
        Assert.True(G2Projective.Generator.Multiply(Bls12381Constants.SubgroupOrder).IsIdentity);
        Assert.True(G1Affine.Generator.IsInSubgroup);
        Assert.True(G2Affine.Generator.IsInSubgroup);
    }

    [Fact]
    public void G1_group_laws_hold()
    {
        var rng = new Random381(20);
        for (var i = 0; i < 10; i++)
        {
            var a = rng.NextG1();
            var b = rng.NextG1();
            var c = rng.NextG1();
            Assert.Equal((a + b) + c, a + (b + c));
            Assert.Equal(a + b, b + a);
            Assert.True((a - a).IsIdentity);
            Assert.Equal(a + a, a.Double());
            Assert.Equal(a + G1Projective.Identity, a);
            Assert.Equal(a + b, a + b.ToAffine());
            Assert.Equal(a.Double(), a + a.ToAffine());
            Assert.True((a + (-a).ToAffine()).IsIdentity);
            Assert.True(a.ToAffine().IsOnCurve);
            Assert.True(a.ToAffine().IsInSubgroup);
            Assert.True(a.Multiply(Bls12381Constants.SubgroupOrder).IsIdentity);
        }
    }

    [Fact]
    public void G2_group_laws_hold()
    {
        var rng = new Random381(21);
        for (var i = 0; i < 10; i++)
        {
            var a = rng.NextG2();
            var b = rng.NextG2();
            var c = rng.NextG2();
            Assert.Equal((a + b) + c, a + (b + c));
            Assert.Equal(a + b, b + a);
            Assert.True((a - a).IsIdentity);
            Assert.Equal(a + a, a.Double());
            Assert.Equal(a + b, a + b.ToAffine());
            Assert.Equal(a.Double(), a + a.ToAffine());
            Assert.True(a.ToAffine().IsOnCurve);
            Assert.True(a.ToAffine().IsInSubgroup);
            Assert.True(a.Multiply(Bls12381Constants.SubgroupOrder).IsIdentity);
        }
    }

    [Fact]
    public void Scalar_multiplication_is_distributive()
    {
        var rng = new Random381(22);
        var g1 = rng.NextG1();
        var g2 = rng.NextG2();
        Assert.Equal(g1 + g1 + g1, g1.Multiply(3));
        Assert.Equal(g2 + g2 + g2, g2.Multiply(3));
        Assert.Equal(g1.Multiply(1000).Multiply(77), g1.Multiply(77000));
        Assert.Equal(g1.Multiply(new byte[] { 0x01, 0x00 }), g1.Multiply(256));
        Assert.True(g1.Multiply(0).IsIdentity);
        Assert.True(g2.Multiply([]).IsIdentity);
    }

    [Fact]
    public void Points_off_the_subgroup_fail_the_subgroup_check()
    {
        // Points with a small x on E(F_p) lie outside G1 with overwhelming probability; [r]P confirms it.
        var found = 0;
        for (ulong x = 1; found < 5; x++)
        {
            var fx = Fp.FromUInt64(x);
            if (!((fx.Square() * fx) + Fp.FromUInt64(4)).TrySqrt(out var y))
            {
                continue;
            }

            var p = new G1Affine(fx, y);
            Assert.True(p.IsOnCurve);
            var inSubgroup = p.ToProjective().Multiply(Bls12381Constants.SubgroupOrder).IsIdentity;
            Assert.Equal(inSubgroup, p.IsInSubgroup);
            Assert.False(inSubgroup);
            Assert.True(p.ToProjective().ClearCofactor().ToAffine().IsInSubgroup);
            found++;
        }

        found = 0;
        for (ulong x = 1; found < 5; x++)
        {
            var fx = new Fp2(Fp.FromUInt64(x), Fp.One);
            if (!((fx.Square() * fx) + new Fp2(Fp.FromUInt64(4), Fp.FromUInt64(4))).TrySqrt(out var y))
            {
                continue;
            }

            var p = new G2Affine(fx, y);
            Assert.True(p.IsOnCurve);
            var inSubgroup = p.ToProjective().Multiply(Bls12381Constants.SubgroupOrder).IsIdentity;
            Assert.Equal(inSubgroup, p.IsInSubgroup);
            Assert.False(inSubgroup);
            Assert.True(p.ToProjective().ClearCofactor().ToAffine().IsInSubgroup);
            found++;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(40)]
    public void Multi_scalar_multiplication_matches_the_sum_of_products(int count)
    {
        var rng = new Random381(24 + count);
        var g1 = new G1Affine[count];
        var g2 = new G2Affine[count];
        var scalars = new byte[32 * count];
        var expected1 = G1Projective.Identity;
        var expected2 = G2Projective.Identity;
        for (var i = 0; i < count; i++)
        {
            g1[i] = i == 3 ? G1Affine.Identity : rng.NextG1().ToAffine();
            g2[i] = i == 3 ? G2Affine.Identity : rng.NextG2().ToAffine();
            var k = i == 1 ? new byte[32] : i == 2 ? Enumerable.Repeat((byte)0xff, 32).ToArray() : rng.NextScalar();
            k.CopyTo(scalars, 32 * i);
            expected1 += g1[i].ToProjective().Multiply(k);
            expected2 += g2[i].ToProjective().Multiply(k);
        }

        Assert.Equal(expected1, G1Projective.MultiScalarMultiply(g1, scalars));
        Assert.Equal(expected2, G2Projective.MultiScalarMultiply(g2, scalars));
    }

    [Fact]
    public void Psi_acts_as_multiplication_by_x_on_G2()
    {
        var rng = new Random381(23);
        var q = rng.NextG2();
        Assert.Equal(-q.Multiply(Bls12381Constants.AbsX), q.Psi());
    }
}
