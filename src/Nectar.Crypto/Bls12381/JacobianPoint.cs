using System.Buffers;

namespace Nectar.Crypto.Bls12381;

/// <summary>
/// A point of y^2 = x^3 + b in Jacobian coordinates (x = X/Z^2, y = Y/Z^3; Z = 0 is the point at infinity),
/// with the a = 0 formulas of the Explicit-Formulas Database (dbl-2009-l, add-2007-bl, madd-2007-bl).
/// </summary>
/// <typeparam name="T">The coordinate field.</typeparam>
internal readonly struct JacobianPoint<T>
    where T : struct, IField<T>
{
    internal readonly T X;
    internal readonly T Y;
    internal readonly T Z;

    internal JacobianPoint(T x, T y, T z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    internal static JacobianPoint<T> Infinity => new(T.One, T.One, T.Zero);

    internal bool IsInfinity => Z.IsZero;

    internal static JacobianPoint<T> FromAffine(in T x, in T y, bool infinity) => infinity ? Infinity : new(x, y, T.One);

    internal JacobianPoint<T> Negate() => new(X, -Y, Z);

    internal JacobianPoint<T> Double()
    {
        if (IsInfinity)
        {
            return this;
        }

        var a = X.Square();
        var b = Y.Square();
        var c = b.Square();
        var d = ((X + b).Square() - a - c).Double();
        var e = a.Double() + a;
        var f = e.Square();
        var x3 = f - d.Double();
        var c8 = c.Double().Double().Double();
        var y3 = (e * (d - x3)) - c8;
        var z3 = (Y * Z).Double();
        return new JacobianPoint<T>(x3, y3, z3);
    }

    internal JacobianPoint<T> Add(in JacobianPoint<T> other)
    {
        if (IsInfinity)
        {
            return other;
        }

        if (other.IsInfinity)
        {
            return this;
        }

        var z1z1 = Z.Square();
        var z2z2 = other.Z.Square();
        var u1 = X * z2z2;
        var u2 = other.X * z1z1;
        var s1 = Y * other.Z * z2z2;
        var s2 = other.Y * Z * z1z1;
        var h = u2 - u1;
        var r = (s2 - s1).Double();
        if (h.IsZero)
        {
            return r.IsZero ? Double() : Infinity;
        }

        var i = h.Double().Square();
        var j = h * i;
        var v = u1 * i;
        var x3 = r.Square() - j - v.Double();
        var y3 = (r * (v - x3)) - (s1 * j).Double();
        var z3 = ((Z + other.Z).Square() - z1z1 - z2z2) * h;
        return new JacobianPoint<T>(x3, y3, z3);
    }

    /// <summary>Adds an affine point (x2, y2) that is not the point at infinity.</summary>
    internal JacobianPoint<T> AddAffine(in T x2, in T y2)
    {
        if (IsInfinity)
        {
            return new JacobianPoint<T>(x2, y2, T.One);
        }

        var z1z1 = Z.Square();
        var u2 = x2 * z1z1;
        var s2 = y2 * Z * z1z1;
        var h = u2 - X;
        var r = (s2 - Y).Double();
        if (h.IsZero)
        {
            return r.IsZero ? Double() : Infinity;
        }

        var hh = h.Square();
        var i = hh.Double().Double();
        var j = h * i;
        var v = X * i;
        var x3 = r.Square() - j - v.Double();
        var y3 = (r * (v - x3)) - (Y * j).Double();
        var z3 = (Z + h).Square() - z1z1 - hh;
        return new JacobianPoint<T>(x3, y3, z3);
    }

    /// <summary>Affine coordinates; the point at infinity gives (0, 0, true).</summary>
    internal void ToAffine(out T x, out T y, out bool infinity)
    {
        if (IsInfinity)
        {
            x = T.Zero;
            y = T.Zero;
            infinity = true;
            return;
        }

        var zInv = Z.Inverse();
        var zInv2 = zInv.Square();
        x = X * zInv2;
        y = Y * zInv2 * zInv;
        infinity = false;
    }

    /// <summary>Projective equality: X1·Z2^2 = X2·Z1^2 and Y1·Z2^3 = Y2·Z1^3.</summary>
    internal bool EqualsPoint(in JacobianPoint<T> other)
    {
        if (IsInfinity || other.IsInfinity)
        {
            return IsInfinity && other.IsInfinity;
        }

        var z1z1 = Z.Square();
        var z2z2 = other.Z.Square();
        return (X * z2z2).Equals(other.X * z1z1) && (Y * z2z2 * other.Z).Equals(other.Y * z1z1 * Z);
    }

    /// <summary>Multiplication by a non-negative integer given big-endian, with a fixed 4-bit window.</summary>
    internal JacobianPoint<T> Multiply(ReadOnlySpan<byte> scalarBigEndian)
    {
        var rented = ArrayPool<JacobianPoint<T>>.Shared.Rent(16);
        try
        {
            return Multiply(scalarBigEndian, rented);
        }
        finally
        {
            ArrayPool<JacobianPoint<T>>.Shared.Return(rented);
        }
    }

    private JacobianPoint<T> Multiply(ReadOnlySpan<byte> scalarBigEndian, JacobianPoint<T>[] table)
    {
        table[0] = Infinity;
        table[1] = this;
        for (var i = 2; i < 16; i++)
        {
            table[i] = (i & 1) == 0 ? table[i / 2].Double() : table[i - 1].Add(this);
        }

        var acc = Infinity;
        for (var i = 0; i < scalarBigEndian.Length; i++)
        {
            var b = scalarBigEndian[i];
            for (var k = 0; k < 4; k++)
            {
                acc = acc.Double();
            }

            acc = acc.Add(table[b >> 4]);
            for (var k = 0; k < 4; k++)
            {
                acc = acc.Double();
            }

            acc = acc.Add(table[b & 15]);
        }

        return acc;
    }

    /// <summary>Multiplication by a 64-bit integer with double-and-add (sparse constants such as |x|).</summary>
    internal JacobianPoint<T> Multiply(ulong scalar)
    {
        var acc = Infinity;
        for (var bit = 63 - System.Numerics.BitOperations.LeadingZeroCount(scalar); bit >= 0; bit--)
        {
            acc = acc.Double();
            if (((scalar >> bit) & 1) != 0)
            {
                acc = acc.Add(this);
            }
        }

        return acc;
    }

    /// <summary>True when (x, y) satisfies y^2 = x^3 + b.</summary>
    internal static bool IsOnCurve(in T x, in T y) => y.Square().Equals((x.Square() * x) + T.CurveB);
}
