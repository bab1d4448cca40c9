using System.Runtime.CompilerServices;

namespace Nectar.Crypto.AltBn128;

/// <summary>
/// The optimal ate pairing on alt_bn128: a Miller loop over 6x + 2 (shared by all pairs of a check, so
/// the F_p^12 squarings are paid once) followed by one final exponentiation.
/// </summary>
/// <remarks>
/// <para>
/// G2 lives on the D-type sextic twist y^2 = x^3 + 3/xi and maps into E(F_p^12) by
/// psi(x, y) = (x*w^2, y*w^3). The line through T (and T or Q) evaluated at P is therefore
/// yP - lambda*xP*w + (lambda*xT - yT)*v*w with lambda the slope on the twist: only the coefficients of
/// 1, w and v*w are non-zero, which <see cref="Fp12.MultiplyByLine"/> exploits. Lines are scaled by an
/// F_p^2 factor to stay free of inversions; the final exponentiation removes any such factor.
/// </para>
/// <para>
/// After the loop, the two extra lines through pi(Q) and -pi^2(Q) complete the optimal ate pairing
/// (6x + 2 + p - p^2 + p^3 is a multiple of r).
/// </para>
/// </remarks>
[SkipLocalsInit]
internal static class Pairing
{
    private const int StackPairs = 8;

    /// <summary>Whether the product of e(P_i, Q_i) is 1. Every point must be valid and not at infinity.</summary>
    public static bool ProductIsOne(ReadOnlySpan<PairingInput> pairs) =>
        pairs.IsEmpty || FinalExponentiation(MillerLoop(pairs)).IsOne;

    /// <summary>The product of the Miller loop values f_{6x+2,Q_i}(P_i) with the two Frobenius lines.</summary>
    public static Fp12 MillerLoop(ReadOnlySpan<PairingInput> pairs)
    {
        var points = pairs.Length <= StackPairs
            ? stackalloc JacobianPoint<Fp2>[pairs.Length]
            : new JacobianPoint<Fp2>[pairs.Length];
        for (var j = 0; j < pairs.Length; j++)
        {
            points[j] = JacobianPoint<Fp2>.FromAffine(pairs[j].QX, pairs[j].QY);
        }

        var naf = Bn254Parameters.AteLoopNaf;
        var f = Fp12.One;
        for (var i = naf.Length - 2; i >= 0; i--)
        {
            if (i != naf.Length - 2)
            {
                f = Fp12.Square(f);
            }

            for (var j = 0; j < pairs.Length; j++)
            {
                ref readonly var pair = ref pairs[j];
                DoublingStep(ref points[j], pair.PX, pair.PY, out var a0, out var b0, out var b1);
                f = Fp12.MultiplyByLine(f, a0, b0, b1);
            }

            if (naf[i] == 0)
            {
                continue;
            }

            for (var j = 0; j < pairs.Length; j++)
            {
                ref readonly var pair = ref pairs[j];
                var qy = naf[i] > 0 ? pair.QY : -pair.QY;
                AdditionStep(ref points[j], pair.QX, qy, pair.PX, pair.PY, out var a0, out var b0, out var b1);
                f = Fp12.MultiplyByLine(f, a0, b0, b1);
            }
        }

        for (var j = 0; j < pairs.Length; j++)
        {
            ref readonly var pair = ref pairs[j];
            var q1x = pair.QX.Conjugate() * Fp12.TwistFrobeniusX;
            var q1y = pair.QY.Conjugate() * Fp12.TwistFrobeniusY;
            var q2x = q1x.Conjugate() * Fp12.TwistFrobeniusX;
            var q2y = q1y.Conjugate() * Fp12.TwistFrobeniusY;

            AdditionStep(ref points[j], q1x, q1y, pair.PX, pair.PY, out var a0, out var b0, out var b1);
            f = Fp12.MultiplyByLine(f, a0, b0, b1);
            AdditionStep(ref points[j], q2x, -q2y, pair.PX, pair.PY, out a0, out b0, out b1);
            f = Fp12.MultiplyByLine(f, a0, b0, b1);
        }

        return f;
    }

    /// <summary>
    /// f^((p^12 - 1) / r): the easy part (p^6 - 1)(p^2 + 1) with one inversion and Frobenius maps, then the
    /// hard part (p^4 - p^2 + 1) / r = l0 + l1 p + l2 p^2 + p^3 with l_i polynomials in x, evaluated from
    /// f^x, f^(x^2), f^(x^3) (Scott et al., "On the final exponentiation for calculating pairings on
    /// ordinary elliptic curves").
    /// </summary>
    public static Fp12 FinalExponentiation(in Fp12 f)
    {
        // Easy part; afterwards m lies in the cyclotomic subgroup, where the conjugate is the inverse.
        var t = Fp12.Conjugate(f) * Fp12.Inverse(f);
        var m = Fp12.Frobenius(Fp12.Frobenius(t)) * t;

        var fx = Fp12.CyclotomicPow(m, Bn254Parameters.Seed);
        var fx2 = Fp12.CyclotomicPow(fx, Bn254Parameters.Seed);
        var fx3 = Fp12.CyclotomicPow(fx2, Bn254Parameters.Seed);

        var fp = Fp12.Frobenius(m);
        var fp2 = Fp12.Frobenius(fp);
        var fp3 = Fp12.Frobenius(fp2);

        // m^hard = y0 * y1^2 * y2^6 * y3^12 * y4^18 * y5^30 * y6^36.
        var y0 = fp * fp2 * fp3;
        var y1 = Fp12.Conjugate(m);
        var y2 = Fp12.Frobenius(Fp12.Frobenius(fx2));
        var y3 = Fp12.Conjugate(Fp12.Frobenius(fx));
        var y4 = Fp12.Conjugate(fx * Fp12.Frobenius(fx2));
        var y5 = Fp12.Conjugate(fx2);
        var y6 = Fp12.Conjugate(fx3 * Fp12.Frobenius(fx3));

        var t0 = Fp12.CyclotomicSquare(y6) * y4 * y5;
        var t1 = y3 * y5 * t0;
        t0 *= y2;
        t1 = Fp12.CyclotomicSquare(t1) * t0;
        t1 = Fp12.CyclotomicSquare(t1);
        t0 = t1 * y1;
        t1 *= y0;
        t0 = Fp12.CyclotomicSquare(t0);
        return t0 * t1;
    }

    /// <summary>
    /// T = 2T, returning the tangent line at T evaluated at P, scaled by 2*Y*Z^3:
    /// a0 = 2YZ^3 * yP, b0 = -3X^2 Z^2 * xP, b1 = 3X^3 - 2Y^2.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DoublingStep(ref JacobianPoint<Fp2> t, in Fp px, in Fp py, out Fp2 a0, out Fp2 b0, out Fp2 b1)
    {
        var a = Fp2.Square(t.X);
        var b = Fp2.Square(t.Y);
        var c = Fp2.Square(b);
        var zz = Fp2.Square(t.Z);
        var d = Fp2.Double(Fp2.Square(t.X + b) - a - c);
        var e = Fp2.Double(a) + a;
        var x3 = Fp2.Square(e) - Fp2.Double(d);
        var y3 = (e * (d - x3)) - Fp2.Double(Fp2.Double(Fp2.Double(c)));
        var z3 = Fp2.Square(t.Y + t.Z) - b - zz;

        a0 = z3 * zz * py;
        b0 = e * zz * -px;
        b1 = (e * t.X) - Fp2.Double(b);
        t = new JacobianPoint<Fp2>(x3, y3, z3);
    }

    /// <summary>
    /// T = T + Q for affine Q, returning the line through T and Q evaluated at P, scaled by Z*H:
    /// a0 = Z3 * yP, b0 = -R * xP, b1 = R*xQ - Z3*yQ, where H = xQ Z^2 - X and R = yQ Z^3 - Y.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AdditionStep(ref JacobianPoint<Fp2> t, in Fp2 qx, in Fp2 qy, in Fp px, in Fp py, out Fp2 a0, out Fp2 b0, out Fp2 b1)
    {
        var zz = Fp2.Square(t.Z);
        var u2 = qx * zz;
        var s2 = qy * t.Z * zz;
        var h = u2 - t.X;
        var r = s2 - t.Y;
        var z3 = t.Z * h;
        var hh = Fp2.Square(h);
        var hhh = h * hh;
        var v = t.X * hh;
        var x3 = Fp2.Square(r) - hhh - Fp2.Double(v);
        var y3 = (r * (v - x3)) - (t.Y * hhh);

        a0 = z3 * py;
        b0 = r * -px;
        b1 = (r * qx) - (z3 * qy);
        t = new JacobianPoint<Fp2>(x3, y3, z3);
    }
}
