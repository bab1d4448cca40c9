using System.Globalization;
using System.Numerics;
using Nectar.Crypto.AltBn128;

namespace Nectar.Crypto.Tests.AltBn128;

/// <summary>Generators from EIP-197 and seeded random field elements.</summary>
internal static class Samples
{
    public static readonly BigInteger G2XReal = Parse("10857046999023057135944570762232829481370756359578518086990519993285655852781");
    public static readonly BigInteger G2XImaginary = Parse("11559732032986387107991004021392285783925812861821192530917403151452391805634");
    public static readonly BigInteger G2YReal = Parse("8495653923123431417604973247489272438418190587263600148770280649306958101930");
    public static readonly BigInteger G2YImaginary = Parse("4082367875863433681332203403145435568316851327593401208105741076214120093531");

    public static Fp2 G2X => Reference.ToFp2(G2XReal, G2XImaginary);

    public static Fp2 G2Y => Reference.ToFp2(G2YReal, G2YImaginary);

    public static JacobianPoint<Fp> G1 => JacobianPoint<Fp>.FromAffine(Fp.One, Fp.FromUInt64(2));

    public static JacobianPoint<Fp2> G2 => JacobianPoint<Fp2>.FromAffine(G2X, G2Y);

    public static Fp RandomFp(Random random) => Reference.ToFp(Reference.RandomBelow(random, Reference.P));

    public static Fp2 RandomFp2(Random random) => new(RandomFp(random), RandomFp(random));

    public static Fp6 RandomFp6(Random random) => new(RandomFp2(random), RandomFp2(random), RandomFp2(random));

    public static Fp12 RandomFp12(Random random) => new(RandomFp6(random), RandomFp6(random));

    public static byte[] Scalar(BigInteger value) => Reference.ToBytes32(value);

    public static Fp12 Pow(in Fp12 x, BigInteger exponent)
    {
        var result = Fp12.One;
        for (var bit = (int)exponent.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = Fp12.Square(result);
            if (!((exponent >> bit) & 1).IsZero)
            {
                result *= x;
            }
        }

        return result;
    }

    public static Fp12 Pairing(in JacobianPoint<Fp> p, in JacobianPoint<Fp2> q)
    {
        p.ToAffine(out var px, out var py);
        q.ToAffine(out var qx, out var qy);
        return Nectar.Crypto.AltBn128.Pairing.FinalExponentiation(
            Nectar.Crypto.AltBn128.Pairing.MillerLoop([new PairingInput(px, py, qx, qy)]));
    }

    private static BigInteger Parse(string value) => BigInteger.Parse(value, CultureInfo.InvariantCulture);
}
