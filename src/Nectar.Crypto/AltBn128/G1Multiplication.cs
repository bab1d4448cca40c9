using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Nectar.Crypto.AltBn128;

/// <summary>
/// Scalar multiplication on G1 with the GLV method: G1 has the endomorphism phi(x, y) = (beta x, y),
/// beta a cube root of unity in F_p, which acts as multiplication by lambda, a cube root of unity modulo r.
/// Writing k = k1 + k2 lambda (mod r) with |k1|, |k2| &lt; 2^127 turns one 254-step ladder into two
/// interleaved 128-step ones that share their doublings.
/// </summary>
/// <remarks>
/// The decomposition uses the short lattice basis of BN curves, (2x + 1, -(6x^2 + 2x)) and
/// (6x^2 + 4x + 1, 2x + 1), and Babai rounding with precomputed g_i = round(2^256 b_i / r), so it needs
/// only fixed-size integer products. k1 and k2 are known to be small, so they are computed modulo 2^128
/// and read as signed.
/// </remarks>
[SkipLocalsInit]
internal static class G1Multiplication
{
    /// <summary>2x + 1: a1 and b2 of the basis.</summary>
    private const ulong A1 = 0x89D3256894D213E3;

    /// <summary>6x^2 + 4x + 1: a2 of the basis.</summary>
    private static readonly UInt128 A2 = new(0x6F4D8248EEB859FD, 0x0BE4E1541221250B);

    /// <summary>6x^2 + 2x: -b1 of the basis.</summary>
    private static readonly UInt128 MinusB1 = new(0x6F4D8248EEB859FC, 0x8211BBEB7D4F1128);

    /// <summary>beta = 0x59e26bce...77fffffe, the cube root of unity matching lambda = 0xb3c4d79d...b99c90dd.</summary>
    private static readonly Fp Beta = Fp.FromCanonical(0x5763473177FFFFFE, 0xD4F263F1ACDB5C4F, 0x59E26BCEA0D48BAC, 0);

    // round(2^256 * b2 / r) and round(2^256 * -b1 / r), little-endian limbs.
    private static ReadOnlySpan<ulong> G1Rounding => [0xD91D232EC7E0B3D7, 0x2, 0];

    private static ReadOnlySpan<ulong> G2Rounding => [0x7A7BD9D4391EB18E, 0x4CCEF014A773D2CF, 0x2];

    /// <summary>r as little-endian limbs.</summary>
    private static ReadOnlySpan<ulong> Order => [0x43E1F593F0000001, 0x2833E84879B97091, 0xB85045B68181585D, 0x30644E72E131A029];

    /// <summary>k * P for any 256-bit big-endian k; P must be on the curve (G1 has prime order r, so k may be reduced).</summary>
    public static JacobianPoint<Fp> Multiply(in JacobianPoint<Fp> point, ReadOnlySpan<byte> scalarBigEndian32)
    {
        if (point.IsInfinity)
        {
            return point;
        }

        Span<ulong> k = stackalloc ulong[4];
        k[3] = BinaryPrimitives.ReadUInt64BigEndian(scalarBigEndian32);
        k[2] = BinaryPrimitives.ReadUInt64BigEndian(scalarBigEndian32[8..]);
        k[1] = BinaryPrimitives.ReadUInt64BigEndian(scalarBigEndian32[16..]);
        k[0] = BinaryPrimitives.ReadUInt64BigEndian(scalarBigEndian32[24..]);
        ReduceModOrder(k);
        Decompose(k, out var k1, out var k2);

        var p1 = k1 < 0 ? JacobianPoint<Fp>.Negate(point) : point;
        var negateSecond = (k1 < 0) != (k2 < 0);
        var m1 = k1 < 0 ? (UInt128)(-k1) : (UInt128)k1;
        var m2 = k2 < 0 ? (UInt128)(-k2) : (UInt128)k2;

        // Table of 0..15 times p1, and its image under phi (negated when the signs of k1 and k2 differ).
        var first = default(Table);
        var second = default(Table);
        first[0] = JacobianPoint<Fp>.Infinity;
        first[1] = p1;
        for (var i = 2; i < Table.Length; i++)
        {
            first[i] = (i & 1) == 0 ? JacobianPoint<Fp>.Double(first[i >> 1]) : JacobianPoint<Fp>.Add(first[i - 1], p1);
        }

        for (var i = 0; i < Table.Length; i++)
        {
            var image = Endomorphism(first[i]);
            second[i] = negateSecond ? JacobianPoint<Fp>.Negate(image) : image;
        }

        var result = JacobianPoint<Fp>.Infinity;
        for (var shift = 124; shift >= 0; shift -= 4)
        {
            result = JacobianPoint<Fp>.Double(JacobianPoint<Fp>.Double(JacobianPoint<Fp>.Double(JacobianPoint<Fp>.Double(result))));
            var digit1 = (int)(m1 >> shift) & 0xF;
            if (digit1 != 0)
            {
                result = JacobianPoint<Fp>.Add(result, first[digit1]);
            }

            var digit2 = (int)(m2 >> shift) & 0xF;
            if (digit2 != 0)
            {
                result = JacobianPoint<Fp>.Add(result, second[digit2]);
            }
        }

        return result;
    }

    /// <summary>phi(X : Y : Z) = (beta X : Y : Z).</summary>
    public static JacobianPoint<Fp> Endomorphism(in JacobianPoint<Fp> point) => new(point.X * Beta, point.Y, point.Z);

    /// <summary>k = k1 + k2 lambda (mod r) with |k1|, |k2| &lt; 2^127, for k &lt; r.</summary>
    internal static void Decompose(ReadOnlySpan<ulong> k, out Int128 k1, out Int128 k2)
    {
        var c1 = MultiplyShift256(k, G1Rounding);
        var c2 = MultiplyShift256(k, G2Rounding);
        var low = new UInt128(k[1], k[0]);

        // Exact results are below 2^127 in magnitude, so arithmetic modulo 2^128 recovers them.
        k1 = (Int128)(low - (c1 * A1) - (c2 * A2));
        k2 = (Int128)((c1 * MinusB1) - (c2 * A1));
    }

    /// <summary>Reduces a 256-bit value below r; 2^256 &lt; 6r, so at most five subtractions.</summary>
    private static void ReduceModOrder(Span<ulong> k)
    {
        var order = Order;
        while (!LessThan(k, order))
        {
            ulong borrow = 0;
            for (var i = 0; i < 4; i++)
            {
                var difference = k[i] - order[i];
                var nextBorrow = (k[i] < order[i] ? 1UL : 0UL) | (difference < borrow ? 1UL : 0UL);
                k[i] = difference - borrow;
                borrow = nextBorrow;
            }
        }
    }

    private static bool LessThan(ReadOnlySpan<ulong> x, ReadOnlySpan<ulong> y)
    {
        for (var i = 3; i >= 0; i--)
        {
            if (x[i] != y[i])
            {
                return x[i] < y[i];
            }
        }

        return false;
    }

    /// <summary>floor(k * g / 2^256) for a 4-limb k and a 3-limb g; the result fits in 128 bits for k &lt; r.</summary>
    private static UInt128 MultiplyShift256(ReadOnlySpan<ulong> k, ReadOnlySpan<ulong> g)
    {
        Span<ulong> product = stackalloc ulong[7];
        product.Clear();
        for (var i = 0; i < 4; i++)
        {
            ulong carry = 0;
            for (var j = 0; j < 3; j++)
            {
                var high = Math.BigMul(k[i], g[j], out var low);
                low += product[i + j];
                high += low < product[i + j] ? 1UL : 0UL;
                low += carry;
                high += low < carry ? 1UL : 0UL;
                product[i + j] = low;
                carry = high;
            }

            product[i + 3] = carry;
        }

        return new UInt128(product[5], product[4]);
    }

    /// <summary>0P .. 15P.</summary>
    [InlineArray(Length)]
    private struct Table
    {
        public const int Length = 16;

        private JacobianPoint<Fp> _element0;
    }
}
