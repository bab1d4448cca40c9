namespace Nectar.Crypto.Bls12381;

/// <summary>The simplified Shallue-van de Woestijne-Ulas map of RFC 9380 (section 6.6.2) and isogeny evaluation, for F_p and F_p2.</summary>
internal static class SimplifiedSwu
{
    /// <summary>Maps u to a point of y^2 = x^3 + A·x + B (A·B != 0) with the straight-line description of section 6.6.2.</summary>
    internal static void Map<T>(in T u, in T a, in T b, in T z, out T x, out T y)
        where T : struct, IField<T>
    {
        var u2 = u.Square();
        var zu2 = z * u2;
        var denominator = zu2.Square() + zu2;
        T x1;
        if (denominator.IsZero)
        {
            // Exceptional case: x1 = B / (Z·A).
            x1 = b * (z * a).Inverse();
        }
        else
        {
            // x1 = (-B / A)·(1 + 1 / (Z^2·u^4 + Z·u^2)).
            x1 = -(b * a.Inverse()) * (T.One + denominator.Inverse());
        }

        var gx1 = (x1.Square() * x1) + (a * x1) + b;
        if (gx1.TrySqrt(out var y1))
        {
            x = x1;
            y = y1;
        }
        else
        {
            var x2 = zu2 * x1;
            var gx2 = (x2.Square() * x2) + (a * x2) + b;
            if (!gx2.TrySqrt(out y))
            {
                // Unreachable for a valid Z: one of gx1 and gx2 is always a square.
                throw new InvalidOperationException("Simplified SWU: neither candidate is a square.");
            }

            x = x2;
        }

        if (u.Sgn0 != y.Sgn0)
        {
            y = -y;
        }
    }

    /// <summary>
    /// Applies a rational isogeny (x, y) -> (xNum(x)/xDen(x), y·yNum(x)/yDen(x)); a vanishing denominator gives
    /// the point at infinity.
    /// </summary>
    internal static JacobianPoint<T> Isogeny<T>(in T x, in T y, T[] xNum, T[] xDen, T[] yNum, T[] yDen)
        where T : struct, IField<T>
    {
        var xn = Horner(x, xNum);
        var xd = Horner(x, xDen);
        var yn = Horner(x, yNum);
        var yd = Horner(x, yDen);
        if (xd.IsZero || yd.IsZero)
        {
            return JacobianPoint<T>.Infinity;
        }

        // One inversion for both denominators.
        var inv = (xd * yd).Inverse();
        var ox = xn * yd * inv;
        var oy = y * yn * xd * inv;
        return new JacobianPoint<T>(ox, oy, T.One);
    }

    private static T Horner<T>(in T x, T[] coefficients)
        where T : struct, IField<T>
    {
        var acc = coefficients[^1];
        for (var i = coefficients.Length - 2; i >= 0; i--)
        {
            acc = (acc * x) + coefficients[i];
        }

        return acc;
    }
}
