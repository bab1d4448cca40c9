using Nectar.Crypto.Bls12381;

namespace Nectar.Crypto.Tests.Bls12381;

public class TowerTests
{
    [Fact]
    public void Fp2_laws_and_square_roots_hold()
    {
        var rng = new Random381(10);
        var u = new Fp2(Fp.Zero, Fp.One);
        Assert.Equal(-Fp2.One, u * u);
        for (var i = 0; i < 100; i++)
        {
            var a = rng.NextFp2();
            var b = rng.NextFp2();
            var c = rng.NextFp2();
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * (b + c), (a * b) + (a * c));
            Assert.Equal(a.Square(), a * a);
            Assert.Equal(Fp2.One, a * a.Inverse());
            Assert.Equal(a * new Fp2(Fp.One, Fp.One), a.MulByNonResidue());
            Assert.True(a.Square().TrySqrt(out var root));
            Assert.Equal(a.Square(), root.Square());
            Assert.Equal(a.TrySqrt(out _), a.IsSquare());
        }
    }

    [Fact]
    public void Fp6_laws_hold()
    {
        var rng = new Random381(11);
        var v = new Fp6(Fp2.Zero, Fp2.One, Fp2.Zero);
        Assert.Equal(new Fp6(new Fp2(Fp.One, Fp.One), Fp2.Zero, Fp2.Zero), v * v * v);
        for (var i = 0; i < 50; i++)
        {
            var a = rng.NextFp6();
            var b = rng.NextFp6();
            var c = rng.NextFp6();
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * (b + c), (a * b) + (a * c));
            Assert.Equal(a.Square(), a * a);
            Assert.Equal(Fp6.One, a * a.Inverse());
            Assert.Equal(a * v, a.MulByV());
            var b0 = rng.NextFp2();
            var b1 = rng.NextFp2();
            Assert.Equal(a * new Fp6(b0, b1, Fp2.Zero), a.MulBy01(b0, b1));
            Assert.Equal(a * new Fp6(Fp2.Zero, b1, Fp2.Zero), a.MulBy1(b1));
        }
    }

    [Fact]
    public void Fp12_laws_hold()
    {
        var rng = new Random381(12);
        for (var i = 0; i < 30; i++)
        {
            var a = rng.NextFp12();
            var b = rng.NextFp12();
            var c = rng.NextFp12();
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a.Square(), a * a);
            Assert.Equal(Fp12.One, a * a.Inverse());
            var l00 = rng.NextFp2();
            var l01 = rng.NextFp2();
            var l11 = rng.NextFp2();
            var line = new Fp12(new Fp6(l00, l01, Fp2.Zero), new Fp6(Fp2.Zero, l11, Fp2.Zero));
            Assert.Equal(a * line, a.MulByLine(l00, l01, l11));
        }
    }

    [Fact]
    public void Frobenius_is_the_p_th_power()
    {
        var rng = new Random381(13);
        var p = Random381.P;
        var limbs = new ulong[6];
        for (var i = 0; i < 6; i++)
        {
            limbs[i] = (ulong)((p >> (64 * i)) & ulong.MaxValue);
        }

        for (var i = 0; i < 3; i++)
        {
            var a = rng.NextFp12();
            Assert.Equal(Pow(a, limbs), a.Frobenius());
            var b = rng.NextFp6();
            Assert.Equal(Pow(new Fp12(b, Fp6.Zero), limbs), new Fp12(b.Frobenius(), Fp6.Zero));
            var c = rng.NextFp2();
            Assert.Equal(c.Conjugate(), Pow(new Fp12(new Fp6(c, Fp2.Zero, Fp2.Zero), Fp6.Zero), limbs).C0.C0);
        }

        var x = rng.NextFp12();
        Assert.Equal(x, x.Frobenius(12));
    }

    [Fact]
    public void Cyclotomic_square_matches_square_in_the_cyclotomic_subgroup()
    {
        var rng = new Random381(14);
        for (var i = 0; i < 20; i++)
        {
            var a = rng.NextFp12();
            var t = a.Conjugate() * a.Inverse();
            t = t.Frobenius(2) * t;
            Assert.Equal(t.Square(), t.CyclotomicSquare());
        }
    }

    private static Fp12 Pow(Fp12 a, ulong[] exponent)
    {
        var result = Fp12.One;
        for (var i = exponent.Length - 1; i >= 0; i--)
        {
            for (var bit = 63; bit >= 0; bit--)
            {
                result = result.Square();
                if (((exponent[i] >> bit) & 1) != 0)
                {
                    result *= a;
                }
            }
        }

        return result;
    }
}
