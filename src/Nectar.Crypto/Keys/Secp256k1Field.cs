using System.Runtime.CompilerServices;
using Nectar.Core.Numerics;
using Nectar.Crypto.AltBn128;

namespace Nectar.Crypto.Keys;

/// <summary>
/// An element of the secp256k1 base field F_p, p = 2^256 - 2^32 - 977, held as a plain (not Montgomery) value below
/// p. It plugs the curve into the project's generic Jacobian arithmetic, which uses a = 0 like secp256k1.
/// </summary>
/// <remarks>
/// Built on <see cref="UInt256"/> with a multiplication specialised to p: exact, reasonably quick, not constant-time.
/// It derives development keys (a few scalar multiplications per key); signing and recovery use
/// <see cref="ISecp256k1"/>.
/// </remarks>
internal readonly struct Secp256k1Field : IFieldElement<Secp256k1Field>, IEquatable<Secp256k1Field>
{
    /// <summary>The field prime p.</summary>
    public static readonly UInt256 Modulus = new(Secp256k1Curve.FieldPrime);

    /// <summary>2^256 mod p.</summary>
    private const ulong FoldConstant = 0x1_0000_03D1;

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

    /// <summary>
    /// a * b mod p: a schoolbook 512-bit product, then two folds of the high half using 2^256 = C (mod p) with
    /// C = 2^32 + 977, and one conditional subtraction. A general 512-bit division would be several times slower.
    /// </summary>
    [SkipLocalsInit]
    public static Secp256k1Field Multiply(in Secp256k1Field a, in Secp256k1Field b)
    {
        Span<ulong> x = [a._value.U0, a._value.U1, a._value.U2, a._value.U3];
        Span<ulong> y = [b._value.U0, b._value.U1, b._value.U2, b._value.U3];
        Span<ulong> t = stackalloc ulong[8];
        t.Clear();
        for (var i = 0; i < 4; i++)
        {
            UInt128 carry = 0;
            for (var j = 0; j < 4; j++)
            {
                // At most (2^64 - 1)^2 + 2 (2^64 - 1) = 2^128 - 1: no overflow.
                var product = ((UInt128)x[i] * y[j]) + t[i + j] + carry;
                t[i + j] = (ulong)product;
                carry = product >> 64;
            }

            t[i + 4] = (ulong)carry;
        }

        // First fold: low + high * C, a 257 + 34-bit value in five limbs.
        Span<ulong> r = stackalloc ulong[5];
        UInt128 fold = 0;
        for (var k = 0; k < 4; k++)
        {
            fold += ((UInt128)t[k + 4] * FoldConstant) + t[k];
            r[k] = (ulong)fold;
            fold >>= 64;
        }

        r[4] = (ulong)fold;

        // Second fold: the fifth limb (below 2^35) times C, below 2^68, added to the low four limbs.
        fold = (UInt128)r[4] * FoldConstant;
        for (var k = 0; k < 4; k++)
        {
            fold += r[k];
            r[k] = (ulong)fold;
            fold >>= 64;
        }

        var value = new UInt256(r[0], r[1], r[2], r[3]);
        if (fold != 0)
        {
            // Wrapped past 2^256: add C once more; the value is now tiny, so this cannot wrap again.
            value += new UInt256(FoldConstant);
        }

        return new Secp256k1Field(value >= Modulus ? value - Modulus : value);
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
