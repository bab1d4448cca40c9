using System.Numerics;
using Nectar.Crypto.AltBn128;

namespace Nectar.Crypto.Tests.AltBn128;

public sealed class G1MultiplicationTests
{
    private static readonly BigInteger Lambda = BigInteger.Parse("0b3c4d79d41a917585bfc41088d8daaa78b17ea66b99c90dd", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Lambda_is_a_cube_root_of_unity_modulo_r()
    {
        Assert.Equal(BigInteger.Zero, ((Lambda * Lambda) + Lambda + 1) % Reference.R);
    }

    [Fact]
    public void Endomorphism_multiplies_by_lambda()
    {
        var point = JacobianPoint<Fp>.Multiply(Samples.G1, Samples.Scalar(987654321));
        Assert.True(G1Multiplication.Endomorphism(point).IsSamePoint(JacobianPoint<Fp>.Multiply(point, Samples.Scalar(Lambda))));
        var thrice = G1Multiplication.Endomorphism(G1Multiplication.Endomorphism(G1Multiplication.Endomorphism(point)));
        Assert.True(thrice.IsSamePoint(point));
    }

    [Fact]
    public void Decomposition_is_short_and_exact()
    {
        var random = new Random(91);
        var limbs = new ulong[4];
        for (var i = 0; i < 2000; i++)
        {
            var k = i switch
            {
                0 => BigInteger.Zero,
                1 => BigInteger.One,
                2 => Reference.R - 1,
                3 => Lambda,
                4 => Reference.R - Lambda,
                5 => BigInteger.Pow(2, 127),
                _ => Reference.RandomBelow(random, Reference.R),
            };
            for (var limb = 0; limb < 4; limb++)
            {
                limbs[limb] = (ulong)((k >> (64 * limb)) & ulong.MaxValue);
            }

            G1Multiplication.Decompose(limbs, out var k1, out var k2);
            Assert.InRange(BigInteger.Abs((BigInteger)k1), BigInteger.Zero, BigInteger.Pow(2, 127) - 1);
            Assert.InRange(BigInteger.Abs((BigInteger)k2), BigInteger.Zero, BigInteger.Pow(2, 127) - 1);
            var recombined = ((BigInteger)k1 + ((BigInteger)k2 * Lambda) - k) % Reference.R;
            Assert.Equal(BigInteger.Zero, recombined);
        }
    }

    [Fact]
    public void Agrees_with_the_plain_ladder_for_random_and_edge_scalars()
    {
        var random = new Random(92);
        var point = JacobianPoint<Fp>.Multiply(Samples.G1, Samples.Scalar(31337));
        var scalars = new List<BigInteger>
        {
            0, 1, 2, 15, 16, Lambda, Lambda + 1, Reference.R - 1, Reference.R, Reference.R + 1, 2 * Reference.R,
            5 * Reference.R, BigInteger.Pow(2, 256) - 1, BigInteger.Pow(2, 128), BigInteger.Pow(2, 127) - 1,
        };
        for (var i = 0; i < 60; i++)
        {
            scalars.Add(Reference.RandomBelow(random, BigInteger.Pow(2, 256)));
        }

        foreach (var k in scalars)
        {
            var bytes = Samples.Scalar(k);
            var expected = JacobianPoint<Fp>.Multiply(point, bytes);
            Assert.True(expected.IsSamePoint(G1Multiplication.Multiply(point, bytes)), $"k = {k}");
        }
    }

    [Fact]
    public void Infinity_stays_at_infinity()
    {
        Assert.True(G1Multiplication.Multiply(JacobianPoint<Fp>.Infinity, Samples.Scalar(5)).IsInfinity);
    }
}
