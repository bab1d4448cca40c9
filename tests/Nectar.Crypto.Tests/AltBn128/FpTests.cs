using System.Numerics;
using Nectar.Crypto.AltBn128;

namespace Nectar.Crypto.Tests.AltBn128;

public sealed class FpTests
{
    private static readonly BigInteger[] EdgeValues =
    [
        BigInteger.Zero, BigInteger.One, 2, Reference.P - 1, Reference.P - 2, (Reference.P - 1) / 2,
        BigInteger.Pow(2, 64) - 1, BigInteger.Pow(2, 128), BigInteger.Pow(2, 253) + 12345,
    ];

    public static TheoryData<int> Seeds => [1, 2, 3];

    [Fact]
    public void Montgomery_constants_match_their_definitions()
    {
        Assert.Equal(BigInteger.One, Reference.ToBig(Fp.One));
        Assert.Equal(new BigInteger(9), Reference.ToBig(Fp.FromUInt64(9)));
        Assert.Equal(Reference.P, Bn254Parameters.FieldModulus);
        Assert.Equal(Reference.R, Bn254Parameters.GroupOrder);
        Assert.Equal(Reference.R, new BigInteger(Bn254Parameters.GroupOrderBytes, isUnsigned: true, isBigEndian: true));
    }

    [Fact]
    public void Seed_generates_the_field_modulus_and_the_group_order()
    {
        BigInteger x = Bn254Parameters.Seed;
        Assert.Equal(Reference.P, (36 * BigInteger.Pow(x, 4)) + (36 * BigInteger.Pow(x, 3)) + (24 * x * x) + (6 * x) + 1);
        Assert.Equal(Reference.R, (36 * BigInteger.Pow(x, 4)) + (36 * BigInteger.Pow(x, 3)) + (18 * x * x) + (6 * x) + 1);
    }

    [Fact]
    public void Ate_loop_naf_encodes_six_x_plus_two()
    {
        BigInteger value = 0;
        var naf = Bn254Parameters.AteLoopNaf;
        for (var i = naf.Length - 1; i >= 0; i--)
        {
            value = (value * 2) + naf[i];
        }

        Assert.Equal((6 * (BigInteger)Bn254Parameters.Seed) + 2, value);
        for (var i = 1; i < naf.Length; i++)
        {
            Assert.False(naf[i] != 0 && naf[i - 1] != 0, "adjacent non-zero digits");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Arithmetic_agrees_with_BigInteger(int seed)
    {
        var random = new Random(seed);
        var values = EdgeValues.Concat(Enumerable.Range(0, 40).Select(_ => Reference.RandomBelow(random, Reference.P))).ToArray();
        foreach (var a in values)
        {
            var fa = Reference.ToFp(a);
            Assert.Equal(a, Reference.ToBig(fa));
            Assert.Equal(Reference.Mod(-a), Reference.ToBig(-fa));
            if (!a.IsZero)
            {
                Assert.Equal(Reference.Inverse(a), Reference.ToBig(Fp.Inverse(fa)));
            }

            foreach (var b in values.Take(20))
            {
                var fb = Reference.ToFp(b);
                Assert.Equal(Reference.Mod(a + b), Reference.ToBig(fa + fb));
                Assert.Equal(Reference.Mod(a - b), Reference.ToBig(fa - fb));
                Assert.Equal(Reference.Mod(a * b), Reference.ToBig(fa * fb));
            }
        }
    }

    [Fact]
    public void Inverse_of_zero_is_zero()
    {
        Assert.True(Fp.Inverse(Fp.Zero).IsZero);
    }

    [Fact]
    public void Rejects_encodings_of_p_and_above()
    {
        Assert.False(Fp.TryRead(Reference.ToBytes32(Reference.P), out _));
        Assert.False(Fp.TryRead(Reference.ToBytes32(Reference.P + 1), out _));
        Assert.False(Fp.TryRead(Enumerable.Repeat((byte)0xFF, 32).ToArray(), out _));
        Assert.True(Fp.TryRead(Reference.ToBytes32(Reference.P - 1), out var max));
        Assert.Equal(Reference.P - 1, Reference.ToBig(max));
    }
}
