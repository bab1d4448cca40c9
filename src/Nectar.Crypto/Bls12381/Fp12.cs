namespace Nectar.Crypto.Bls12381;

/// <summary>An element c0 + c1·w of F_p12 = F_p6[w]/(w^2 - v): the target group of the pairing lives here.</summary>
public readonly struct Fp12 : IEquatable<Fp12>
{
    /// <summary>The coefficient of 1.</summary>
    public readonly Fp6 C0;

    /// <summary>The coefficient of w.</summary>
    public readonly Fp6 C1;

    /// <summary>Builds c0 + c1·w.</summary>
    public Fp12(Fp6 c0, Fp6 c1)
    {
        C0 = c0;
        C1 = c1;
    }

    /// <summary>The multiplicative identity.</summary>
    public static Fp12 One { get; } = new(Fp6.One, Fp6.Zero);

    /// <summary>True when this is one.</summary>
    public bool IsOne => Equals(One);

    /// <summary>Product (Karatsuba: three F_p6 multiplications).</summary>
    public static Fp12 operator *(in Fp12 a, in Fp12 b)
    {
        var t0 = a.C0 * b.C0;
        var t1 = a.C1 * b.C1;
        var c1 = ((a.C0 + a.C1) * (b.C0 + b.C1)) - t0 - t1;
        return new Fp12(t0 + t1.MulByV(), c1);
    }

    /// <summary>This element squared (complex squaring: two F_p6 multiplications).</summary>
    public Fp12 Square()
    {
        var t = C0 * C1;
        var c0 = ((C0 + C1) * (C0 + C1.MulByV())) - t - t.MulByV();
        return new Fp12(c0, t + t);
    }

    /// <summary>
    /// Product with a line value l00 + l01·w^2 + l11·w^3, the shape every Miller-loop line takes on the M-type twist.
    /// </summary>
    public Fp12 MulByLine(in Fp2 l00, in Fp2 l01, in Fp2 l11)
    {
        var t0 = C0.MulBy01(l00, l01);
        var t1 = C1.MulBy1(l11);
        var c1 = (C0 + C1).MulBy01(l00, l01 + l11) - t0 - t1;
        return new Fp12(t0 + t1.MulByV(), c1);
    }

    /// <summary>The conjugate c0 - c1·w, which is x^(p^6) and the inverse of a unitary element.</summary>
    public Fp12 Conjugate() => new(C0, -C1);

    /// <summary>The multiplicative inverse (zero maps to zero).</summary>
    public Fp12 Inverse()
    {
        var t = (C0.Square() - C1.Square().MulByV()).Inverse();
        return new Fp12(C0 * t, -(C1 * t));
    }

    /// <summary>The Frobenius map x -> x^p.</summary>
    public Fp12 Frobenius()
    {
        var g = FrobeniusCoefficients.Gamma;
        var c1 = new Fp6(C1.C0.Conjugate() * g[1], C1.C1.Conjugate() * g[3], C1.C2.Conjugate() * g[5]);
        return new Fp12(C0.Frobenius(), c1);
    }

    /// <summary>The Frobenius map applied <paramref name="power"/> times: x -> x^(p^power).</summary>
    public Fp12 Frobenius(int power)
    {
        var r = this;
        for (var i = 0; i < power; i++)
        {
            r = r.Frobenius();
        }

        return r;
    }

    /// <summary>
    /// Squaring of an element of the cyclotomic subgroup (norm one over F_p6 and F_p2), after Granger and Scott:
    /// the element is viewed as three F_p4 coefficients and each is squared with two F_p2 squarings.
    /// </summary>
    public Fp12 CyclotomicSquare()
    {
        // Coefficients in the F_p4 view: (z0, z1) = (C0.C0, C1.C1), (z2, z3) = (C1.C0, C0.C2), (z4, z5) = (C0.C1, C1.C2).
        var z0 = C0.C0;
        var z4 = C0.C1;
        var z3 = C0.C2;
        var z2 = C1.C0;
        var z1 = C1.C1;
        var z5 = C1.C2;

        Fp4Square(z0, z1, out var t0, out var t1);
        z0 = (t0 - z0).Double() + t0;
        z1 = (t1 + z1).Double() + t1;

        Fp4Square(z2, z3, out t0, out var t2);
        Fp4Square(z4, z5, out var t3, out var t4);

        z4 = (t0 - z4).Double() + t0;
        z5 = (t2 + z5).Double() + t2;

        t0 = t4.MulByNonResidue();
        z2 = (t0 + z2).Double() + t0;
        z3 = (t3 - z3).Double() + t3;

        return new Fp12(new Fp6(z0, z4, z3), new Fp6(z2, z1, z5));
    }

    // (a + b·s)^2 in F_p4 = F_p2[s]/(s^2 - ξ).
    private static void Fp4Square(in Fp2 a, in Fp2 b, out Fp2 c0, out Fp2 c1)
    {
        var a2 = a.Square();
        var b2 = b.Square();
        c0 = b2.MulByNonResidue() + a2;
        c1 = (a + b).Square() - a2 - b2;
    }

    /// <inheritdoc />
    public bool Equals(Fp12 other) => C0.Equals(other.C0) && C1.Equals(other.C1);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fp12 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(C0, C1);

    /// <summary>Equality.</summary>
    public static bool operator ==(Fp12 left, Fp12 right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Fp12 left, Fp12 right) => !left.Equals(right);
}
