namespace Nectar.Crypto.AltBn128;

/// <summary>
/// The field operations the curve arithmetic needs, as static abstract members so that
/// <see cref="JacobianPoint{T}"/> is written once and specialised by the JIT for F_p (G1) and F_p^2 (G2)
/// without any interface dispatch.
/// </summary>
/// <typeparam name="T">The field element type.</typeparam>
internal interface IFieldElement<T>
    where T : struct, IFieldElement<T>
{
    static abstract T Zero { get; }

    static abstract T One { get; }

    bool IsZero { get; }

    bool Equals(T other);

    static abstract T Add(in T a, in T b);

    static abstract T Subtract(in T a, in T b);

    static abstract T Multiply(in T a, in T b);

    static abstract T Square(in T a);

    static abstract T Double(in T a);

    static abstract T Negate(in T a);

    static abstract T Inverse(in T a);
}
