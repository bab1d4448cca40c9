namespace Nectar.Crypto.Bls12381;

/// <summary>
/// A G2 point with the line coefficients of its Miller loop computed once, for pairings whose G2 argument is fixed
/// (trusted-setup points, generators). Each line is stored as (c0, c1, c2) and evaluated at P as
/// c0 + (c1·x_P)·w^2 + (c2·y_P)·w^3.
/// </summary>
public sealed class G2Prepared
{
    /// <summary>Three coefficients for each of the 63 doubling and 5 addition steps over the bits of |x|.</summary>
    internal const int CoefficientCount = 3 * (63 + 5);

    // 3·b' = 12(1 + u), the doubling-step constant on the twist y^2 = x^3 + 4(1 + u).
    private static readonly Fp2 ThreeB = new(Fp.FromUInt64(12), Fp.FromUInt64(12));

    /// <summary>Precomputes the lines of <paramref name="q"/>.</summary>
    public G2Prepared(G2Affine q)
    {
        Point = q;
        Coefficients = new Fp2[CoefficientCount];
        if (!q.IsInfinity)
        {
            Prepare(q, Coefficients);
        }
    }

    /// <summary>The point whose lines these are.</summary>
    public G2Affine Point { get; }

    /// <summary>True when the point is the point at infinity (its pairings are one).</summary>
    public bool IsInfinity => Point.IsInfinity;

    internal Fp2[] Coefficients { get; }

    /// <summary>Runs the point arithmetic of the Miller loop and writes every line's coefficients in loop order.</summary>
    internal static void Prepare(in G2Affine q, Span<Fp2> coefficients)
    {
        var t = new TwistPoint(q.X, q.Y, Fp2.One);
        var i = 0;
        for (var bit = 62; bit >= 0; bit--)
        {
            DoublingStep(ref t, out coefficients[i], out coefficients[i + 1], out coefficients[i + 2]);
            i += 3;
            if (((Bls12381Constants.AbsX >> bit) & 1) != 0)
            {
                AdditionStep(ref t, q, out coefficients[i], out coefficients[i + 1], out coefficients[i + 2]);
                i += 3;
            }
        }
    }

    /// <summary>
    /// T = 2T in homogeneous projective coordinates on the twist (scaled by 4 to avoid halving), with the tangent
    /// line at T: c0 = 3b'Z^2 - Y^2, c1 = 3X^2, c2 = -2YZ, which is the affine line l·w^3 up to an F_p2 factor
    /// that the final exponentiation removes.
    /// </summary>
    private static void DoublingStep(ref TwistPoint t, out Fp2 c0, out Fp2 c1, out Fp2 c2)
    {
        var a = t.X * t.Y;
        var b = t.Y.Square();
        var c = t.Z.Square();
        var e = ThreeB * c;
        var f = e.Double() + e;
        var h = (t.Y + t.Z).Square() - b - c;
        var j = t.X.Square();

        c0 = e - b;
        c1 = j.Double() + j;
        c2 = -h;

        var e2 = e.Square();
        var x3 = (a * (b - f)).Double();
        var y3 = (b + f).Square() - (e2.Double() + e2).Double().Double();
        var z3 = (b * h).Double().Double();
        t = new TwistPoint(x3, y3, z3);
    }

    /// <summary>T = T + Q (Q affine) with the chord through T and Q: c0 = θ·x_Q - λ·y_Q, c1 = -θ, c2 = λ.</summary>
    private static void AdditionStep(ref TwistPoint t, in G2Affine q, out Fp2 c0, out Fp2 c1, out Fp2 c2)
    {
        var theta = t.Y - (q.Y * t.Z);
        var lambda = t.X - (q.X * t.Z);

        c0 = (theta * q.X) - (lambda * q.Y);
        c1 = -theta;
        c2 = lambda;

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
