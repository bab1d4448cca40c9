using System.Numerics;

namespace Nectar.Crypto.Bls12381;

/// <summary>
/// Constants of the Frobenius map on the tower, derived once from ξ = 1 + u rather than transcribed:
/// with w^6 = ξ, (a·w^i)^p = conj(a)·ξ^(i(p-1)/6)·w^i.
/// </summary>
internal static class FrobeniusCoefficients
{
    /// <summary>The field modulus p.</summary>
    internal static readonly BigInteger Modulus = BigInteger.Parse(
        "01a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
        System.Globalization.NumberStyles.HexNumber,
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Gamma[i] = ξ^(i(p-1)/6) for i = 0..5.</summary>
    internal static readonly Fp2[] Gamma = ComputeGamma();

    private static Fp2[] ComputeGamma()
    {
        var xi = new Fp2(Fp.One, Fp.One);
        var gamma = new Fp2[6];
        for (var i = 0; i < 6; i++)
        {
            gamma[i] = xi.Pow(i * (Modulus - 1) / 6);
        }

        return gamma;
    }
}
