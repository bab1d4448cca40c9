using System.Runtime.InteropServices;

namespace Nectar.Crypto.AltBn128;

/// <summary>An element c0 + c1*v + c2*v^2 of F_p^6 = F_p^2[v] / (v^3 - xi).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct Fp6 : IEquatable<Fp6>
{
    public readonly Fp2 C0;
    public readonly Fp2 C1;
    public readonly Fp2 C2;

    public Fp6(in Fp2 c0, in Fp2 c1, in Fp2 c2)
    {
        C0 = c0;
        C1 = c1;
        C2 = c2;
    }

    public static Fp6 Zero => default;

    public static Fp6 One => new(Fp2.One, Fp2.Zero, Fp2.Zero);

    public bool IsZero => C0.IsZero && C1.IsZero && C2.IsZero;

    public static Fp6 operator +(in Fp6 x, in Fp6 y) => new(x.C0 + y.C0, x.C1 + y.C1, x.C2 + y.C2);

    public static Fp6 operator -(in Fp6 x, in Fp6 y) => new(x.C0 - y.C0, x.C1 - y.C1, x.C2 - y.C2);

    public static Fp6 operator -(in Fp6 x) => new(-x.C0, -x.C1, -x.C2);

    /// <summary>Karatsuba-style product with six F_p^2 multiplications.</summary>
    public static Fp6 operator *(in Fp6 x, in Fp6 y)
    {
        var v0 = x.C0 * y.C0;
        var v1 = x.C1 * y.C1;
        var v2 = x.C2 * y.C2;
        var c0 = Fp2.MultiplyByXi(((x.C1 + x.C2) * (y.C1 + y.C2)) - v1 - v2) + v0;
        var c1 = ((x.C0 + x.C1) * (y.C0 + y.C1)) - v0 - v1 + Fp2.MultiplyByXi(v2);
        var c2 = ((x.C0 + x.C2) * (y.C0 + y.C2)) - v0 - v2 + v1;
        return new Fp6(c0, c1, c2);
    }

    public static Fp6 operator *(in Fp6 x, in Fp2 y) => new(x.C0 * y, x.C1 * y, x.C2 * y);

    public static bool operator ==(in Fp6 x, in Fp6 y) => x.Equals(y);

    public static bool operator !=(in Fp6 x, in Fp6 y) => !x.Equals(y);

    /// <summary>Squaring by Chung and Hasan's SQR2: two multiplications and three squarings in F_p^2.</summary>
    public static Fp6 Square(in Fp6 x)
    {
        var s0 = Fp2.Square(x.C0);
        var ab = x.C0 * x.C1;
        var s1 = ab + ab;
        var s2 = Fp2.Square(x.C0 - x.C1 + x.C2);
        var bc = x.C1 * x.C2;
        var s3 = bc + bc;
        var s4 = Fp2.Square(x.C2);
        return new Fp6(
            Fp2.MultiplyByXi(s3) + s0,
            Fp2.MultiplyByXi(s4) + s1,
            s1 + s2 + s3 - s0 - s4);
    }

    /// <summary>Multiplies by v: (c0, c1, c2) * v = (xi*c2, c0, c1).</summary>
    public static Fp6 MultiplyByV(in Fp6 x) => new(Fp2.MultiplyByXi(x.C2), x.C0, x.C1);

    /// <summary>Multiplies by a sparse element b0 + b1*v (no v^2 term): five F_p^2 multiplications.</summary>
    public static Fp6 MultiplyBy01(in Fp6 x, in Fp2 b0, in Fp2 b1)
    {
        var v0 = x.C0 * b0;
        var v1 = x.C1 * b1;
        var c0 = Fp2.MultiplyByXi(((x.C1 + x.C2) * b1) - v1) + v0;
        var c1 = ((x.C0 + x.C1) * (b0 + b1)) - v0 - v1;
        var c2 = ((x.C0 + x.C2) * b0) - v0 + v1;
        return new Fp6(c0, c1, c2);
    }

    public static Fp6 Inverse(in Fp6 x)
    {
        var t0 = Fp2.Square(x.C0) - Fp2.MultiplyByXi(x.C1 * x.C2);
        var t1 = Fp2.MultiplyByXi(Fp2.Square(x.C2)) - (x.C0 * x.C1);
        var t2 = Fp2.Square(x.C1) - (x.C0 * x.C2);
        var determinant = (x.C0 * t0) + Fp2.MultiplyByXi((x.C2 * t1) + (x.C1 * t2));
        var inverse = Fp2.Inverse(determinant);
        return new Fp6(t0 * inverse, t1 * inverse, t2 * inverse);
    }

    public bool Equals(Fp6 other) => C0.Equals(other.C0) && C1.Equals(other.C1) && C2.Equals(other.C2);

    public override bool Equals(object? obj) => obj is Fp6 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(C0, C1, C2);
}
