using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nectar.Core.Numerics;

public readonly partial struct UInt256
{
    /// <summary>Quotient rounded down (DIV); dividing by zero gives zero.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <param name="result"><paramref name="a"/> / <paramref name="b"/>, or zero when <paramref name="b"/> is zero.</param>
    public static void Divide(in UInt256 a, in UInt256 b, out UInt256 result) => DivRem(in a, in b, out result, out _);

    /// <summary>Remainder (MOD); modulo zero gives zero.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <param name="result"><paramref name="a"/> mod <paramref name="b"/>, or zero when <paramref name="b"/> is zero.</param>
    public static void Mod(in UInt256 a, in UInt256 b, out UInt256 result) => DivRem(in a, in b, out _, out result);

    /// <summary>Quotient and remainder in one division; a zero divisor gives zero for both.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <param name="quotient"><paramref name="a"/> / <paramref name="b"/>, or zero when <paramref name="b"/> is zero.</param>
    /// <param name="remainder"><paramref name="a"/> mod <paramref name="b"/>, or zero when <paramref name="b"/> is zero.</param>
    public static void DivRem(in UInt256 a, in UInt256 b, out UInt256 quotient, out UInt256 remainder)
    {
        if ((b.U1 | b.U2 | b.U3) == 0)
        {
            var divisor = b.U0;
            if (divisor == 0)
            {
                quotient = default;
                remainder = default;
                return;
            }

            if ((a.U1 | a.U2 | a.U3) == 0)
            {
                var (q, r) = Math.DivRem(a.U0, divisor);
                quotient = new UInt256(q);
                remainder = new UInt256(r);
                return;
            }

            var rem = DivRemBy64(in a, divisor, out quotient);
            remainder = new UInt256(rem);
            return;
        }

        if (LessThan(in a, in b))
        {
            // Copy first: the quotient may share storage with the dividend.
            var copy = a;
            quotient = default;
            remainder = copy;
            return;
        }

        DivRemLarge(in a, in b, out quotient, out remainder);
    }

    /// <summary>Divides by a nonzero 64-bit divisor, four limbs at a time of 128-by-64 division.</summary>
    /// <returns>The remainder.</returns>
    private static ulong DivRemBy64(in UInt256 a, ulong divisor, out UInt256 quotient)
    {
        var shift = BitOperations.LeadingZeroCount(divisor);
        var d = divisor << shift;
        var v = Reciprocal2By1(d);

        // The dividend shifted by the same amount; (x >> 1) >> (63 - shift) is x >> (64 - shift) that
        // also gives zero when shift is zero.
        var back = 63 - shift;
        var u4 = (a.U3 >> 1) >> back;
        var u3 = (a.U3 << shift) | ((a.U2 >> 1) >> back);
        var u2 = (a.U2 << shift) | ((a.U1 >> 1) >> back);
        var u1 = (a.U1 << shift) | ((a.U0 >> 1) >> back);
        var u0 = a.U0 << shift;

        var q3 = DivRem2By1(u4, u3, d, v, out var r);
        var q2 = DivRem2By1(r, u2, d, v, out r);
        var q1 = DivRem2By1(r, u1, d, v, out r);
        var q0 = DivRem2By1(r, u0, d, v, out r);
        quotient = new UInt256(q0, q1, q2, q3);
        return r >> shift;
    }

    /// <summary>Knuth's algorithm D for a divisor of two to four limbs and a dividend at least as large.</summary>
    private static void DivRemLarge(in UInt256 a, in UInt256 b, out UInt256 quotient, out UInt256 remainder)
    {
        var dividendLimbs = a.U3 != 0 ? 4 : a.U2 != 0 ? 3 : 2;
        var divisorLimbs = b.U3 != 0 ? 4 : b.U2 != 0 ? 3 : 2;

        Unsafe.SkipInit(out Scratch buffer);
        Span<ulong> scratch = buffer;
        var u = scratch[..(dividendLimbs + 1)];
        var d = scratch.Slice(5, divisorLimbs);
        var q = scratch.Slice(9, 4);
        q.Clear();
        var shift = BitOperations.LeadingZeroCount(Limb(in b, divisorLimbs - 1));
        ShiftLeftInto(Limbs(in a)[..dividendLimbs], shift, u);
        ShiftLeftInto(Limbs(in b)[..divisorLimbs], shift, d, dropsCarry: true);
        DivRemNormalized(u, d, q);

        // Both outputs are computed before either is written: they may share storage with the inputs.
        var rem = ShiftRightToValue(u[..divisorLimbs], shift);
        quotient = ToValue(q);
        remainder = rem;
    }

    /// <summary>
    /// The remainder of a long dividend (up to eight limbs, little-endian) by a nonzero divisor: the
    /// shared back end of AddMod and MulMod, whose intermediates are 257 and 512 bits wide.
    /// </summary>
    private static void RemainderOfLimbs(ReadOnlySpan<ulong> dividend, in UInt256 divisor, out UInt256 remainder)
    {
        var dividendLimbs = dividend.Length;
        while (dividendLimbs > 0 && dividend[dividendLimbs - 1] == 0)
        {
            dividendLimbs--;
        }

        dividend = dividend[..dividendLimbs];
        var divisorLimbs = divisor.U3 != 0 ? 4 : divisor.U2 != 0 ? 3 : divisor.U1 != 0 ? 2 : 1;
        if (dividendLimbs < divisorLimbs)
        {
            remainder = ToValue(dividend);
            return;
        }

        var shift = BitOperations.LeadingZeroCount(Limb(in divisor, divisorLimbs - 1));
        if (divisorLimbs == 1)
        {
            var d = divisor.U0 << shift;
            var v = Reciprocal2By1(d);
            var back = 63 - shift;
            var r = (dividend[^1] >> 1) >> back;
            for (var i = dividendLimbs - 1; i >= 0; i--)
            {
                var limb = dividend[i] << shift;
                if (i > 0)
                {
                    limb |= (dividend[i - 1] >> 1) >> back;
                }

                DivRem2By1(r, limb, d, v, out r);
            }

            remainder = new UInt256(r >> shift);
            return;
        }

        Unsafe.SkipInit(out Scratch buffer);
        Span<ulong> scratch = buffer;
        var u = scratch[..(dividendLimbs + 1)];
        var divisorShifted = scratch.Slice(dividendLimbs + 1, divisorLimbs);
        var quotient = scratch[(dividendLimbs + 1 + divisorLimbs)..];
        ShiftLeftInto(dividend, shift, u);
        ShiftLeftInto(Limbs(in divisor)[..divisorLimbs], shift, divisorShifted, dropsCarry: true);
        DivRemNormalized(u, divisorShifted, quotient);
        remainder = ShiftRightToValue(u[..divisorLimbs], shift);
    }

    /// <summary>
    /// The core of Knuth's algorithm D. <paramref name="u"/> is the shifted dividend with one extra top
    /// limb and <paramref name="d"/> the shifted divisor (two or more limbs, top bit set). Each quotient
    /// limb is estimated from the top three dividend limbs and top two divisor limbs by a 3-by-2 division
    /// (Möller and Granlund), which is exact or one too large, so at most one add-back follows. On return
    /// the low <c>d.Length</c> limbs of <paramref name="u"/> hold the shifted remainder.
    /// </summary>
    private static void DivRemNormalized(Span<ulong> u, ReadOnlySpan<ulong> d, Span<ulong> quotient)
    {
        var n = d.Length;
        var d1 = d[n - 1];
        var d0 = d[n - 2];
        var v = Reciprocal3By2(d1, d0);
        var low = d[..(n - 2)];

        for (var j = u.Length - n - 1; j >= 0; j--)
        {
            var u2 = u[j + n];
            var u1 = u[j + n - 1];
            var u0 = u[j + n - 2];
            ulong qhat;
            if (u2 == d1 && u1 == d0)
            {
                // The top two limbs match the divisor's: the quotient limb is exactly 2^64 - 1 here,
                // and the 3-by-2 step cannot take this input.
                qhat = ulong.MaxValue;
                SubtractMultiple(u.Slice(j, n), d, qhat);
            }
            else
            {
                qhat = DivRem3By2(u2, u1, u0, d1, d0, v, out var r1, out var r0);
                var borrow = SubtractMultiple(u.Slice(j, n - 2), low, qhat);
                var borrowOut = r0 < borrow ? 1UL : 0UL;
                u[j + n - 2] = r0 - borrow;
                u[j + n - 1] = r1 - borrowOut;
                if (r1 < borrowOut)
                {
                    // The estimate was one too large: add the divisor back once.
                    qhat--;
                    AddInPlace(u.Slice(j, n), d);
                }
            }

            if (j < quotient.Length)
            {
                quotient[j] = qhat;
            }
        }
    }

    /// <summary>x -= y * multiplier over y.Length limbs; returns the limb borrowed out of the top.</summary>
    private static ulong SubtractMultiple(Span<ulong> x, ReadOnlySpan<ulong> y, ulong multiplier)
    {
        var borrow = 0UL;
        for (var i = 0; i < y.Length; i++)
        {
            var high = MultiplyAdd(y[i], multiplier, borrow, out var low);
            var xi = x[i];
            x[i] = xi - low;
            borrow = high + (xi < low ? 1UL : 0UL);
        }

        return borrow;
    }

    /// <summary>x += y over y.Length limbs; the carry out of the top is dropped (it cancels an earlier borrow).</summary>
    private static void AddInPlace(Span<ulong> x, ReadOnlySpan<ulong> y)
    {
        var carry = 0UL;
        for (var i = 0; i < y.Length; i++)
        {
            x[i] = AddWithCarry(x[i], y[i], ref carry);
        }
    }

    /// <summary>Writes source shifted left by <paramref name="shift"/> (0 to 63) bits into destination, with the carry limb on top.</summary>
    private static void ShiftLeftInto(ReadOnlySpan<ulong> source, int shift, Span<ulong> destination, bool dropsCarry = false)
    {
        var back = 63 - shift;
        var previous = 0UL;
        for (var i = 0; i < source.Length; i++)
        {
            var limb = source[i];
            destination[i] = (limb << shift) | ((previous >> 1) >> back);
            previous = limb;
        }

        if (!dropsCarry)
        {
            destination[source.Length] = (previous >> 1) >> back;
        }
    }

    /// <summary>The value of up to four limbs shifted right by <paramref name="shift"/> (0 to 63) bits.</summary>
    private static UInt256 ShiftRightToValue(ReadOnlySpan<ulong> limbs, int shift)
    {
        var value = default(UInt256);
        var destination = MemoryMarshal.CreateSpan(ref Unsafe.AsRef(in value.U0), 4);
        var forward = 63 - shift;
        for (var i = 0; i < limbs.Length; i++)
        {
            var next = i + 1 < limbs.Length ? limbs[i + 1] : 0;
            destination[i] = (limbs[i] >> shift) | ((next << 1) << forward);
        }

        return value;
    }

    /// <summary>The value of up to four limbs.</summary>
    private static UInt256 ToValue(ReadOnlySpan<ulong> limbs)
    {
        var value = default(UInt256);
        limbs.CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.AsRef(in value.U0), 4));
        return value;
    }

    /// <summary>The four limbs of a value as a read-only span over its storage.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<ulong> Limbs(in UInt256 value) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in value.U0), 4);

    /// <summary>
    /// The reciprocal of a normalized divisor (top bit set): floor((2^128 - 1) / d) - 2^64. It turns each
    /// 128-by-64 division into two multiplications.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Reciprocal2By1(ulong d) => (ulong)(new UInt128(~d, ulong.MaxValue) / d);

    /// <summary>
    /// The reciprocal of a normalized two-limb divisor (d1 has its top bit set): floor((2^192 - 1) / d) - 2^64,
    /// refined from the one-limb reciprocal of d1 (Möller and Granlund, algorithm 6).
    /// </summary>
    internal static ulong Reciprocal3By2(ulong d1, ulong d0)
    {
        var v = Reciprocal2By1(d1);
        var p = (d1 * v) + d0;
        if (p < d0)
        {
            v--;
            if (p >= d1)
            {
                v--;
                p -= d1;
            }

            p -= d1;
        }

        var t1 = Math.BigMul(v, d0, out var t0);
        p += t1;
        if (p < t1)
        {
            v--;
            if (p > d1 || (p == d1 && t0 >= d0))
            {
                v--;
            }
        }

        return v;
    }

    /// <summary>
    /// (u1, u0) divided by a normalized d with its reciprocal v, where u1 &lt; d (Möller and Granlund,
    /// algorithm 4). Returns the quotient limb.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong DivRem2By1(ulong u1, ulong u0, ulong d, ulong v, out ulong remainder)
    {
        var q1 = Math.BigMul(v, u1, out var q0);
        q0 += u0;
        q1 += u1 + (q0 < u0 ? 1UL : 0UL);
        q1++;
        var r = u0 - (q1 * d);
        if (r > q0)
        {
            q1--;
            r += d;
        }

        if (r >= d)
        {
            q1++;
            r -= d;
        }

        remainder = r;
        return q1;
    }

    /// <summary>
    /// (u2, u1, u0) divided by a normalized (d1, d0) with its 3-by-2 reciprocal v, where (u2, u1) &lt;
    /// (d1, d0) (Möller and Granlund, algorithm 5). Returns the quotient limb; the remainder is (r1, r0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong DivRem3By2(ulong u2, ulong u1, ulong u0, ulong d1, ulong d0, ulong v, out ulong r1, out ulong r0)
    {
        var q1 = Math.BigMul(v, u2, out var q0);
        q0 += u1;
        q1 += u2 + (q0 < u1 ? 1UL : 0UL);

        var divisor = new UInt128(d1, d0);
        var t = Math.BigMul(d0, q1);
        var r = new UInt128(u1 - (q1 * d1), u0) - t - divisor;
        q1++;

        if ((ulong)(r >> 64) >= q0)
        {
            q1--;
            r += divisor;
        }

        if (r >= divisor)
        {
            q1++;
            r -= divisor;
        }

        r1 = (ulong)(r >> 64);
        r0 = (ulong)r;
        return q1;
    }

    /// <summary>Room for a shifted dividend of up to nine limbs, a divisor of four and a quotient.</summary>
    [InlineArray(18)]
    private struct Scratch
    {
        private ulong _element;
    }
}
