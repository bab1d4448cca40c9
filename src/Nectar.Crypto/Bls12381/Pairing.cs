using System.Buffers;

namespace Nectar.Crypto.Bls12381;

/// <summary>
/// The optimal ate pairing on BLS12-381: a Miller loop over the bits of |x| with lines evaluated on the M-type
/// twist, then the final exponentiation (p^12 - 1)/r with its hard part done by the Hayashida-Hayasaka-Teruya
/// addition chain.
/// </summary>
/// <remarks>
/// The hard-part chain computes the 3(p^4 - p^2 + 1)/r power, so <see cref="Pair"/> returns the cube of the
/// textbook pairing value; that map is still bilinear and non-degenerate (3 does not divide r), and it makes no
/// difference to the pairing checks.
/// </remarks>
public static class Pairing
{
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
    public static Fp12 MillerLoop(ReadOnlySpan<(G1Affine P, G2Affine Q)> pairs)
    {
        var pool = ArrayPool<Fp2>.Shared;
        var buffer = pool.Rent(pairs.Length * G2Prepared.CoefficientCount);
        var infinity = pairs.Length <= 8 ? stackalloc bool[8] : new bool[pairs.Length];
        try
        {
            for (var i = 0; i < pairs.Length; i++)
            {
                infinity[i] = pairs[i].Q.IsInfinity;
                if (!infinity[i])
                {
                    G2Prepared.Prepare(pairs[i].Q, buffer.AsSpan(i * G2Prepared.CoefficientCount, G2Prepared.CoefficientCount));
                }
            }

            var f = Fp12.One;
            var first = true;
            var step = 0;
            for (var bit = 62; bit >= 0; bit--)
            {
                if (!first)
                {
                    f = f.Square();
                }

                Accumulate(ref f, ref first, pairs, infinity, buffer, step++);
                if (((Bls12381Constants.AbsX >> bit) & 1) != 0)
                {
                    Accumulate(ref f, ref first, pairs, infinity, buffer, step++);
                }
            }

            return f.Conjugate();
        }
        finally
        {
            pool.Return(buffer);
        }
    }

    /// <summary>The Miller loop against G2 points whose lines are precomputed (fixed arguments such as setup points).</summary>
    public static Fp12 MillerLoopPrepared(ReadOnlySpan<(G1Affine P, G2Prepared Q)> pairs)
    {
        var f = Fp12.One;
        var first = true;
        var step = 0;
        for (var bit = 62; bit >= 0; bit--)
        {
            if (!first)
            {
                f = f.Square();
            }

            for (var pass = 0; pass < 2; pass++)
            {
                for (var k = 0; k < pairs.Length; k++)
                {
                    var (p, q) = pairs[k];
                    if (!p.IsInfinity && !q.IsInfinity)
                    {
                        MultiplyLine(ref f, ref first, p, q.Coefficients.AsSpan(step * 3, 3));
                    }
                }

                step++;
                if (pass == 0 && ((Bls12381Constants.AbsX >> bit) & 1) == 0)
                {
                    break;
                }
            }
        }

        return f.Conjugate();
    }

    /// <summary>True when the product of e(P_i, Q_i) over pairs with precomputed G2 lines is one.</summary>
    public static bool PairingCheckPrepared(ReadOnlySpan<(G1Affine P, G2Prepared Q)> pairs) => FinalExponentiation(MillerLoopPrepared(pairs)).IsOne;

    private static void Accumulate(ref Fp12 f, ref bool first, ReadOnlySpan<(G1Affine P, G2Affine Q)> pairs, ReadOnlySpan<bool> infinity, Fp2[] buffer, int step)
    {
        for (var k = 0; k < pairs.Length; k++)
        {
            if (!infinity[k] && !pairs[k].P.IsInfinity)
            {
                MultiplyLine(ref f, ref first, pairs[k].P, buffer.AsSpan((k * G2Prepared.CoefficientCount) + (step * 3), 3));
            }
        }
    }

    // Evaluates a prepared line c0 + (c1·xP)·w^2 + (c2·yP)·w^3 at P and multiplies it into f.
    private static void MultiplyLine(ref Fp12 f, ref bool first, in G1Affine p, ReadOnlySpan<Fp2> c)
    {
        var l01 = c[1] * p.X;
        var l11 = c[2] * p.Y;
        if (first)
        {
            f = LineToFp12(c[0], l01, l11);
            first = false;
        }
        else
        {
            f = f.MulByLine(c[0], l01, l11);
        }
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
}
