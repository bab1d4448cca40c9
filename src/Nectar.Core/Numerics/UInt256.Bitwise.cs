using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Nectar.Core.Numerics;

public readonly partial struct UInt256
{
    /// <summary>The number of bits needed to write the value: 0 for zero, 256 when bit 255 is set.</summary>
    public int BitLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => U3 != 0 ? 256 - BitOperations.LeadingZeroCount(U3)
            : U2 != 0 ? 192 - BitOperations.LeadingZeroCount(U2)
            : U1 != 0 ? 128 - BitOperations.LeadingZeroCount(U1)
            : 64 - BitOperations.LeadingZeroCount(U0);
    }

    /// <summary>The minimal number of big-endian bytes that hold the value: 0 for zero (the RLP length).</summary>
    public int ByteLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (BitLength + 7) >> 3;
    }

    /// <summary>Bitwise AND.</summary>
    /// <param name="a">The first operand.</param>
    /// <param name="b">The second operand.</param>
    /// <param name="result"><paramref name="a"/> &amp; <paramref name="b"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void And(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            FromVector(AsVector(in a) & AsVector(in b), out result);
            return;
        }

        result = new UInt256(a.U0 & b.U0, a.U1 & b.U1, a.U2 & b.U2, a.U3 & b.U3);
    }

    /// <summary>Bitwise OR.</summary>
    /// <param name="a">The first operand.</param>
    /// <param name="b">The second operand.</param>
    /// <param name="result"><paramref name="a"/> | <paramref name="b"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Or(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            FromVector(AsVector(in a) | AsVector(in b), out result);
            return;
        }

        result = new UInt256(a.U0 | b.U0, a.U1 | b.U1, a.U2 | b.U2, a.U3 | b.U3);
    }

    /// <summary>Bitwise exclusive OR.</summary>
    /// <param name="a">The first operand.</param>
    /// <param name="b">The second operand.</param>
    /// <param name="result"><paramref name="a"/> ^ <paramref name="b"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Xor(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            FromVector(AsVector(in a) ^ AsVector(in b), out result);
            return;
        }

        result = new UInt256(a.U0 ^ b.U0, a.U1 ^ b.U1, a.U2 ^ b.U2, a.U3 ^ b.U3);
    }

    /// <summary>Bitwise complement (NOT).</summary>
    /// <param name="a">The operand.</param>
    /// <param name="result">~<paramref name="a"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Not(in UInt256 a, out UInt256 result)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            FromVector(~AsVector(in a), out result);
            return;
        }

        result = new UInt256(~a.U0, ~a.U1, ~a.U2, ~a.U3);
    }

    /// <summary>Left shift (SHL); shifting by 256 or more, or by a negative amount, gives zero.</summary>
    /// <param name="value">The value.</param>
    /// <param name="shift">The number of bits.</param>
    /// <param name="result"><paramref name="value"/> &lt;&lt; <paramref name="shift"/> mod 2^256.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LeftShift(in UInt256 value, int shift, out UInt256 result)
    {
        if ((uint)shift >= 256)
        {
            result = default;
            return;
        }

        // Shift bits within the limbs, then move whole limbs. (x >> 1) >> (63 - bits) is x >> (64 - bits)
        // that also gives zero when bits is zero, where a plain shift by 64 would not.
        var bits = shift & 63;
        var back = 63 - bits;
        var s0 = value.U0 << bits;
        var s1 = (value.U1 << bits) | ((value.U0 >> 1) >> back);
        var s2 = (value.U2 << bits) | ((value.U1 >> 1) >> back);
        var s3 = (value.U3 << bits) | ((value.U2 >> 1) >> back);
        result = (shift >> 6) switch
        {
            0 => new UInt256(s0, s1, s2, s3),
            1 => new UInt256(0, s0, s1, s2),
            2 => new UInt256(0, 0, s0, s1),
            _ => new UInt256(0, 0, 0, s0),
        };
    }

    /// <summary>Left shift (SHL) by a 256-bit amount; amounts of 256 or more give zero.</summary>
    /// <param name="value">The value.</param>
    /// <param name="shift">The number of bits.</param>
    /// <param name="result"><paramref name="value"/> &lt;&lt; <paramref name="shift"/> mod 2^256.</param>
    public static void LeftShift(in UInt256 value, in UInt256 shift, out UInt256 result) =>
        LeftShift(in value, ShiftAmount(in shift), out result);

    /// <summary>Logical right shift (SHR); shifting by 256 or more, or by a negative amount, gives zero.</summary>
    /// <param name="value">The value.</param>
    /// <param name="shift">The number of bits.</param>
    /// <param name="result"><paramref name="value"/> &gt;&gt; <paramref name="shift"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RightShift(in UInt256 value, int shift, out UInt256 result)
    {
        if ((uint)shift >= 256)
        {
            result = default;
            return;
        }

        var bits = shift & 63;
        var back = 63 - bits;
        var s0 = (value.U0 >> bits) | ((value.U1 << 1) << back);
        var s1 = (value.U1 >> bits) | ((value.U2 << 1) << back);
        var s2 = (value.U2 >> bits) | ((value.U3 << 1) << back);
        var s3 = value.U3 >> bits;
        result = (shift >> 6) switch
        {
            0 => new UInt256(s0, s1, s2, s3),
            1 => new UInt256(s1, s2, s3, 0),
            2 => new UInt256(s2, s3, 0, 0),
            _ => new UInt256(s3, 0, 0, 0),
        };
    }

    /// <summary>Logical right shift (SHR) by a 256-bit amount; amounts of 256 or more give zero.</summary>
    /// <param name="value">The value.</param>
    /// <param name="shift">The number of bits.</param>
    /// <param name="result"><paramref name="value"/> &gt;&gt; <paramref name="shift"/>.</param>
    public static void RightShift(in UInt256 value, in UInt256 shift, out UInt256 result) =>
        RightShift(in value, ShiftAmount(in shift), out result);

    /// <summary>
    /// The byte at <paramref name="index"/> counted from the most significant byte (BYTE): index 0 is
    /// bits 248 to 255, index 31 is bits 0 to 7; indexes outside 0 to 31 give zero.
    /// </summary>
    /// <param name="index">The index from the most significant byte.</param>
    /// <returns>The byte, or zero when the index is out of range.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Byte(int index)
    {
        if ((uint)index >= 32)
        {
            return 0;
        }

        var fromLeast = 31 - index;
        return (byte)(Limb(in this, fromLeast >> 3) >> ((fromLeast & 7) * 8));
    }

    /// <summary>
    /// The byte at a 256-bit <paramref name="index"/> counted from the most significant byte (BYTE);
    /// indexes of 32 and more give zero.
    /// </summary>
    /// <param name="index">The index from the most significant byte.</param>
    /// <returns>The byte, or zero when the index is out of range.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Byte(in UInt256 index) =>
        (index.U1 | index.U2 | index.U3) != 0 || index.U0 >= 32 ? (byte)0 : Byte((int)index.U0);

    /// <summary>Bitwise AND.</summary>
    /// <param name="a">The first operand.</param>
    /// <param name="b">The second operand.</param>
    /// <returns><paramref name="a"/> &amp; <paramref name="b"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator &(in UInt256 a, in UInt256 b)
    {
        And(in a, in b, out var result);
        return result;
    }

    /// <summary>Bitwise OR.</summary>
    /// <param name="a">The first operand.</param>
    /// <param name="b">The second operand.</param>
    /// <returns><paramref name="a"/> | <paramref name="b"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator |(in UInt256 a, in UInt256 b)
    {
        Or(in a, in b, out var result);
        return result;
    }

    /// <summary>Bitwise exclusive OR.</summary>
    /// <param name="a">The first operand.</param>
    /// <param name="b">The second operand.</param>
    /// <returns><paramref name="a"/> ^ <paramref name="b"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator ^(in UInt256 a, in UInt256 b)
    {
        Xor(in a, in b, out var result);
        return result;
    }

    /// <summary>Bitwise complement.</summary>
    /// <param name="a">The operand.</param>
    /// <returns>~<paramref name="a"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator ~(in UInt256 a)
    {
        Not(in a, out var result);
        return result;
    }

    /// <summary>Left shift with EVM semantics: 256 or more (or negative) gives zero, unlike C#'s masking of the count.</summary>
    /// <param name="value">The value.</param>
    /// <param name="shift">The number of bits.</param>
    /// <returns><paramref name="value"/> &lt;&lt; <paramref name="shift"/> mod 2^256.</returns>
    public static UInt256 operator <<(in UInt256 value, int shift)
    {
        LeftShift(in value, shift, out var result);
        return result;
    }

    /// <summary>Logical right shift with EVM semantics: 256 or more (or negative) gives zero, unlike C#'s masking of the count.</summary>
    /// <param name="value">The value.</param>
    /// <param name="shift">The number of bits.</param>
    /// <returns><paramref name="value"/> &gt;&gt; <paramref name="shift"/>.</returns>
    public static UInt256 operator >>(in UInt256 value, int shift)
    {
        RightShift(in value, shift, out var result);
        return result;
    }

    /// <summary>A 256-bit shift amount as an int, with every amount of 256 or more mapped to 256.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ShiftAmount(in UInt256 shift) =>
        (shift.U1 | shift.U2 | shift.U3) != 0 || shift.U0 >= 256 ? 256 : (int)shift.U0;
}
