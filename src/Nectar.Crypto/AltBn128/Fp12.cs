using System.Numerics;
using System.Runtime.InteropServices;

namespace Nectar.Crypto.AltBn128;

/// <summary>
/// An element c0 + c1*w of F_p^12 = F_p^6[w] / (w^2 - v), the target group of the pairing.
/// Equivalently a sum of g_j * w^(2j) and h_j * w^(2j+1) with w^6 = xi, which is how the Frobenius map
/// is computed.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct Fp12 : IEquatable<Fp12>
{
    public readonly Fp6 C0;
    public readonly Fp6 C1;

    /// <summary>(p - 1) / 6: w^(p - 1) = xi^((p - 1) / 6) because w^6 = xi.</summary>
    private static readonly BigInteger FrobeniusStep = (Bn254Parameters.FieldModulus - 1) / 6;

    // gamma_k = xi^(k (p - 1) / 6) for k = 1..5, so that (w^k)^p = gamma_k * w^k; derived, not transcribed.
    private static readonly Fp2 Gamma1 = Pow(Fp2.Xi, FrobeniusStep);
    private static readonly Fp2 Gamma2 = Pow(Fp2.Xi, FrobeniusStep * 2);
    private static readonly Fp2 Gamma3 = Pow(Fp2.Xi, FrobeniusStep * 3);
    private static readonly Fp2 Gamma4 = Pow(Fp2.Xi, FrobeniusStep * 4);
    private static readonly Fp2 Gamma5 = Pow(Fp2.Xi, FrobeniusStep * 5);

    public Fp12(in Fp6 c0, in Fp6 c1)
    {
        C0 = c0;
        C1 = c1;
    }

    public static Fp12 One => new(Fp6.One, Fp6.Zero);

    /// <summary>gamma_2 = xi^((p - 1) / 3), the x-coordinate factor of the Frobenius map on the twist.</summary>
    internal static Fp2 TwistFrobeniusX => Gamma2;

    /// <summary>gamma_3 = xi^((p - 1) / 2), the y-coordinate factor of the Frobenius map on the twist.</summary>
    internal static Fp2 TwistFrobeniusY => Gamma3;

    public bool IsOne => C0 == Fp6.One && C1.IsZero;

    public static Fp12 operator *(in Fp12 x, in Fp12 y)
    {
        var t0 = x.C0 * y.C0;
        var t1 = x.C1 * y.C1;
        var c1 = ((x.C0 + x.C1) * (y.C0 + y.C1)) - t0 - t1;
        return new Fp12(t0 + Fp6.MultiplyByV(t1), c1);
    }

    public static bool operator ==(in Fp12 x, in Fp12 y) => x.Equals(y);

    public static bool operator !=(in Fp12 x, in Fp12 y) => !x.Equals(y);

    /// <summary>(a + bw)^2 = (a + b)(a + vb) - ab - v*ab + 2ab*w: two F_p^6 multiplications.</summary>
    public static Fp12 Square(in Fp12 x)
    {
        var ab = x.C0 * x.C1;
        var c0 = ((x.C0 + x.C1) * (x.C0 + Fp6.MultiplyByV(x.C1))) - ab - Fp6.MultiplyByV(ab);
        return new Fp12(c0, ab + ab);
    }

    /// <summary>
    /// Squaring in the cyclotomic subgroup (elements with x^(p^4 - p^2 + 1) = 1, which is where the hard
    /// part of the final exponentiation works), after Granger and Scott: seen as A + B*w + C*w^2 over
    /// F_p^4 = F_p^2[s] / (s^2 - xi) with s = w^3, the square is
    /// (3A^2 - 2 conj A) + (3 s C^2 + 2 conj B) w + (3B^2 - 2 conj C) w^2, nine F_p^2 squarings in all.
    /// Wrong for elements outside that subgroup.
    /// </summary>
    public static Fp12 CyclotomicSquare(in Fp12 x)
    {
        // A = g0 + h1 s, B = h0 + g2 s, C = g1 + h2 s, where g = C0 and h = C1.
        Fp4Square(x.C0.C0, x.C1.C1, out var a0, out var a1);
        Fp4Square(x.C1.C0, x.C0.C2, out var b0, out var b1);
        Fp4Square(x.C0.C1, x.C1.C2, out var c0, out var c1);

        // s * C^2 = xi * c1 + c0 * s.
        var sc0 = Fp2.MultiplyByXi(c1);
        var sc1 = c0;

        var g0 = Triple(a0) - Fp2.Double(x.C0.C0);
        var h1 = Triple(a1) + Fp2.Double(x.C1.C1);
        var h0 = Triple(sc0) + Fp2.Double(x.C1.C0);
        var g2 = Triple(sc1) - Fp2.Double(x.C0.C2);
        var g1 = Triple(b0) - Fp2.Double(x.C0.C1);
        var h2 = Triple(b1) + Fp2.Double(x.C1.C2);
        return new Fp12(new Fp6(g0, g1, g2), new Fp6(h0, h1, h2));
    }

    /// <summary>
    /// Multiplies by a Miller-loop line a0 + (b0 + b1*v)*w, whose other five F_p^2 coefficients are zero.
    /// </summary>
    public static Fp12 MultiplyByLine(in Fp12 x, in Fp2 a0, in Fp2 b0, in Fp2 b1)
    {
        var t0 = x.C0 * a0;
        var t1 = Fp6.MultiplyBy01(x.C1, b0, b1);
        var c1 = Fp6.MultiplyBy01(x.C0 + x.C1, a0 + b0, b1) - t0 - t1;
        return new Fp12(t0 + Fp6.MultiplyByV(t1), c1);
    }

    /// <summary>The conjugate c0 - c1*w, which is the p^6-th power and, in the cyclotomic subgroup, the inverse.</summary>
    public static Fp12 Conjugate(in Fp12 x) => new(x.C0, -x.C1);

    public static Fp12 Inverse(in Fp12 x)
    {
        // (c0 + c1 w)(c0 - c1 w) = c0^2 - v c1^2 lies in F_p^6.
        var norm = Fp6.Square(x.C0) - Fp6.MultiplyByV(Fp6.Square(x.C1));
        var inverse = Fp6.Inverse(norm);
        return new Fp12(x.C0 * inverse, -(x.C1 * inverse));
    }

    /// <summary>The p-th power: conjugate every F_p^2 coefficient and scale the one of w^k by gamma_k.</summary>
    public static Fp12 Frobenius(in Fp12 x) => new(
        new Fp6(x.C0.C0.Conjugate(), x.C0.C1.Conjugate() * Gamma2, x.C0.C2.Conjugate() * Gamma4),
        new Fp6(x.C1.C0.Conjugate() * Gamma1, x.C1.C1.Conjugate() * Gamma3, x.C1.C2.Conjugate() * Gamma5));

    /// <summary>x^e for a 64-bit exponent, square and multiply from the top bit.</summary>
    public static Fp12 Pow(in Fp12 x, ulong exponent)
    {
        var result = One;
        for (var bit = 63 - BitOperations.LeadingZeroCount(exponent); bit >= 0; bit--)
        {
            result = Square(result);
            if (((exponent >> bit) & 1) != 0)
            {
                result *= x;
            }
        }

        return result;
    }

    /// <summary>x^e for a 64-bit exponent in the cyclotomic subgroup, using <see cref="CyclotomicSquare"/>.</summary>
    public static Fp12 CyclotomicPow(in Fp12 x, ulong exponent)
    {
        var result = One;
        for (var bit = 63 - BitOperations.LeadingZeroCount(exponent); bit >= 0; bit--)
        {
            result = CyclotomicSquare(result);
            if (((exponent >> bit) & 1) != 0)
            {
                result *= x;
            }
        }

        return result;
    }

    public bool Equals(Fp12 other) => C0.Equals(other.C0) && C1.Equals(other.C1);

    public override bool Equals(object? obj) => obj is Fp12 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(C0, C1);

    /// <summary>(a + b s)^2 = (a^2 + xi b^2) + 2ab s in F_p^4, with three F_p^2 squarings.</summary>
    private static void Fp4Square(in Fp2 a, in Fp2 b, out Fp2 real, out Fp2 imaginary)
    {
        var aa = Fp2.Square(a);
        var bb = Fp2.Square(b);
        real = aa + Fp2.MultiplyByXi(bb);
        imaginary = Fp2.Square(a + b) - aa - bb;
    }

    private static Fp2 Triple(in Fp2 x) => Fp2.Double(x) + x;

    private static Fp2 Pow(in Fp2 x, BigInteger exponent)
    {
        var result = Fp2.One;
        for (var bit = (int)exponent.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = Fp2.Square(result);
            if (!((exponent >> bit) & 1).IsZero)
            {
                result *= x;
            }
        }

        return result;
    }
}
