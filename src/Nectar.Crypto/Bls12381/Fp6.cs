namespace Nectar.Crypto.Bls12381;

/// <summary>An element c0 + c1·v + c2·v^2 of F_p6 = F_p2[v]/(v^3 - ξ), ξ = 1 + u.</summary>
public readonly struct Fp6 : IEquatable<Fp6>
{
    /// <summary>The coefficient of 1.</summary>
    public readonly Fp2 C0;

    /// <summary>The coefficient of v.</summary>
    public readonly Fp2 C1;

    /// <summary>The coefficient of v^2.</summary>
    public readonly Fp2 C2;

    /// <summary>Builds c0 + c1·v + c2·v^2.</summary>
    public Fp6(Fp2 c0, Fp2 c1, Fp2 c2)
    {
        C0 = c0;
        C1 = c1;
        C2 = c2;
    }

    /// <summary>The additive identity.</summary>
    public static Fp6 Zero => default;

    /// <summary>The multiplicative identity.</summary>
    public static Fp6 One { get; } = new(Fp2.One, Fp2.Zero, Fp2.Zero);

    /// <summary>True when this is zero.</summary>
    public bool IsZero => C0.IsZero && C1.IsZero && C2.IsZero;

    /// <summary>Sum.</summary>
    public static Fp6 operator +(in Fp6 a, in Fp6 b) => new(a.C0 + b.C0, a.C1 + b.C1, a.C2 + b.C2);

    /// <summary>Difference.</summary>
    public static Fp6 operator -(in Fp6 a, in Fp6 b) => new(a.C0 - b.C0, a.C1 - b.C1, a.C2 - b.C2);

    /// <summary>Negation.</summary>
    public static Fp6 operator -(in Fp6 a) => new(-a.C0, -a.C1, -a.C2);

    /// <summary>Product (Karatsuba over the cubic extension: six F_p2 multiplications).</summary>
    public static Fp6 operator *(in Fp6 a, in Fp6 b)
    {
        var t0 = a.C0 * b.C0;
        var t1 = a.C1 * b.C1;
        var t2 = a.C2 * b.C2;
        var c0 = ((((a.C1 + a.C2) * (b.C1 + b.C2)) - t1 - t2).MulByNonResidue()) + t0;
        var c1 = ((a.C0 + a.C1) * (b.C0 + b.C1)) - t0 - t1 + t2.MulByNonResidue();
        var c2 = ((a.C0 + a.C2) * (b.C0 + b.C2)) - t0 - t2 + t1;
        return new Fp6(c0, c1, c2);
    }

    /// <summary>Product with an F_p2 element.</summary>
    public static Fp6 operator *(in Fp6 a, in Fp2 b) => new(a.C0 * b, a.C1 * b, a.C2 * b);

    /// <summary>This element squared (Chung-Hasan SQR2).</summary>
    public Fp6 Square()
    {
        var s0 = C0.Square();
        var ab = C0 * C1;
        var s1 = ab.Double();
        var s2 = (C0 - C1 + C2).Square();
        var bc = C1 * C2;
        var s3 = bc.Double();
        var s4 = C2.Square();
        var c0 = s3.MulByNonResidue() + s0;
        var c1 = s4.MulByNonResidue() + s1;
        var c2 = s1 + s2 + s3 - s0 - s4;
        return new Fp6(c0, c1, c2);
    }

    /// <summary>Multiplication by v: (c0, c1, c2) becomes (ξ·c2, c0, c1).</summary>
    public Fp6 MulByV() => new(C2.MulByNonResidue(), C0, C1);

    /// <summary>Product with the sparse element b0 + b1·v.</summary>
    public Fp6 MulBy01(in Fp2 b0, in Fp2 b1)
    {
        var t0 = C0 * b0;
        var t1 = C1 * b1;
        var c0 = (((C1 + C2) * b1) - t1).MulByNonResidue() + t0;
        var c1 = ((C0 + C1) * (b0 + b1)) - t0 - t1;
        var c2 = ((C0 + C2) * b0) - t0 + t1;
        return new Fp6(c0, c1, c2);
    }

    /// <summary>Product with the sparse element b1·v.</summary>
    public Fp6 MulBy1(in Fp2 b1) => new((C2 * b1).MulByNonResidue(), C0 * b1, C1 * b1);

    /// <summary>The multiplicative inverse (zero maps to zero).</summary>
    public Fp6 Inverse()
    {
        var c0 = C0.Square() - (C1 * C2).MulByNonResidue();
        var c1 = C2.Square().MulByNonResidue() - (C0 * C1);
        var c2 = C1.Square() - (C0 * C2);
        var t = ((((C2 * c1) + (C1 * c2)).MulByNonResidue()) + (C0 * c0)).Inverse();
        return new Fp6(c0 * t, c1 * t, c2 * t);
    }

    /// <summary>The Frobenius map x -> x^p.</summary>
    public Fp6 Frobenius() => new(
        C0.Conjugate(),
        C1.Conjugate() * FrobeniusCoefficients.Gamma[2],
        C2.Conjugate() * FrobeniusCoefficients.Gamma[4]);

    /// <inheritdoc />
    public bool Equals(Fp6 other) => C0.Equals(other.C0) && C1.Equals(other.C1) && C2.Equals(other.C2);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fp6 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(C0, C1, C2);

    /// <summary>Equality.</summary>
    public static bool operator ==(Fp6 left, Fp6 right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Fp6 left, Fp6 right) => !left.Equals(right);
}
