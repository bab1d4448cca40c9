using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Nectar.Core.Numerics;

public readonly partial struct UInt256
{
    /// <summary>Sum modulo 2^256 (ADD).</summary>
    /// <param name="a">The first addend.</param>
    /// <param name="b">The second addend.</param>
    /// <param name="result">(<paramref name="a"/> + <paramref name="b"/>) mod 2^256.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in UInt256 a, in UInt256 b, out UInt256 result) => AddOverflow(in a, in b, out result);

    /// <summary>Sum modulo 2^256, reporting whether the true sum needed a 257th bit.</summary>
    /// <param name="a">The first addend.</param>
    /// <param name="b">The second addend.</param>
    /// <param name="result">(<paramref name="a"/> + <paramref name="b"/>) mod 2^256.</param>
    /// <returns><see langword="true"/> when the sum overflowed 256 bits.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AddOverflow(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        var r0 = a.U0 + b.U0;
        var carry = r0 < a.U0 ? 1UL : 0UL;
        var r1 = AddWithCarry(a.U1, b.U1, ref carry);
        var r2 = AddWithCarry(a.U2, b.U2, ref carry);
        var r3 = AddWithCarry(a.U3, b.U3, ref carry);
        result = new UInt256(r0, r1, r2, r3);
        return carry != 0;
    }

    /// <summary>Difference modulo 2^256 (SUB).</summary>
    /// <param name="a">The minuend.</param>
    /// <param name="b">The subtrahend.</param>
    /// <param name="result">(<paramref name="a"/> - <paramref name="b"/>) mod 2^256.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Subtract(in UInt256 a, in UInt256 b, out UInt256 result) => SubtractUnderflow(in a, in b, out result);

    /// <summary>Difference modulo 2^256, reporting whether <paramref name="b"/> exceeded <paramref name="a"/>.</summary>
    /// <param name="a">The minuend.</param>
    /// <param name="b">The subtrahend.</param>
    /// <param name="result">(<paramref name="a"/> - <paramref name="b"/>) mod 2^256.</param>
    /// <returns><see langword="true"/> when <paramref name="a"/> &lt; <paramref name="b"/> (the result wrapped).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SubtractUnderflow(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        var r0 = a.U0 - b.U0;
        var borrow = a.U0 < b.U0 ? 1UL : 0UL;
        var r1 = SubtractWithBorrow(a.U1, b.U1, ref borrow);
        var r2 = SubtractWithBorrow(a.U2, b.U2, ref borrow);
        var r3 = SubtractWithBorrow(a.U3, b.U3, ref borrow);
        result = new UInt256(r0, r1, r2, r3);
        return borrow != 0;
    }

    /// <summary>Product modulo 2^256 (MUL).</summary>
    /// <param name="a">The first factor.</param>
    /// <param name="b">The second factor.</param>
    /// <param name="result">(<paramref name="a"/> * <paramref name="b"/>) mod 2^256.</param>
    public static void Multiply(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        var aSmall = (a.U1 | a.U2 | a.U3) == 0;
        var bSmall = (b.U1 | b.U2 | b.U3) == 0;
        if (aSmall | bSmall)
        {
            if (aSmall & bSmall)
            {
                var hi = BigMul(a.U0, b.U0, out var lo);
                result = new UInt256(lo, hi, 0, 0);
                return;
            }

            if (aSmall)
            {
                MultiplyBy64(in b, a.U0, out result);
            }
            else
            {
                MultiplyBy64(in a, b.U0, out result);
            }

            return;
        }

        MultiplyLow(in a, in b, out result);
    }

    /// <summary>Product modulo 2^256, reporting whether the true product needed more than 256 bits.</summary>
    /// <param name="a">The first factor.</param>
    /// <param name="b">The second factor.</param>
    /// <param name="result">(<paramref name="a"/> * <paramref name="b"/>) mod 2^256.</param>
    /// <returns><see langword="true"/> when the product overflowed 256 bits.</returns>
    public static bool MultiplyOverflow(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        if ((a.U2 | a.U3 | b.U2 | b.U3) == 0)
        {
            // Two 128-bit factors never overflow.
            Multiply128(a.U0, a.U1, b.U0, b.U1, out result);
            return false;
        }

        MultiplyFull(in a, in b, out result, out var high);
        return !high.IsZero;
    }

    /// <summary>
    /// <paramref name="value"/> raised to <paramref name="exponent"/> modulo 2^256 (EXP), by squaring and
    /// multiplying over the exponent's bits. Zero to the power zero is one.
    /// </summary>
    /// <param name="value">The base.</param>
    /// <param name="exponent">The exponent.</param>
    /// <param name="result"><paramref name="value"/>^<paramref name="exponent"/> mod 2^256.</param>
    public static void Exp(in UInt256 value, in UInt256 exponent, out UInt256 result)
    {
        if (exponent.IsZero)
        {
            result = One;
            return;
        }

        if ((value.U1 | value.U2 | value.U3) == 0 && value.U0 <= 2)
        {
            if (value.U0 == 2)
            {
                // 2^e is a single bit; exponents of 256 and more shift it out.
                LeftShift(in One, in exponent, out result);
            }
            else
            {
                // 0^e = 0 and 1^e = 1 for e > 0.
                result = value;
            }

            return;
        }

        // Left to right: square the accumulator, then multiply by the base when the bit is set. The base
        // stays the original (often small) value, which takes the cheap 64-bit multiplication path.
        var bits = exponent.BitLength;
        var acc = value;
        for (var i = bits - 2; i >= 0; i--)
        {
            Square(in acc, out acc);
            if (((Limb(in exponent, i >> 6) >> (i & 63)) & 1) != 0)
            {
                Multiply(in acc, in value, out acc);
            }

            if (acc.IsZero)
            {
                // Once the accumulator wraps to zero it stays zero.
                break;
            }
        }

        result = acc;
    }

    /// <summary>Sum modulo 2^256.</summary>
    /// <param name="a">The first addend.</param>
    /// <param name="b">The second addend.</param>
    /// <returns>(<paramref name="a"/> + <paramref name="b"/>) mod 2^256.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator +(in UInt256 a, in UInt256 b)
    {
        Add(in a, in b, out var result);
        return result;
    }

    /// <summary>Difference modulo 2^256.</summary>
    /// <param name="a">The minuend.</param>
    /// <param name="b">The subtrahend.</param>
    /// <returns>(<paramref name="a"/> - <paramref name="b"/>) mod 2^256.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator -(in UInt256 a, in UInt256 b)
    {
        Subtract(in a, in b, out var result);
        return result;
    }

    /// <summary>Product modulo 2^256.</summary>
    /// <param name="a">The first factor.</param>
    /// <param name="b">The second factor.</param>
    /// <returns>(<paramref name="a"/> * <paramref name="b"/>) mod 2^256.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator *(in UInt256 a, in UInt256 b)
    {
        Multiply(in a, in b, out var result);
        return result;
    }

    /// <summary>Quotient rounded down; dividing by zero gives zero.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <returns><paramref name="a"/> / <paramref name="b"/>, or zero when <paramref name="b"/> is zero.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator /(in UInt256 a, in UInt256 b)
    {
        Divide(in a, in b, out var result);
        return result;
    }

    /// <summary>Remainder; modulo zero gives zero.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <returns><paramref name="a"/> mod <paramref name="b"/>, or zero when <paramref name="b"/> is zero.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator %(in UInt256 a, in UInt256 b)
    {
        Mod(in a, in b, out var result);
        return result;
    }

    /// <summary>Adds one modulo 2^256.</summary>
    /// <param name="value">The value.</param>
    /// <returns><paramref name="value"/> + 1, wrapping <see cref="MaxValue"/> to zero.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator ++(in UInt256 value)
    {
        Add(in value, in One, out var result);
        return result;
    }

    /// <summary>Subtracts one modulo 2^256.</summary>
    /// <param name="value">The value.</param>
    /// <returns><paramref name="value"/> - 1, wrapping zero to <see cref="MaxValue"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator --(in UInt256 value)
    {
        Subtract(in value, in One, out var result);
        return result;
    }

    /// <summary>Two's complement negation, 2^256 - value (zero stays zero).</summary>
    /// <param name="value">The value.</param>
    /// <returns>-<paramref name="value"/> mod 2^256.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator -(in UInt256 value)
    {
        Negate(in value, out var result);
        return result;
    }

    /// <summary>Returns the value unchanged.</summary>
    /// <param name="value">The value.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static UInt256 operator +(in UInt256 value) => value;

    /// <summary>The 128-bit product a * b: returns the high word, the low word goes to <paramref name="low"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong BigMul(ulong a, ulong b, out ulong low)
    {
        // Math.BigMul hands its low word back through memory, which puts a store and a reload on every
        // carry chain; a separate low multiplication stays in registers and runs in parallel.
        if (Bmi2.X64.IsSupported)
        {
            low = a * b;
            return Bmi2.X64.MultiplyNoFlags(a, b);
        }

        if (ArmBase.Arm64.IsSupported)
        {
            low = a * b;
            return ArmBase.Arm64.MultiplyHigh(a, b);
        }

        return Math.BigMul(a, b, out low);
    }

    /// <summary>a + b + carry-in, with the carry-out written back (carry is 0 or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AddWithCarry(ulong a, ulong b, ref ulong carry)
    {
        var sum = a + b;
        var result = sum + carry;
        carry = (sum < a ? 1UL : 0UL) | (result < sum ? 1UL : 0UL);
        return result;
    }

    /// <summary>a - b - borrow-in, with the borrow-out written back (borrow is 0 or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong SubtractWithBorrow(ulong a, ulong b, ref ulong borrow)
    {
        var difference = a - b;
        var result = difference - borrow;
        borrow = (a < b ? 1UL : 0UL) | (difference < borrow ? 1UL : 0UL);
        return result;
    }

    /// <summary>a * b + c, returning the high word; the low word goes to <paramref name="low"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MultiplyAdd(ulong a, ulong b, ulong c, out ulong low)
    {
        var high = BigMul(a, b, out var productLow);
        low = productLow + c;
        return high + (low < c ? 1UL : 0UL);
    }

    /// <summary>a * b + c + d (cannot overflow 128 bits), returning the high word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MultiplyAdd(ulong a, ulong b, ulong c, ulong d, out ulong low)
    {
        var high = BigMul(a, b, out var productLow);
        var sum = productLow + c;
        high += sum < c ? 1UL : 0UL;
        low = sum + d;
        return high + (low < d ? 1UL : 0UL);
    }

    /// <summary>value * factor modulo 2^256; the fifth limb is dropped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyBy64(in UInt256 value, ulong factor, out UInt256 result)
    {
        var carry = BigMul(value.U0, factor, out var r0);
        carry = MultiplyAdd(value.U1, factor, carry, out var r1);
        carry = MultiplyAdd(value.U2, factor, carry, out var r2);
        var r3 = (value.U3 * factor) + carry;
        result = new UInt256(r0, r1, r2, r3);
    }

    /// <summary>value * factor as five limbs: the low 256 bits and the carry-out limb.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MultiplyBy64Carry(in UInt256 value, ulong factor, out UInt256 result)
    {
        var carry = BigMul(value.U0, factor, out var r0);
        carry = MultiplyAdd(value.U1, factor, carry, out var r1);
        carry = MultiplyAdd(value.U2, factor, carry, out var r2);
        carry = MultiplyAdd(value.U3, factor, carry, out var r3);
        result = new UInt256(r0, r1, r2, r3);
        return carry;
    }

    /// <summary>The full product of two 128-bit values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Multiply128(ulong a0, ulong a1, ulong b0, ulong b1, out UInt256 result)
    {
        var carry = BigMul(a0, b0, out var r0);
        carry = MultiplyAdd(a0, b1, carry, out var r1);
        var r2 = carry;

        carry = MultiplyAdd(a1, b0, r1, out r1);
        carry = MultiplyAdd(a1, b1, r2, carry, out r2);
        result = new UInt256(r0, r1, r2, carry);
    }

    /// <summary>The low 256 bits of a product by schoolbook rows; products landing above bit 255 are skipped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyLow(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        // Row for a.U0.
        var carry = BigMul(a.U0, b.U0, out var r0);
        carry = MultiplyAdd(a.U0, b.U1, carry, out var r1);
        carry = MultiplyAdd(a.U0, b.U2, carry, out var r2);
        var r3 = (a.U0 * b.U3) + carry;

        // Row for a.U1.
        carry = MultiplyAdd(a.U1, b.U0, r1, out r1);
        carry = MultiplyAdd(a.U1, b.U1, r2, carry, out r2);
        r3 += (a.U1 * b.U2) + carry;

        // Row for a.U2.
        carry = MultiplyAdd(a.U2, b.U0, r2, out r2);
        r3 += (a.U2 * b.U1) + carry;

        // Row for a.U3.
        r3 += a.U3 * b.U0;
        result = new UInt256(r0, r1, r2, r3);
    }

    /// <summary>The low 256 bits of value squared: the cross products are computed once and doubled.</summary>
    private static void Square(in UInt256 a, out UInt256 result)
    {
        if ((a.U2 | a.U3) == 0)
        {
            Multiply128(a.U0, a.U1, a.U0, a.U1, out result);
            return;
        }

        // Cross products a_i * a_j (i < j) below 2^256, as a 256-bit value starting at limb 1.
        var carry = BigMul(a.U0, a.U1, out var c1);
        carry = MultiplyAdd(a.U0, a.U2, carry, out var c2);
        var c3 = (a.U0 * a.U3) + (a.U1 * a.U2) + carry;

        // Double the cross products (shift left by one bit; the bit above limb 3 wraps away).
        c3 = (c3 << 1) | (c2 >> 63);
        c2 = (c2 << 1) | (c1 >> 63);
        c1 <<= 1;

        // Add the squares a_0^2 and a_1^2 on the diagonal.
        var s0High = BigMul(a.U0, a.U0, out var r0);
        var s1High = BigMul(a.U1, a.U1, out var s1Low);
        var c = 0UL;
        var r1 = AddWithCarry(c1, s0High, ref c);
        var r2 = AddWithCarry(c2, s1Low, ref c);
        var r3 = c3 + s1High + c;
        result = new UInt256(r0, r1, r2, r3);
    }

    /// <summary>The full 512-bit product, as low and high halves.</summary>
    internal static void MultiplyFull(in UInt256 a, in UInt256 b, out UInt256 low, out UInt256 high)
    {
        var carry = BigMul(a.U0, b.U0, out var p0);
        carry = MultiplyAdd(a.U0, b.U1, carry, out var p1);
        carry = MultiplyAdd(a.U0, b.U2, carry, out var p2);
        var p4 = MultiplyAdd(a.U0, b.U3, carry, out var p3);

        carry = MultiplyAdd(a.U1, b.U0, p1, out p1);
        carry = MultiplyAdd(a.U1, b.U1, p2, carry, out p2);
        carry = MultiplyAdd(a.U1, b.U2, p3, carry, out p3);
        var p5 = MultiplyAdd(a.U1, b.U3, p4, carry, out p4);

        carry = MultiplyAdd(a.U2, b.U0, p2, out p2);
        carry = MultiplyAdd(a.U2, b.U1, p3, carry, out p3);
        carry = MultiplyAdd(a.U2, b.U2, p4, carry, out p4);
        var p6 = MultiplyAdd(a.U2, b.U3, p5, carry, out p5);

        carry = MultiplyAdd(a.U3, b.U0, p3, out p3);
        carry = MultiplyAdd(a.U3, b.U1, p4, carry, out p4);
        carry = MultiplyAdd(a.U3, b.U2, p5, carry, out p5);
        var p7 = MultiplyAdd(a.U3, b.U3, p6, carry, out p6);

        low = new UInt256(p0, p1, p2, p3);
        high = new UInt256(p4, p5, p6, p7);
    }
}
