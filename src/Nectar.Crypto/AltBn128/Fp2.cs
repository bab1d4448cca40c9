using System.Runtime.InteropServices;

namespace Nectar.Crypto.AltBn128;

/// <summary>An element a + b*u of F_p^2 = F_p[u] / (u^2 + 1), the field of the G2 coordinates.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct Fp2 : IFieldElement<Fp2>, IEquatable<Fp2>
{
    /// <summary>The real part.</summary>
    public readonly Fp A;

    /// <summary>The coefficient of u.</summary>
    public readonly Fp B;

    public Fp2(in Fp a, in Fp b)
    {
        A = a;
        B = b;
    }

    public static Fp2 Zero => default;

    public static Fp2 One => new(Fp.One, Fp.Zero);

    /// <summary>xi = 9 + u, the non-residue that builds F_p^6 and defines the twist.</summary>
    public static Fp2 Xi { get; } = new(Fp.FromUInt64(9), Fp.One);

    public bool IsZero => A.IsZero && B.IsZero;

    /// <summary>The conjugate a - b*u, which is also the p-th power (Frobenius).</summary>
    public Fp2 Conjugate() => new(A, -B);

    public static Fp2 operator +(in Fp2 x, in Fp2 y) => new(x.A + y.A, x.B + y.B);

    public static Fp2 operator -(in Fp2 x, in Fp2 y) => new(x.A - y.A, x.B - y.B);

    public static Fp2 operator -(in Fp2 x) => new(-x.A, -x.B);

    /// <summary>Karatsuba: three base-field products instead of four.</summary>
    public static Fp2 operator *(in Fp2 x, in Fp2 y)
    {
        var aa = x.A * y.A;
        var bb = x.B * y.B;
        var cross = (x.A + x.B) * (y.A + y.B);
        return new Fp2(aa - bb, cross - aa - bb);
    }

    public static Fp2 operator *(in Fp2 x, in Fp y) => new(x.A * y, x.B * y);

    public static bool operator ==(in Fp2 x, in Fp2 y) => x.Equals(y);

    public static bool operator !=(in Fp2 x, in Fp2 y) => !x.Equals(y);

    public static Fp2 Add(in Fp2 a, in Fp2 b) => a + b;

    public static Fp2 Subtract(in Fp2 a, in Fp2 b) => a - b;

    public static Fp2 Multiply(in Fp2 a, in Fp2 b) => a * b;

    public static Fp2 Negate(in Fp2 a) => -a;

    public static Fp2 Double(in Fp2 a) => a + a;

    /// <summary>(a + bu)^2 = (a + b)(a - b) + 2ab*u: two base-field products.</summary>
    public static Fp2 Square(in Fp2 x)
    {
        var ab = x.A * x.B;
        return new Fp2((x.A + x.B) * (x.A - x.B), ab + ab);
    }

    /// <summary>1 / (a + bu) = (a - bu) / (a^2 + b^2); zero maps to zero.</summary>
    public static Fp2 Inverse(in Fp2 x)
    {
        var norm = (x.A * x.A) + (x.B * x.B);
        var inverse = Fp.Inverse(norm);
        return new Fp2(x.A * inverse, -(x.B * inverse));
    }

    /// <summary>Multiplies by xi = 9 + u: (9a - b) + (a + 9b)u, with additions only.</summary>
    public static Fp2 MultiplyByXi(in Fp2 x)
    {
        var a8 = Fp.Double(Fp.Double(Fp.Double(x.A)));
        var b8 = Fp.Double(Fp.Double(Fp.Double(x.B)));
        return new Fp2(a8 + x.A - x.B, b8 + x.B + x.A);
    }

    public bool Equals(Fp2 other) => A.Equals(other.A) && B.Equals(other.B);

    public override bool Equals(object? obj) => obj is Fp2 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(A, B);

    public override string ToString() => $"({A}, {B})";
}
