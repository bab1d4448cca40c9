using System.Numerics;

namespace Nectar.Crypto.Bls12381;

/// <summary>An element c0 + c1·u of F_p2 = F_p[u]/(u^2 + 1).</summary>
public readonly struct Fp2 : IEquatable<Fp2>, IField<Fp2>
{
    /// <summary>Length of the encoding used by the ZCash and EIP-2537 formats (c1 first, then c0).</summary>
    public const int ByteLength = 96;

    /// <summary>The coefficient of 1.</summary>
    public readonly Fp C0;

    /// <summary>The coefficient of u.</summary>
    public readonly Fp C1;

    /// <summary>Builds c0 + c1·u.</summary>
    public Fp2(Fp c0, Fp c1)
    {
        C0 = c0;
        C1 = c1;
    }

    private static readonly Fp HalfFp = Fp.FromUInt64(2).Inverse();

    private static readonly Fp2 CurveBValue = new(Fp.FromUInt64(4), Fp.FromUInt64(4));

    /// <summary>The additive identity.</summary>
    public static Fp2 Zero => default;

    /// <summary>The multiplicative identity.</summary>
    public static Fp2 One { get; } = new(Fp.One, Fp.Zero);

    /// <summary>True when this is zero.</summary>
    public bool IsZero => C0.IsZero && C1.IsZero;

    /// <summary>True when this is one.</summary>
    public bool IsOne => C0.IsOne && C1.IsZero;

    /// <summary>Sum.</summary>
    public static Fp2 operator +(in Fp2 a, in Fp2 b) => new(a.C0 + b.C0, a.C1 + b.C1);

    /// <summary>Difference.</summary>
    public static Fp2 operator -(in Fp2 a, in Fp2 b) => new(a.C0 - b.C0, a.C1 - b.C1);

    /// <summary>Negation.</summary>
    public static Fp2 operator -(in Fp2 a) => new(-a.C0, -a.C1);

    /// <summary>Product (Karatsuba: three base-field multiplications).</summary>
    public static Fp2 operator *(in Fp2 a, in Fp2 b)
    {
        Fp.Mul(in a.C0, in b.C0, out var v0);
        Fp.Mul(in a.C1, in b.C1, out var v1);
        Fp.Add(in a.C0, in a.C1, out var sa);
        Fp.Add(in b.C0, in b.C1, out var sb);
        Fp.Mul(in sa, in sb, out var s);
        Fp.Sub(in v0, in v1, out var c0);
        Fp.Sub(in s, in v0, out s);
        Fp.Sub(in s, in v1, out var c1);
        return new Fp2(c0, c1);
    }

    /// <summary>Product with a base-field element.</summary>
    public static Fp2 operator *(in Fp2 a, in Fp b) => new(a.C0 * b, a.C1 * b);

    /// <summary>This element squared: (c0 + c1)(c0 - c1) + 2·c0·c1·u.</summary>
    public Fp2 Square()
    {
        Fp.Add(in C0, in C1, out var s);
        Fp.Sub(in C0, in C1, out var d);
        Fp.Mul(in s, in d, out var c0);
        Fp.Mul(in C0, in C1, out var m);
        Fp.Add(in m, in m, out var c1);
        return new Fp2(c0, c1);
    }

    /// <summary>This element doubled.</summary>
    public Fp2 Double() => new(C0.Double(), C1.Double());

    /// <summary>Multiplication by the sextic non-residue ξ = 1 + u.</summary>
    public Fp2 MulByNonResidue() => new(C0 - C1, C0 + C1);

    /// <summary>The conjugate c0 - c1·u, which is also the Frobenius image.</summary>
    public Fp2 Conjugate() => new(C0, -C1);

    /// <summary>The norm c0^2 + c1^2 in F_p.</summary>
    public Fp Norm() => C0.Square() + C1.Square();

    /// <summary>The multiplicative inverse (zero maps to zero).</summary>
    public Fp2 Inverse()
    {
        var t = Norm().Inverse();
        return new Fp2(C0 * t, -(C1 * t));
    }

    /// <summary>sgn0 of RFC 9380 for F_p2: the parity of c0, or of c1 when c0 is zero.</summary>
    public bool Sgn0 => C0.Sgn0 || (C0.IsZero && C1.Sgn0);

    /// <summary>True when this element is a square in F_p2 (its norm is a square in F_p).</summary>
    public bool IsSquare() => Norm().IsSquare();

    /// <summary>A square root, when one exists, found through the norm map (p = 3 mod 4).</summary>
    public bool TrySqrt(out Fp2 root)
    {
        root = default;
        if (C1.IsZero)
        {
            // Either c0 is a square in F_p, or -c0 is and the root is sqrt(-c0)·u.
            if (C0.TrySqrt(out var r0))
            {
                root = new Fp2(r0, Fp.Zero);
                return true;
            }

            if ((-C0).TrySqrt(out var r1))
            {
                root = new Fp2(Fp.Zero, r1);
                return true;
            }

            return false;
        }

        // For x = x0 + x1·u with x^2 = a: x0^2 = (c0 + |a|)/2 where |a| = sqrt(norm), then x1 = c1 / (2·x0).
        if (!Norm().TrySqrt(out var alpha))
        {
            return false;
        }

        var delta = (C0 + alpha) * HalfFp;
        if (!delta.TrySqrt(out var x0))
        {
            delta = (C0 - alpha) * HalfFp;
            if (!delta.TrySqrt(out x0))
            {
                return false;
            }
        }

        var x1 = C1 * x0.Double().Inverse();
        var candidate = new Fp2(x0, x1);
        if (candidate.Square() != this)
        {
            return false;
        }

        root = candidate;
        return true;
    }

    /// <summary>This element raised to a non-negative integer power (for constants; not on hot paths).</summary>
    internal Fp2 Pow(BigInteger exponent)
    {
        var result = One;
        var bits = exponent.GetBitLength();
        for (var i = bits - 1; i >= 0; i--)
        {
            result = result.Square();
            if (!(exponent >> (int)i).IsEven)
            {
                result *= this;
            }
        }

        return result;
    }

    /// <summary>Parses the 96-byte encoding c1 | c0 (each canonical big-endian).</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, out Fp2 value)
    {
        value = default;
        if (bytes.Length != ByteLength || !Fp.TryFromBytes(bytes[..48], out var c1) || !Fp.TryFromBytes(bytes[48..], out var c0))
        {
            return false;
        }

        value = new Fp2(c0, c1);
        return true;
    }

    /// <summary>Writes the 96-byte encoding c1 | c0.</summary>
    public void WriteBytes(Span<byte> destination)
    {
        C1.WriteBytes(destination);
        C0.WriteBytes(destination[48..]);
    }

    /// <inheritdoc />
    static Fp2 IField<Fp2>.CurveB => CurveBValue;

    /// <inheritdoc />
    public bool Equals(Fp2 other) => C0.Equals(other.C0) && C1.Equals(other.C1);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fp2 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(C0, C1);

    /// <summary>Both coefficients, for diagnostics.</summary>
    public override string ToString() => $"({C0}, {C1})";

    /// <summary>Equality.</summary>
    public static bool operator ==(Fp2 left, Fp2 right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Fp2 left, Fp2 right) => !left.Equals(right);
}
