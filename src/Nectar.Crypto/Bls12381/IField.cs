namespace Nectar.Crypto.Bls12381;

/// <summary>The field operations the curve formulas need, so G1 (over F_p) and G2 (over F_p2) share one implementation.</summary>
/// <typeparam name="T">The field element type.</typeparam>
internal interface IField<T>
    where T : struct, IField<T>
{
    /// <summary>The additive identity.</summary>
    static abstract T Zero { get; }

    /// <summary>The multiplicative identity.</summary>
    static abstract T One { get; }

    /// <summary>The constant b of the curve y^2 = x^3 + b over this field (4 for G1, 4(1 + u) for G2).</summary>
    static abstract T CurveB { get; }

    /// <summary>True when the element is zero.</summary>
    bool IsZero { get; }

    /// <summary>Sum.</summary>
    static abstract T operator +(in T a, in T b);

    /// <summary>Difference.</summary>
    static abstract T operator -(in T a, in T b);

    /// <summary>Product.</summary>
    static abstract T operator *(in T a, in T b);

    /// <summary>Negation.</summary>
    static abstract T operator -(in T a);

    /// <summary>Square.</summary>
    T Square();

    /// <summary>Double.</summary>
    T Double();

    /// <summary>Multiplicative inverse.</summary>
    T Inverse();

    /// <summary>sgn0 of RFC 9380.</summary>
    bool Sgn0 { get; }

    /// <summary>True when the element is a square.</summary>
    bool IsSquare();

    /// <summary>A square root, when one exists.</summary>
    bool TrySqrt(out T root);

    /// <summary>Equality without boxing.</summary>
    bool Equals(T other);
}
