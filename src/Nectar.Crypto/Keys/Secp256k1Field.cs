using Nectar.Core.Numerics;
using Nectar.Crypto.AltBn128;

namespace Nectar.Crypto.Keys;

/// <summary>
/// An element of the secp256k1 base field F_p, p = 2^256 - 2^32 - 977, held as a plain (not Montgomery) value below
/// p. It plugs the curve into the project's generic Jacobian arithmetic, which uses a = 0 like secp256k1.
/// </summary>
/// <remarks>
/// Built on <see cref="UInt256"/>'s full-width modular operations: simple and exact, not fast and not constant-time.
/// It derives development keys (a few scalar multiplications per key); signing and recovery use
/// <see cref="ISecp256k1"/>.
/// </remarks>
internal readonly struct Secp256k1Field : IFieldElement<Secp256k1Field>, IEquatable<Secp256k1Field>
{
    /// <summary>The field prime p.</summary>
    public static readonly UInt256 Modulus = new(Secp256k1Curve.FieldPrime);

    /// <summary>p - 2, the exponent of Fermat inversion.</summary>
    private static readonly UInt256 InverseExponent = Modulus - new UInt256(2);

    private readonly UInt256 _value;

    private Secp256k1Field(in UInt256 value) => _value = value;

    public static Secp256k1Field Zero => default;

    public static Secp256k1Field One { get; } = new(UInt256.One);

    /// <summary>The canonical value, below p.</summary>
    public UInt256 Value => _value;

    public bool IsZero => _value.IsZero;

    public bool IsOdd => (_value.U0 & 1) != 0;

    /// <summary>Reads a value that must already be below p.</summary>
    public static bool TryCreate(in UInt256 value, out Secp256k1Field element)
    {
        element = new Secp256k1Field(value);
        return value < Modulus;
    }

    public static Secp256k1Field Add(in Secp256k1Field a, in Secp256k1Field b)
    {
        UInt256.AddMod(a._value, b._value, Modulus, out var sum);
        return new Secp256k1Field(sum);
    }

    public static Secp256k1Field Subtract(in Secp256k1Field a, in Secp256k1Field b) =>
        // Both are below p: when a < b the wrapped difference plus p wraps back to a - b + p.
        new(a._value >= b._value ? a._value - b._value : a._value - b._value + Modulus);

    public static Secp256k1Field Multiply(in Secp256k1Field a, in Secp256k1Field b)
    {
        UInt256.MulMod(a._value, b._value, Modulus, out var product);
        return new Secp256k1Field(product);
    }

    public static Secp256k1Field Square(in Secp256k1Field a) => Multiply(a, a);

    public static Secp256k1Field Double(in Secp256k1Field a) => Add(a, a);

    public static Secp256k1Field Negate(in Secp256k1Field a) => a.IsZero ? a : new Secp256k1Field(Modulus - a._value);

    /// <summary>a^(p - 2); zero maps to zero (callers never invert zero).</summary>
    public static Secp256k1Field Inverse(in Secp256k1Field a)
    {
        var result = One;
        var exponent = InverseExponent;
        for (var bit = 255; bit >= 0; bit--)
        {
            result = Square(result);
            if (IsBitSet(exponent, bit))
            {
                result = Multiply(result, a);
            }
        }

        return result;
    }

    public bool Equals(Secp256k1Field other) => _value == other._value;

    public override bool Equals(object? obj) => obj is Secp256k1Field other && Equals(other);

    public override int GetHashCode() => _value.GetHashCode();

    private static bool IsBitSet(in UInt256 value, int bit)
    {
        var limb = (bit >> 6) switch
        {
            0 => value.U0,
            1 => value.U1,
            2 => value.U2,
            _ => value.U3,
        };
        return ((limb >> (bit & 63)) & 1) != 0;
    }
}
