using System.Numerics;
using Nectar.Crypto.AltBn128;

namespace Nectar.Crypto.Tests.AltBn128;

public sealed class ExtensionFieldTests
{
    private const int Rounds = 20;

    [Fact]
    public void Fp2_product_follows_u_squared_equals_minus_one()
    {
        var random = new Random(11);
        for (var i = 0; i < Rounds; i++)
        {
            var (a, b, c, d) = (Reference.RandomBelow(random, Reference.P), Reference.RandomBelow(random, Reference.P),
                Reference.RandomBelow(random, Reference.P), Reference.RandomBelow(random, Reference.P));
            var product = Reference.ToFp2(a, b) * Reference.ToFp2(c, d);
            Assert.Equal(Reference.Mod((a * c) - (b * d)), Reference.ToBig(product.A));
            Assert.Equal(Reference.Mod((a * d) + (b * c)), Reference.ToBig(product.B));
        }
    }

    [Fact]
    public void Fp2_square_inverse_and_xi_agree_with_multiplication()
    {
        var random = new Random(12);
        for (var i = 0; i < Rounds; i++)
        {
            var x = Samples.RandomFp2(random);
            Assert.Equal(x * x, Fp2.Square(x));
            Assert.Equal(Fp2.One, x * Fp2.Inverse(x));
            Assert.Equal(x * Fp2.Xi, Fp2.MultiplyByXi(x));
            Assert.Equal(x, x.Conjugate().Conjugate());
        }
    }

    [Fact]
    public void Fp6_v_cubed_is_xi()
    {
        var v = new Fp6(Fp2.Zero, Fp2.One, Fp2.Zero);
        Assert.Equal(new Fp6(Fp2.Xi, Fp2.Zero, Fp2.Zero), v * v * v);
    }

    [Fact]
    public void Fp6_square_inverse_and_sparse_products_agree_with_multiplication()
    {
        var random = new Random(13);
        var v = new Fp6(Fp2.Zero, Fp2.One, Fp2.Zero);
        for (var i = 0; i < Rounds; i++)
        {
            var x = Samples.RandomFp6(random);
            var y = Samples.RandomFp6(random);
            var (b0, b1) = (Samples.RandomFp2(random), Samples.RandomFp2(random));
            Assert.Equal(x * y, y * x);
            Assert.Equal(x * x, Fp6.Square(x));
            Assert.Equal(Fp6.One, x * Fp6.Inverse(x));
            Assert.Equal(x * v, Fp6.MultiplyByV(x));
            Assert.Equal(x * new Fp6(b0, b1, Fp2.Zero), Fp6.MultiplyBy01(x, b0, b1));
        }
    }

    [Fact]
    public void Fp12_w_squared_is_v()
    {
        var w = new Fp12(Fp6.Zero, Fp6.One);
        Assert.Equal(new Fp12(new Fp6(Fp2.Zero, Fp2.One, Fp2.Zero), Fp6.Zero), w * w);
    }

    [Fact]
    public void Fp12_square_inverse_and_line_product_agree_with_multiplication()
    {
        var random = new Random(14);
        for (var i = 0; i < Rounds; i++)
        {
            var x = Samples.RandomFp12(random);
            var y = Samples.RandomFp12(random);
            var (a0, b0, b1) = (Samples.RandomFp2(random), Samples.RandomFp2(random), Samples.RandomFp2(random));
            var line = new Fp12(new Fp6(a0, Fp2.Zero, Fp2.Zero), new Fp6(b0, b1, Fp2.Zero));
            Assert.Equal(x * y, y * x);
            Assert.Equal((x * y) * line, x * (y * line));
            Assert.Equal(x * x, Fp12.Square(x));
            Assert.True((x * Fp12.Inverse(x)).IsOne);
            Assert.Equal(x * line, Fp12.MultiplyByLine(x, a0, b0, b1));
        }
    }

    [Fact]
    public void Fp12_frobenius_is_the_p_th_power()
    {
        var random = new Random(15);
        var x = Samples.RandomFp12(random);
        Assert.Equal(Samples.Pow(x, Reference.P), Fp12.Frobenius(x));

        var sixth = x;
        for (var i = 0; i < 6; i++)
        {
            sixth = Fp12.Frobenius(sixth);
        }

        Assert.Equal(Fp12.Conjugate(x), sixth);
        Assert.Equal(Samples.Pow(x, 12345), Fp12.Pow(x, 12345));
    }

    [Fact]
    public void Cyclotomic_square_agrees_with_the_general_square_inside_the_cyclotomic_subgroup()
    {
        var random = new Random(17);
        for (var i = 0; i < 5; i++)
        {
            var f = Samples.RandomFp12(random);

            // f^((p^6 - 1)(p^2 + 1)) lies in the cyclotomic subgroup.
            var t = Fp12.Conjugate(f) * Fp12.Inverse(f);
            var m = Fp12.Frobenius(Fp12.Frobenius(t)) * t;
            Assert.Equal(Fp12.Square(m), Fp12.CyclotomicSquare(m));
            Assert.Equal(Fp12.Pow(m, Bn254Parameters.Seed), Fp12.CyclotomicPow(m, Bn254Parameters.Seed));
            Assert.NotEqual(Fp12.Square(f), Fp12.CyclotomicSquare(f));
        }
    }

    [Fact]
    public void Final_exponentiation_raises_to_p12_minus_one_over_r()
    {
        var random = new Random(16);
        var x = Samples.RandomFp12(random);
        var exponent = (BigInteger.Pow(Reference.P, 12) - 1) / Reference.R;
        Assert.Equal(Samples.Pow(x, exponent), Pairing.FinalExponentiation(x));
    }
}
