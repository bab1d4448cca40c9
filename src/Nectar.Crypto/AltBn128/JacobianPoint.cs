using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nectar.Crypto.AltBn128;

/// <summary>
/// A point (X : Y : Z) on y^2 = x^3 + b in Jacobian coordinates, x = X / Z^2 and y = Y / Z^3; Z = 0 is the
/// point at infinity. The formulas use a = 0 and never need b, so G1 (over F_p) and the twist carrying G2
/// (over F_p^2) share them.
/// </summary>
/// <typeparam name="T">The coordinate field.</typeparam>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct JacobianPoint<T>
    where T : struct, IFieldElement<T>
{
    public readonly T X;
    public readonly T Y;
    public readonly T Z;

    public JacobianPoint(in T x, in T y, in T z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static JacobianPoint<T> Infinity => new(T.One, T.One, T.Zero);

    public bool IsInfinity => Z.IsZero;

    /// <summary>The point with affine coordinates (x, y).</summary>
    public static JacobianPoint<T> FromAffine(in T x, in T y) => new(x, y, T.One);

    /// <summary>Whether affine (x, y) satisfies y^2 = x^3 + b.</summary>
    public static bool IsOnCurve(in T x, in T y, in T b) =>
        T.Square(y).Equals(T.Add(T.Multiply(T.Square(x), x), b));

    public static JacobianPoint<T> Negate(in JacobianPoint<T> p) => new(p.X, T.Negate(p.Y), p.Z);

    /// <summary>Doubling, dbl-2009-l (a = 0): 2M + 5S.</summary>
    public static JacobianPoint<T> Double(in JacobianPoint<T> p)
    {
        if (p.IsInfinity || p.Y.IsZero)
        {
            return Infinity;
        }

        var a = T.Square(p.X);
        var b = T.Square(p.Y);
        var c = T.Square(b);
        var d = T.Double(T.Subtract(T.Subtract(T.Square(T.Add(p.X, b)), a), c));
        var e = T.Add(T.Double(a), a);
        var f = T.Square(e);
        var x3 = T.Subtract(f, T.Double(d));
        var c8 = T.Double(T.Double(T.Double(c)));
        var y3 = T.Subtract(T.Multiply(e, T.Subtract(d, x3)), c8);
        var z3 = T.Double(T.Multiply(p.Y, p.Z));
        return new JacobianPoint<T>(x3, y3, z3);
    }

    /// <summary>
    /// Addition, add-2007-bl, complete over the special cases: either operand at infinity, equal points
    /// (doubling) and opposite points (infinity).
    /// </summary>
    public static JacobianPoint<T> Add(in JacobianPoint<T> p, in JacobianPoint<T> q)
    {
        if (p.IsInfinity)
        {
            return q;
        }

        if (q.IsInfinity)
        {
            return p;
        }

        var z1z1 = T.Square(p.Z);
        var z2z2 = T.Square(q.Z);
        var u1 = T.Multiply(p.X, z2z2);
        var u2 = T.Multiply(q.X, z1z1);
        var s1 = T.Multiply(T.Multiply(p.Y, q.Z), z2z2);
        var s2 = T.Multiply(T.Multiply(q.Y, p.Z), z1z1);
        var h = T.Subtract(u2, u1);
        var r = T.Double(T.Subtract(s2, s1));
        if (h.IsZero)
        {
            return r.IsZero ? Double(p) : Infinity;
        }

        var i = T.Square(T.Double(h));
        var j = T.Multiply(h, i);
        var v = T.Multiply(u1, i);
        var x3 = T.Subtract(T.Subtract(T.Square(r), j), T.Double(v));
        var y3 = T.Subtract(T.Multiply(r, T.Subtract(v, x3)), T.Double(T.Multiply(s1, j)));
        var z3 = T.Multiply(T.Subtract(T.Subtract(T.Square(T.Add(p.Z, q.Z)), z1z1), z2z2), h);
        return new JacobianPoint<T>(x3, y3, z3);
    }

    /// <summary>
    /// Multiplies by a 256-bit big-endian scalar, taken as it is (not reduced), with a fixed 4-bit window:
    /// 256 doublings and at most 64 additions.
    /// </summary>
    public static JacobianPoint<T> Multiply(in JacobianPoint<T> p, ReadOnlySpan<byte> scalarBigEndian)
    {
        if (p.IsInfinity)
        {
            return p;
        }

        var table = default(WindowTable);
        table[0] = Infinity;
        table[1] = p;
        for (var k = 2; k < WindowTable.Length; k++)
        {
            table[k] = (k & 1) == 0 ? Double(table[k >> 1]) : Add(table[k - 1], p);
        }

        var result = Infinity;
        foreach (var octet in scalarBigEndian)
        {
            result = Double(Double(Double(Double(result))));
            if ((octet >> 4) != 0)
            {
                result = Add(result, table[octet >> 4]);
            }

            result = Double(Double(Double(Double(result))));
            if ((octet & 0xF) != 0)
            {
                result = Add(result, table[octet & 0xF]);
            }
        }

        return result;
    }

    /// <summary>Affine coordinates; the point at infinity gives (0, 0), its precompile encoding.</summary>
    public void ToAffine(out T x, out T y)
    {
        if (IsInfinity)
        {
            x = T.Zero;
            y = T.Zero;
            return;
        }

        var zInverse = T.Inverse(Z);
        var zInverse2 = T.Square(zInverse);
        x = T.Multiply(X, zInverse2);
        y = T.Multiply(Y, T.Multiply(zInverse2, zInverse));
    }

    /// <summary>Whether two points are the same group element, whatever their Z.</summary>
    public bool IsSamePoint(in JacobianPoint<T> other)
    {
        if (IsInfinity || other.IsInfinity)
        {
            return IsInfinity && other.IsInfinity;
        }

        var z1z1 = T.Square(Z);
        var z2z2 = T.Square(other.Z);
        return T.Multiply(X, z2z2).Equals(T.Multiply(other.X, z1z1))
            && T.Multiply(T.Multiply(Y, other.Z), z2z2).Equals(T.Multiply(T.Multiply(other.Y, Z), z1z1));
    }

    /// <summary>0P .. 15P for the 4-bit window.</summary>
    [InlineArray(Length)]
    private struct WindowTable
    {
        public const int Length = 16;

        private JacobianPoint<T> _element0;
    }
}
