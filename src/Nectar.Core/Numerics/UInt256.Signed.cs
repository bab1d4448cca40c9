using System.Runtime.CompilerServices;

namespace Nectar.Core.Numerics;

public readonly partial struct UInt256
{
    /// <summary>Whether the value is negative read as two's complement (bit 255 set).</summary>
    public bool IsNegative
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (long)U3 < 0;
    }

    /// <summary>Two's complement negation: 2^256 - value, with zero staying zero.</summary>
    /// <param name="value">The value.</param>
    /// <param name="result">-<paramref name="value"/> mod 2^256.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(in UInt256 value, out UInt256 result) => Subtract(in Zero, in value, out result);

    /// <summary>
    /// Signed quotient rounded toward zero (SDIV). Dividing by zero gives zero, and the one overflowing
    /// case, -2^255 / -1, gives -2^255.
    /// </summary>
    /// <param name="a">The dividend, two's complement.</param>
    /// <param name="b">The divisor, two's complement.</param>
    /// <param name="result">The quotient, two's complement.</param>
    public static void SignedDivide(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        if (b.IsZero)
        {
            result = default;
            return;
        }

        var aNegative = a.IsNegative;
        var bNegative = b.IsNegative;
        Abs(in a, aNegative, out var x);
        Abs(in b, bNegative, out var y);

        // -2^255 has no positive counterpart: its magnitude reads as 2^255 unsigned, and 2^255 / 1
        // negated twice is 2^255 again, which is the result the EVM requires.
        Divide(in x, in y, out var quotient);
        if (aNegative != bNegative)
        {
            Negate(in quotient, out result);
        }
        else
        {
            result = quotient;
        }
    }

    /// <summary>Signed remainder (SMOD): takes the sign of the dividend; modulo zero gives zero.</summary>
    /// <param name="a">The dividend, two's complement.</param>
    /// <param name="b">The divisor, two's complement.</param>
    /// <param name="result">The remainder, two's complement, with the sign of <paramref name="a"/>.</param>
    public static void SignedMod(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        if (b.IsZero)
        {
            result = default;
            return;
        }

        var aNegative = a.IsNegative;
        Abs(in a, aNegative, out var x);
        Abs(in b, b.IsNegative, out var y);
        Mod(in x, in y, out var remainder);
        if (aNegative)
        {
            Negate(in remainder, out result);
        }
        else
        {
            result = remainder;
        }
    }

    /// <summary>Orders two values read as two's complement (for SLT and SGT).</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns>Negative when <paramref name="a"/> is smaller, zero when equal, positive when larger.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SignedCompare(in UInt256 a, in UInt256 b)
    {
        // Only the top limb carries the sign; below it two's complement orders like unsigned.
        if (a.U3 != b.U3)
        {
            return (long)a.U3 < (long)b.U3 ? -1 : 1;
        }

        if (a.U2 != b.U2)
        {
            return a.U2 < b.U2 ? -1 : 1;
        }

        if (a.U1 != b.U1)
        {
            return a.U1 < b.U1 ? -1 : 1;
        }

        return a.U0 == b.U0 ? 0 : a.U0 < b.U0 ? -1 : 1;
    }

    /// <summary>
    /// Arithmetic right shift (SAR): shifts in copies of the sign bit. Shifting by 256 or more (or a
    /// negative amount) gives zero for non-negative values and all ones for negative values.
    /// </summary>
    /// <param name="value">The value, two's complement.</param>
    /// <param name="shift">The number of bits.</param>
    /// <param name="result">The shifted value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ArithmeticRightShift(in UInt256 value, int shift, out UInt256 result)
    {
        // For a negative value, shifting the complement and complementing back fills with ones; an XOR
        // with the sign mask does both without a branch (and 256 or more leaves just the mask).
        var sign = (ulong)((long)value.U3 >> 63);
        var flipped = new UInt256(value.U0 ^ sign, value.U1 ^ sign, value.U2 ^ sign, value.U3 ^ sign);
        RightShift(in flipped, shift, out var shifted);
        result = new UInt256(shifted.U0 ^ sign, shifted.U1 ^ sign, shifted.U2 ^ sign, shifted.U3 ^ sign);
    }

    /// <summary>
    /// Arithmetic right shift (SAR) by a 256-bit amount: amounts of 256 or more give zero for
    /// non-negative values and all ones for negative values.
    /// </summary>
    /// <param name="value">The value, two's complement.</param>
    /// <param name="shift">The number of bits.</param>
    /// <param name="result">The shifted value.</param>
    public static void ArithmeticRightShift(in UInt256 value, in UInt256 shift, out UInt256 result) =>
        ArithmeticRightShift(in value, ShiftAmount(in shift), out result);

    /// <summary>
    /// Sign extension from byte <paramref name="byteIndex"/> counted from the least significant byte
    /// (SIGNEXTEND): bit 8 * index + 7 is copied into every higher bit. Indexes of 31 and more leave the
    /// value unchanged.
    /// </summary>
    /// <param name="byteIndex">The index of the byte holding the sign bit.</param>
    /// <param name="value">The value to extend.</param>
    /// <param name="result">The sign-extended value.</param>
    public static void SignExtend(in UInt256 byteIndex, in UInt256 value, out UInt256 result)
    {
        if ((byteIndex.U1 | byteIndex.U2 | byteIndex.U3) != 0 || byteIndex.U0 >= 31)
        {
            result = value;
            return;
        }

        var signBit = ((int)byteIndex.U0 * 8) + 7;
        var limbIndex = signBit >> 6;
        var bitInLimb = signBit & 63;
        var negative = ((Limb(in value, limbIndex) >> bitInLimb) & 1) != 0;
        var fill = negative ? ulong.MaxValue : 0UL;

        // Keep bits up to and including the sign bit; bitInLimb = 63 makes the mask all ones.
        var keep = (2UL << bitInLimb) - 1;
        var keep0 = limbIndex > 0 ? ulong.MaxValue : keep;
        var keep1 = limbIndex > 1 ? ulong.MaxValue : limbIndex == 1 ? keep : 0UL;
        var keep2 = limbIndex > 2 ? ulong.MaxValue : limbIndex == 2 ? keep : 0UL;
        var keep3 = limbIndex == 3 ? keep : 0UL;
        result = new UInt256(
            (value.U0 & keep0) | (fill & ~keep0),
            (value.U1 & keep1) | (fill & ~keep1),
            (value.U2 & keep2) | (fill & ~keep2),
            (value.U3 & keep3) | (fill & ~keep3));
    }

    /// <summary>The magnitude of a two's complement value whose sign is already known.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Abs(in UInt256 value, bool negative, out UInt256 result)
    {
        if (negative)
        {
            Negate(in value, out result);
        }
        else
        {
            result = value;
        }
    }
}
