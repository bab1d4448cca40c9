using System.Runtime.CompilerServices;

namespace Nectar.Crypto.Bls12381;

/// <summary>
/// The optimal ate pairing on BLS12-381: a Miller loop over the bits of |x| with lines evaluated on the M-type
/// twist, then the final exponentiation (p^12 - 1)/r with its hard part done by the Hayashida-Hayasaka-Teruya
/// addition chain.
/// </summary>
/// <remarks>
/// The hard-part chain computes the 3(p^4 - p^2 + 1)/r power, so <see cref="Pair"/> returns the cube of the
/// textbook pairing value; that map is still bilinear and non-degenerate (3 does not divide r), and it makes no
/// difference to <see cref="PairingCheck"/>.
/// </remarks>
public static class Pairing
{
    // 3·b' = 12(1 + u), the doubling-step constant on the twist y^2 = x^3 + 4(1 + u).
    private static readonly Fp2 ThreeB = new(Fp.FromUInt64(12), Fp.FromUInt64(12));

    /// <summary>The pairing e(P, Q) (see the remarks on the type for the exponent convention).</summary>
    public static Fp12 Pair(in G1Affine p, in G2Affine q)
    {
        ReadOnlySpan<(G1Affine, G2Affine)> pairs = [(p, q)];
        return FinalExponentiation(MillerLoop(pairs));
    }

    /// <summary>True when the product of e(P_i, Q_i) over all pairs is one; the pairs share one final exponentiation.</summary>
    /// <remarks>The points must be valid group elements; callers validate encodings and subgroup membership first.</remarks>
    public static bool PairingCheck(ReadOnlySpan<(G1Affine P, G2Affine Q)> pairs) => FinalExponentiation(MillerLoop(pairs)).IsOne;

    /// <summary>The product of the Miller-loop values f_{|x|,Q_i}(P_i), conjugated because x is negative; pairs with a point at infinity contribute one.</summary>
    [SkipLocalsInit]
    public static Fp12 MillerLoop(ReadOnlySpan<(G1Affine P, G2Affine Q)> pairs)
    {
        var count = 0;
        foreach (var (p, q) in pairs)
        {
            if (!p.IsInfinity && !q.IsInfinity)
            {
                count++;
            }
        }

        if (count == 0)
        {
            return Fp12.One;
        }

        var active = count <= 4 ? stackalloc int[4] : new int[count];
        var ts = count <= 4 ? stackalloc TwistPoint[4] : new TwistPoint[count];
        var n = 0;
        for (var i = 0; i < pairs.Length; i++)
        {
            if (!pairs[i].P.IsInfinity && !pairs[i].Q.IsInfinity)
            {
                active[n] = i;
                ts[n] = new TwistPoint(pairs[i].Q.X, pairs[i].Q.Y, Fp2.One);
                n++;
            }
        }

        var f = Fp12.One;
        for (var bit = 62; bit >= 0; bit--)
        {
            if (bit != 62)
            {
                f = f.Square();
            }

            for (var k = 0; k < count; k++)
            {
                ref readonly var pair = ref pairs[active[k]];
                DoublingStep(ref ts[k], pair.P, out var l00, out var l01, out var l11);
                f = bit == 62 && k == 0 ? LineToFp12(l00, l01, l11) : f.MulByLine(l00, l01, l11);
            }

            if (((Bls12381Constants.AbsX >> bit) & 1) != 0)
            {
                for (var k = 0; k < count; k++)
                {
                    ref readonly var pair = ref pairs[active[k]];
                    AdditionStep(ref ts[k], pair.Q, pair.P, out var l00, out var l01, out var l11);
                    f = f.MulByLine(l00, l01, l11);
                }
            }
        }

        return f.Conjugate();
    }

    /// <summary>Raises a Miller-loop value to 3(p^12 - 1)/r: the easy part (p^6 - 1)(p^2 + 1), then the hard part.</summary>
    public static Fp12 FinalExponentiation(in Fp12 f)
    {
        // Easy part: after it the value lies in the cyclotomic subgroup, where inversion is conjugation.
        var t = f.Conjugate() * f.Inverse();
        t = t.Frobenius(2) * t;

        // Hard part: 3(p^4 - p^2 + 1)/r = (x - 1)^2 (x + p)(x^2 + p^2 - 1) + 3.
        var a = ExpByX(t) * t.Conjugate();
        a = ExpByX(a) * a.Conjugate();
        var b = ExpByX(a) * a.Frobenius();
        var c = ExpByX(ExpByX(b)) * b.Frobenius(2) * b.Conjugate();
        return c * t.CyclotomicSquare() * t;
    }

    /// <summary>a^x for a in the cyclotomic subgroup, x = -|x|: square-and-multiply over |x| and a final conjugation.</summary>
    internal static Fp12 ExpByX(in Fp12 a)
    {
        var r = a;
        for (var bit = 62; bit >= 0; bit--)
        {
            r = r.CyclotomicSquare();
            if (((Bls12381Constants.AbsX >> bit) & 1) != 0)
            {
                r *= a;
            }
        }

        return r.Conjugate();
    }

    // A line l00 + l01·w^2 + l11·w^3 as a full element, which seeds f on the first step.
    private static Fp12 LineToFp12(in Fp2 l00, in Fp2 l01, in Fp2 l11) =>
        new(new Fp6(l00, l01, Fp2.Zero), new Fp6(Fp2.Zero, l11, Fp2.Zero));

    /// <summary>
    /// T = 2T in homogeneous projective coordinates on the twist, with the tangent line at T evaluated at P and
    /// scaled by F_p2 factors that the final exponentiation removes.
    /// </summary>
    private static void DoublingStep(ref TwistPoint t, in G1Affine p, out Fp2 l00, out Fp2 l01, out Fp2 l11)
    {
        var a = t.X * t.Y;
        var b = t.Y.Square();
        var c = t.Z.Square();
        var e = ThreeB * c;
        var f = e.Double() + e;
        var h = (t.Y + t.Z).Square() - b - c;
        var j = t.X.Square();

        l00 = e - b;
        l01 = (j.Double() + j) * p.X;
        l11 = -(h * p.Y);

        var e2 = e.Square();
        var x3 = (a * (b - f)).Double();
        var y3 = (b + f).Square() - (e2.Double() + e2).Double().Double();
        var z3 = (b * h).Double().Double();
        t = new TwistPoint(x3, y3, z3);
    }

    /// <summary>T = T + Q (Q affine) with the chord line through T and Q evaluated at P.</summary>
    private static void AdditionStep(ref TwistPoint t, in G2Affine q, in G1Affine p, out Fp2 l00, out Fp2 l01, out Fp2 l11)
    {
        var theta = t.Y - (q.Y * t.Z);
        var lambda = t.X - (q.X * t.Z);

        l00 = (theta * q.X) - (lambda * q.Y);
        l01 = -(theta * p.X);
        l11 = lambda * p.Y;

        var c = theta.Square();
        var d = lambda.Square();
        var e = d * lambda;
        var f = t.Z * c;
        var g = t.X * d;
        var h = e + f - g.Double();
        t = new TwistPoint(lambda * h, (theta * (g - h)) - (t.Y * e), t.Z * e);
    }

    private readonly struct TwistPoint(Fp2 x, Fp2 y, Fp2 z)
    {
        public readonly Fp2 X = x;
        public readonly Fp2 Y = y;
        public readonly Fp2 Z = z;
    }
}
