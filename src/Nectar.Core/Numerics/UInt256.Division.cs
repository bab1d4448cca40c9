using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

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

        // Leading steps whose partial dividend is below the divisor give a zero quotient limb and pass
        // the limb on as the remainder; skipping them makes 128- and 192-bit dividends cheaper.
        ulong q3 = 0, q2 = 0, r;
        if (u4 == 0 && u3 < d)
        {
            r = u3;
        }
        else
        {
            q3 = DivRem2By1(u4, u3, d, v, out r);
        }

        if (r == 0 && u2 < d)
        {
            r = u2;
        }
        else
        {
            q2 = DivRem2By1(r, u2, d, v, out r);
        }

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
        var shift = BitOperations.LeadingZeroCount(Limb(in b, divisorLimbs - 1));

        // Scratch layout: shifted dividend u[0..5), shifted divisor d[5..10) (its carry limb is zero),
        // quotient q[10..14).
        Unsafe.SkipInit(out Scratch scratch);
        ref var u = ref Unsafe.As<Scratch, ulong>(ref scratch);
        ref var d = ref Unsafe.Add(ref u, 5);
        ref var q = ref Unsafe.Add(ref u, 10);
        ShiftLeft(in a, shift, ref u);
        ShiftLeft(in b, shift, ref d);

        if (dividendLimbs == divisorLimbs)
        {
            // One quotient limb (the usual case for full-width operands): a single hardware 128-by-64
            // division of the top limbs estimates it at most two too large (Knuth's theorem B), which
            // is cheaper than computing the 3-by-2 reciprocal for one step.
            var n = divisorLimbs;
            var top = Unsafe.Add(ref u, n);
            var qhat = (ulong)(new UInt128(top, Unsafe.Add(ref u, n - 1)) / Unsafe.Add(ref d, n - 1));
            var high = top - SubtractMultiple(ref u, ref d, n, qhat);
            while (high != 0)
            {
                // The partial remainder went negative: add the divisor back until the top limb clears.
                qhat--;
                high += AddInPlace(ref u, ref d, n);
            }

            var rest = ShiftRightRemainder(ref u, n, shift);
            quotient = new UInt256(qhat);
            remainder = rest;
            return;
        }

        Unsafe.As<ulong, UInt256>(ref q) = default;

        DivRemNormalized(ref u, dividendLimbs + 1, ref d, divisorLimbs, ref q);

        // Both outputs are computed before either is written: they may share storage with the inputs.
        var rem = ShiftRightRemainder(ref u, divisorLimbs, shift);
        quotient = Unsafe.As<ulong, UInt256>(ref q);
        remainder = rem;
    }

    /// <summary>
    /// The remainder of a long dividend (up to eight limbs, little-endian) by a nonzero divisor: the
    /// shared back end of AddMod and MulMod, whose intermediates are 257 and 512 bits wide.
    /// </summary>
    private static void RemainderOfWide(in Wide dividend, in UInt256 divisor, out UInt256 remainder)
    {
        ref var source = ref Unsafe.As<Wide, ulong>(ref Unsafe.AsRef(in dividend));
        var dividendLimbs = 8;
        while (dividendLimbs > 0 && Unsafe.Add(ref source, dividendLimbs - 1) == 0)
        {
            dividendLimbs--;
        }

        var divisorLimbs = divisor.U3 != 0 ? 4 : divisor.U2 != 0 ? 3 : divisor.U1 != 0 ? 2 : 1;
        if (dividendLimbs <= 4 && (dividendLimbs < divisorLimbs || LessThan(in dividend.Low, in divisor)))
        {
            remainder = dividend.Low;
            return;
        }

        var shift = BitOperations.LeadingZeroCount(Limb(in divisor, divisorLimbs - 1));
        var back = 63 - shift;
        if (divisorLimbs == 1)
        {
            var d = divisor.U0 << shift;
            var v = Reciprocal2By1(d);
            var r = (Unsafe.Add(ref source, dividendLimbs - 1) >> 1) >> back;
            for (var i = dividendLimbs - 1; i >= 0; i--)
            {
                var limb = Unsafe.Add(ref source, i) << shift;
                if (i > 0)
                {
                    limb |= (Unsafe.Add(ref source, i - 1) >> 1) >> back;
                }

                DivRem2By1(r, limb, d, v, out r);
            }

            remainder = new UInt256(r >> shift);
            return;
        }

        // Scratch layout: shifted dividend u[0..9), shifted divisor d[9..14) (its carry limb is zero),
        // quotient q[14..21).
        Unsafe.SkipInit(out Scratch scratch);
        ref var u = ref Unsafe.As<Scratch, ulong>(ref scratch);
        ref var divisorShifted = ref Unsafe.Add(ref u, 9);
        ref var q = ref Unsafe.Add(ref u, 14);
        var previous = 0UL;
        for (var i = 0; i < dividendLimbs; i++)
        {
            var limb = Unsafe.Add(ref source, i);
            Unsafe.Add(ref u, i) = (limb << shift) | ((previous >> 1) >> back);
            previous = limb;
        }

        Unsafe.Add(ref u, dividendLimbs) = (previous >> 1) >> back;
        ShiftLeft(in divisor, shift, ref divisorShifted);
        if (divisorLimbs == 4)
        {
            RemainderNormalized4(ref u, dividendLimbs + 1, ref divisorShifted);
        }
        else
        {
            DivRemNormalized(ref u, dividendLimbs + 1, ref divisorShifted, divisorLimbs, ref q);
        }

        remainder = ShiftRightRemainder(ref u, divisorLimbs, shift);
    }

    /// <summary>
    /// Algorithm D specialised to a four-limb divisor when only the remainder is wanted (MULMOD and
    /// ADDMOD with a full-width modulus): the five-limb window lives in locals, so the steps run in
    /// registers instead of through memory. On return u[0..4) holds the shifted remainder.
    /// </summary>
    private static void RemainderNormalized4(ref ulong u, int uLength, ref ulong d)
    {
        var d0 = d;
        var d1 = Unsafe.Add(ref d, 1);
        var d2 = Unsafe.Add(ref d, 2);
        var d3 = Unsafe.Add(ref d, 3);
        var v = Reciprocal3By2(d3, d2);

        var j = uLength - 5;
        var w4 = Unsafe.Add(ref u, j + 4);
        var w3 = Unsafe.Add(ref u, j + 3);
        var w2 = Unsafe.Add(ref u, j + 2);
        var w1 = Unsafe.Add(ref u, j + 1);
        var w0 = Unsafe.Add(ref u, j);
        while (true)
        {
            if (w4 == d3 && w3 == d2)
            {
                // Quotient limb 2^64 - 1 (see DivRemNormalized); rare, so it goes through memory.
                ref var window = ref Unsafe.Add(ref u, j);
                window = w0;
                Unsafe.Add(ref window, 1) = w1;
                Unsafe.Add(ref window, 2) = w2;
                Unsafe.Add(ref window, 3) = w3;
                SubtractMultiple(ref window, ref d, 4, ulong.MaxValue);
                w0 = window;
                w1 = Unsafe.Add(ref window, 1);
                w2 = Unsafe.Add(ref window, 2);
                w3 = Unsafe.Add(ref window, 3);
            }
            else
            {
                // The 3-by-2 step of DivRem3By2 and the subtraction of qhat * (d1, d0), written out with
                // plain expressions: out and ref helpers in a loop this size make the JIT keep their
                // locals in memory.
                var q1 = MultiplyHigh(v, w4) + w4;
                var q0 = (v * w4) + w3;
                q1 += q0 < w3 ? 1UL : 0UL;

                // (s1, s0) = (w3 - q1 * d1, w2) - q1 * d0 - (d3, d2) modulo 2^128; here d3:d2 is the
                // top of the divisor, so (d1, d0) of the 3-by-2 step are d3 and d2.
                var t1 = MultiplyHigh(d2, q1);
                var t0 = d2 * q1;
                var s0 = w2 - t0;
                var s1 = w3 - (q1 * d3) - t1 - (w2 < t0 ? 1UL : 0UL);
                s1 = s1 - d3 - (s0 < d2 ? 1UL : 0UL);
                s0 -= d2;
                q1++;
                var mask = 0UL - (s1 >= q0 ? 1UL : 0UL);
                q1 += mask;
                var addLow = mask & d2;
                s0 += addLow;
                s1 += (mask & d3) + (s0 < addLow ? 1UL : 0UL);
                if (s1 > d3 || (s1 == d3 && s0 >= d2))
                {
                    q1++;
                    s1 = s1 - d3 - (s0 < d2 ? 1UL : 0UL);
                    s0 -= d2;
                }

                // (s1, s0, w1, w0) -= q1 * (d1, d0), a three-limb product (p2, p1, p0).
                var p0 = q1 * d0;
                var h0 = MultiplyHigh(q1, d0);
                var p1 = (q1 * d1) + h0;
                var p2 = MultiplyHigh(q1, d1) + (p1 < h0 ? 1UL : 0UL);
                var b0 = w0 < p0 ? 1UL : 0UL;
                w0 -= p0;
                var x1 = w1 - p1;
                var b1 = (w1 < p1 ? 1UL : 0UL) | (x1 < b0 ? 1UL : 0UL);
                w1 = x1 - b0;
                var x2 = s0 - p2;
                var b2 = (s0 < p2 ? 1UL : 0UL) | (x2 < b1 ? 1UL : 0UL);
                s0 = x2 - b1;
                var negative = s1 < b2;
                s1 -= b2;
                if (negative)
                {
                    // The estimate was one too large: add the divisor back once (the carry cancels the borrow).
                    var carry = 0UL;
                    w0 = AddWithCarry(w0, d0, ref carry);
                    w1 = AddWithCarry(w1, d1, ref carry);
                    s0 = AddWithCarry(s0, d2, ref carry);
                    s1 = AddWithCarry(s1, d3, ref carry);
                }

                w3 = s1;
                w2 = s0;
            }

            if (j == 0)
            {
                u = w0;
                Unsafe.Add(ref u, 1) = w1;
                Unsafe.Add(ref u, 2) = w2;
                Unsafe.Add(ref u, 3) = w3;
                return;
            }

            // Slide the window down one limb: the remainder becomes its top four limbs.
            j--;
            w4 = w3;
            w3 = w2;
            w2 = w1;
            w1 = w0;
            w0 = Unsafe.Add(ref u, j);
        }
    }

    /// <summary>
    /// The core of Knuth's algorithm D. <paramref name="u"/> is the shifted dividend with one extra top
    /// limb (<paramref name="uLength"/> limbs in all) and <paramref name="d"/> the shifted divisor
    /// (<paramref name="n"/> &gt;= 2 limbs, top bit set). Each quotient limb is estimated from the top
    /// three dividend limbs and top two divisor limbs by a 3-by-2 division (Möller and Granlund), which is
    /// exact or one too large, so at most one add-back follows. On return the low <paramref name="n"/>
    /// limbs of <paramref name="u"/> hold the shifted remainder; the limbs above them are left stale.
    /// </summary>
    private static void DivRemNormalized(ref ulong u, int uLength, ref ulong d, int n, ref ulong quotient)
    {
        var d1 = Unsafe.Add(ref d, n - 1);
        var d0 = Unsafe.Add(ref d, n - 2);
        var v = Reciprocal3By2(d1, d0);

        // The top two limbs of each window are the remainder limbs the previous step computed, so they
        // stay in registers instead of going through memory.
        var top = Unsafe.Add(ref u, uLength - 1);
        var next = Unsafe.Add(ref u, uLength - 2);
        for (var j = uLength - n - 1; j >= 0; j--)
        {
            ref var window = ref Unsafe.Add(ref u, j);
            var low = Unsafe.Add(ref window, n - 2);
            ulong qhat;
            if (top == d1 && next == d0)
            {
                // The top two limbs match the divisor's: the quotient limb is exactly 2^64 - 1 here,
                // and the 3-by-2 step cannot take this input.
                qhat = ulong.MaxValue;
                SubtractMultiple(ref window, ref d, n, qhat);
                top = Unsafe.Add(ref window, n - 1);
                next = Unsafe.Add(ref window, n - 2);
            }
            else
            {
                qhat = DivRem3By2(top, next, low, d1, d0, v, out var r1, out var r0);
                if (n > 2)
                {
                    var borrow = SubtractMultiple(ref window, ref d, n - 2, qhat);
                    var borrowOut = r0 < borrow ? 1UL : 0UL;
                    r0 -= borrow;
                    var negative = r1 < borrowOut;
                    r1 -= borrowOut;
                    if (negative)
                    {
                        // The estimate was one too large: add the divisor back once.
                        qhat--;
                        Unsafe.Add(ref window, n - 2) = r0;
                        Unsafe.Add(ref window, n - 1) = r1;
                        AddInPlace(ref window, ref d, n);
                        r0 = Unsafe.Add(ref window, n - 2);
                        r1 = Unsafe.Add(ref window, n - 1);
                    }
                }

                Unsafe.Add(ref window, n - 2) = r0;
                Unsafe.Add(ref window, n - 1) = r1;
                top = r1;
                next = r0;
            }

            Unsafe.Add(ref quotient, j) = qhat;
        }
    }

    /// <summary>x -= y * multiplier over <paramref name="count"/> limbs; returns the limb borrowed out of the top.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SubtractMultiple(ref ulong x, ref ulong y, int count, ulong multiplier)
    {
        var borrow = 0UL;
        for (var i = 0; i < count; i++)
        {
            var high = MultiplyAdd(Unsafe.Add(ref y, i), multiplier, borrow, out var low);
            ref var xi = ref Unsafe.Add(ref x, i);
            var before = xi;
            xi = before - low;
            borrow = high + (before < low ? 1UL : 0UL);
        }

        return borrow;
    }

    /// <summary>x += y over <paramref name="count"/> limbs; returns the carry out of the top (it cancels an earlier borrow).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong AddInPlace(ref ulong x, ref ulong y, int count)
    {
        var carry = 0UL;
        for (var i = 0; i < count; i++)
        {
            ref var xi = ref Unsafe.Add(ref x, i);
            xi = AddWithCarry(xi, Unsafe.Add(ref y, i), ref carry);
        }

        return carry;
    }

    /// <summary>Writes value shifted left by <paramref name="shift"/> (0 to 63) bits as five limbs (the fifth is the carry).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ShiftLeft(in UInt256 value, int shift, ref ulong destination)
    {
        // (x >> 1) >> (63 - shift) is x >> (64 - shift) that also gives zero when shift is zero.
        var back = 63 - shift;
        destination = value.U0 << shift;
        Unsafe.Add(ref destination, 1) = (value.U1 << shift) | ((value.U0 >> 1) >> back);
        Unsafe.Add(ref destination, 2) = (value.U2 << shift) | ((value.U1 >> 1) >> back);
        Unsafe.Add(ref destination, 3) = (value.U3 << shift) | ((value.U2 >> 1) >> back);
        Unsafe.Add(ref destination, 4) = (value.U3 >> 1) >> back;
    }

    /// <summary>The low <paramref name="n"/> limbs (2 to 4) of a shifted remainder, shifted back right.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UInt256 ShiftRightRemainder(ref ulong u, int n, int shift)
    {
        var r0 = u;
        var r1 = Unsafe.Add(ref u, 1);
        var r2 = n > 2 ? Unsafe.Add(ref u, 2) : 0;
        var r3 = n > 3 ? Unsafe.Add(ref u, 3) : 0;
        var forward = 63 - shift;
        return new UInt256(
            (r0 >> shift) | ((r1 << 1) << forward),
            (r1 >> shift) | ((r2 << 1) << forward),
            (r2 >> shift) | ((r3 << 1) << forward),
            r3 >> shift);
    }

    /// <summary>
    /// The reciprocal of a normalized divisor (top bit set): floor((2^128 - 1) / d) - 2^64. It turns each
    /// 128-by-64 division into two multiplications.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Reciprocal2By1(ulong d) => (ulong)(new UInt128(~d, ulong.MaxValue) / d);

    /// <summary>The high word of the 128-bit product a * b (the low word is a plain a * b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MultiplyHigh(ulong a, ulong b)
    {
        if (Bmi2.X64.IsSupported)
        {
            return Bmi2.X64.MultiplyNoFlags(a, b);
        }

        if (ArmBase.Arm64.IsSupported)
        {
            return ArmBase.Arm64.MultiplyHigh(a, b);
        }

        return Math.BigMul(a, b, out _);
    }

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

        var t1 = BigMul(v, d0, out var t0);
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
        var q1 = BigMul(v, u1, out var q0);
        q0 += u0;
        q1 += u1 + (q0 < u0 ? 1UL : 0UL);
        q1++;
        var r = u0 - (q1 * d);

        // This correction is taken about half the time, so it is done with a mask instead of a branch
        // the processor would mispredict.
        var mask = 0UL - (r > q0 ? 1UL : 0UL);
        q1 += mask;
        r += mask & d;

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
        var q1 = BigMul(v, u2, out var q0);
        q0 += u1;
        q1 += u2 + (q0 < u1 ? 1UL : 0UL);

        // (r1, r0) = (u1 - q1 * d1, u0) - q1 * d0 - d, all modulo 2^128.
        var high = u1 - (q1 * d1);
        var t1 = BigMul(d0, q1, out var t0);
        var low = u0 - t0;
        high = high - t1 - (u0 < t0 ? 1UL : 0UL);
        var borrow = low < d0 ? 1UL : 0UL;
        low -= d0;
        high = high - d1 - borrow;
        q1++;

        // Taken about half the time: a mask, not a branch (see DivRem2By1).
        var mask = 0UL - (high >= q0 ? 1UL : 0UL);
        q1 += mask;
        var addLow = mask & d0;
        low += addLow;
        high += (mask & d1) + (low < addLow ? 1UL : 0UL);

        if (high > d1 || (high == d1 && low >= d0))
        {
            q1++;
            high = high - d1 - (low < d0 ? 1UL : 0UL);
            low -= d0;
        }

        r1 = high;
        r0 = low;
        return q1;
    }

    /// <summary>Room for a shifted dividend of up to nine limbs, a divisor of five and a quotient of up to seven.</summary>
    [InlineArray(21)]
    private struct Scratch
    {
        private ulong _element;
    }

    /// <summary>A 512-bit intermediate as two halves, laid out as eight little-endian limbs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Wide
    {
        public UInt256 Low;
        public UInt256 High;
    }
}
