using System.Numerics;
using Nectar.Crypto.Bls12381;

namespace Nectar.Crypto.Tests.Bls12381;

public class FpTests
{
    [Fact]
    public void Multiplication_matches_big_integer_arithmetic()
    {
        var rng = new Random381(1);
        for (var i = 0; i < 500; i++)
        {
            var a = rng.NextFp();
            var b = rng.NextFp();
            var expected = Random381.ToBig(a) * Random381.ToBig(b) % Random381.P;
            Assert.Equal(expected, Random381.ToBig(a * b));
            Assert.Equal((Random381.ToBig(a) + Random381.ToBig(b)) % Random381.P, Random381.ToBig(a + b));
            Assert.Equal(((Random381.ToBig(a) - Random381.ToBig(b)) % Random381.P + Random381.P) % Random381.P, Random381.ToBig(a - b));
        }
    }

    [Fact]
    public void Edge_values_reduce_correctly()
    {
        var pMinus1 = Random381.FromBig(Random381.P - 1);
        Assert.Equal(Fp.One, pMinus1 * pMinus1);
        Assert.Equal(Fp.Zero, pMinus1 + Fp.One);
        Assert.Equal(pMinus1, Fp.Zero - Fp.One);
        Assert.Equal(pMinus1, -Fp.One);
        Assert.Equal(Fp.Zero, -Fp.Zero);
    }

    [Fact]
    public void Field_laws_hold()
    {
        var rng = new Random381(2);
        for (var i = 0; i < 200; i++)
        {
            var a = rng.NextFp();
            var b = rng.NextFp();
            var c = rng.NextFp();
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * (b + c), (a * b) + (a * c));
            Assert.Equal(a * b, b * a);
            Assert.Equal(a.Square(), a * a);
            Assert.Equal(Fp.Zero, a + (-a));
            if (!a.IsZero)
            {
                Assert.Equal(Fp.One, a * a.Inverse());
            }
        }
    }

    [Fact]
    public void Binary_inversion_agrees_with_fermat_inversion()
    {
        var rng = new Random381(6);
        Assert.Equal(Fp.Zero, Fp.Zero.Inverse());
        Assert.Equal(Fp.One, Fp.One.Inverse());
        Assert.Equal(-Fp.One, (-Fp.One).Inverse());
        for (var i = 0; i < 200; i++)
        {
            var a = rng.NextFp();
            Assert.Equal(a.InverseByExponentiation(), a.Inverse());
        }
    }

    [Fact]
    public void Square_roots_exist_exactly_for_squares()
    {
        var rng = new Random381(3);
        var nonSquares = 0;
        for (var i = 0; i < 100; i++)
        {
            var a = rng.NextFp();
            Assert.True(a.Square().TrySqrt(out var root));
            Assert.True(root == a || root == -a);
            if (!a.TrySqrt(out _))
            {
                nonSquares++;
                Assert.False(a.IsSquare());
            }
            else
            {
                Assert.True(a.IsSquare());
            }
        }

        Assert.InRange(nonSquares, 30, 70);
    }

    [Fact]
    public void Rejects_non_canonical_encodings()
    {
        var p = Bls12381Constants.FieldModulus.ToArray();
        Assert.False(Fp.TryFromBytes(p, out _));
        p[^1]--;
        Assert.True(Fp.TryFromBytes(p, out var pMinus1));
        Assert.Equal(-Fp.One, pMinus1);
        Assert.False(Fp.TryFromBytes(new byte[47], out _));
        Assert.False(Fp.TryFromBytes(Enumerable.Repeat((byte)0xff, 48).ToArray(), out _));
    }

    [Fact]
    public void Bytes_round_trip()
    {
        var rng = new Random381(4);
        for (var i = 0; i < 50; i++)
        {
            var a = rng.NextFp();
            Assert.Equal(a, Fp.FromBytes(a.ToBytes()));
        }
    }

    [Fact]
    public void Wide_reduction_matches_big_integer()
    {
        var random = new Random(5);
        for (var i = 0; i < 50; i++)
        {
            var bytes = new byte[64];
            random.NextBytes(bytes);
            var expected = new BigInteger(bytes, isUnsigned: true, isBigEndian: true) % Random381.P;
            Assert.Equal(expected, Random381.ToBig(Fp.FromBytesWide(bytes)));
        }
    }
}
