using System.Runtime.CompilerServices;

namespace Nectar.Crypto.Bls12381;

/// <content>Addition, subtraction and Montgomery multiplication.</content>
public readonly partial struct Fp
{
    /// <summary>Sum modulo p.</summary>
    public static Fp operator +(in Fp a, in Fp b)
    {
        Add(in a, in b, out var r);
        return r;
    }

    /// <summary>Difference modulo p.</summary>
    public static Fp operator -(in Fp a, in Fp b)
    {
        Sub(in a, in b, out var r);
        return r;
    }

    /// <summary>Product modulo p.</summary>
    public static Fp operator *(in Fp a, in Fp b)
    {
        Mul(in a, in b, out var r);
        return r;
    }

    /// <summary>Additive inverse modulo p.</summary>
    public static Fp operator -(in Fp a)
    {
        Neg(in a, out var r);
        return r;
    }

    /// <summary>This element squared.</summary>
    public Fp Square()
    {
        Mul(in this, in this, out var r);
        return r;
    }

    /// <summary>This element doubled.</summary>
    public Fp Double()
    {
        Add(in this, in this, out var r);
        return r;
    }

    /// <summary>r = a + b mod p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fp a, in Fp b, out Fp r)
    {
        // Both inputs are below p < 2^381, so the sum fits in 384 bits without a carry out.
        ulong carry = 0;
        var t0 = AddCarry(a.L0, b.L0, ref carry);
        var t1 = AddCarry(a.L1, b.L1, ref carry);
        var t2 = AddCarry(a.L2, b.L2, ref carry);
        var t3 = AddCarry(a.L3, b.L3, ref carry);
        var t4 = AddCarry(a.L4, b.L4, ref carry);
        var t5 = AddCarry(a.L5, b.L5, ref carry);
        Reduce(t0, t1, t2, t3, t4, t5, out r);
    }

    /// <summary>r = a - b mod p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fp a, in Fp b, out Fp r)
    {
        ulong borrow = 0;
        var t0 = SubBorrow(a.L0, b.L0, ref borrow);
        var t1 = SubBorrow(a.L1, b.L1, ref borrow);
        var t2 = SubBorrow(a.L2, b.L2, ref borrow);
        var t3 = SubBorrow(a.L3, b.L3, ref borrow);
        var t4 = SubBorrow(a.L4, b.L4, ref borrow);
        var t5 = SubBorrow(a.L5, b.L5, ref borrow);
        if (borrow != 0)
        {
            ulong carry = 0;
            t0 = AddCarry(t0, P0, ref carry);
            t1 = AddCarry(t1, P1, ref carry);
            t2 = AddCarry(t2, P2, ref carry);
            t3 = AddCarry(t3, P3, ref carry);
            t4 = AddCarry(t4, P4, ref carry);
            t5 = AddCarry(t5, P5, ref carry);
        }

        r = new Fp(t0, t1, t2, t3, t4, t5);
    }

    /// <summary>r = -a mod p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in Fp a, out Fp r)
    {
        if (a.IsZero)
        {
            r = default;
            return;
        }

        ulong borrow = 0;
        var t0 = SubBorrow(P0, a.L0, ref borrow);
        var t1 = SubBorrow(P1, a.L1, ref borrow);
        var t2 = SubBorrow(P2, a.L2, ref borrow);
        var t3 = SubBorrow(P3, a.L3, ref borrow);
        var t4 = SubBorrow(P4, a.L4, ref borrow);
        var t5 = SubBorrow(P5, a.L5, ref borrow);
        r = new Fp(t0, t1, t2, t3, t4, t5);
    }

    /// <summary>r = a·b·2^-384 mod p: Montgomery multiplication (CIOS; the top limb of p leaves room to skip the extra carry word).</summary>
    [SkipLocalsInit]
    public static void Mul(in Fp a, in Fp b, out Fp r)
    {
        ulong t0, t1, t2, t3, t4, t5, carryA, carryC, m;
        carryA = Math.BigMul(a.L0, b.L0, out t0);
        m = t0 * Inv;
        carryC = MacHi(m, P0, t0);
        carryA = Mac(a.L1, b.L0, carryA, out t1);
        carryC = Mac2(m, P1, t1, carryC, out t0);
        carryA = Mac(a.L2, b.L0, carryA, out t2);
        carryC = Mac2(m, P2, t2, carryC, out t1);
        carryA = Mac(a.L3, b.L0, carryA, out t3);
        carryC = Mac2(m, P3, t3, carryC, out t2);
        carryA = Mac(a.L4, b.L0, carryA, out t4);
        carryC = Mac2(m, P4, t4, carryC, out t3);
        carryA = Mac(a.L5, b.L0, carryA, out t5);
        carryC = Mac2(m, P5, t5, carryC, out t4);
        t5 = carryC + carryA;
        carryA = Mac(a.L0, b.L1, t0, out t0);
        m = t0 * Inv;
        carryC = MacHi(m, P0, t0);
        carryA = Mac2(a.L1, b.L1, t1, carryA, out t1);
        carryC = Mac2(m, P1, t1, carryC, out t0);
        carryA = Mac2(a.L2, b.L1, t2, carryA, out t2);
        carryC = Mac2(m, P2, t2, carryC, out t1);
        carryA = Mac2(a.L3, b.L1, t3, carryA, out t3);
        carryC = Mac2(m, P3, t3, carryC, out t2);
        carryA = Mac2(a.L4, b.L1, t4, carryA, out t4);
        carryC = Mac2(m, P4, t4, carryC, out t3);
        carryA = Mac2(a.L5, b.L1, t5, carryA, out t5);
        carryC = Mac2(m, P5, t5, carryC, out t4);
        t5 = carryC + carryA;
        carryA = Mac(a.L0, b.L2, t0, out t0);
        m = t0 * Inv;
        carryC = MacHi(m, P0, t0);
        carryA = Mac2(a.L1, b.L2, t1, carryA, out t1);
        carryC = Mac2(m, P1, t1, carryC, out t0);
        carryA = Mac2(a.L2, b.L2, t2, carryA, out t2);
        carryC = Mac2(m, P2, t2, carryC, out t1);
        carryA = Mac2(a.L3, b.L2, t3, carryA, out t3);
        carryC = Mac2(m, P3, t3, carryC, out t2);
        carryA = Mac2(a.L4, b.L2, t4, carryA, out t4);
        carryC = Mac2(m, P4, t4, carryC, out t3);
        carryA = Mac2(a.L5, b.L2, t5, carryA, out t5);
        carryC = Mac2(m, P5, t5, carryC, out t4);
        t5 = carryC + carryA;
        carryA = Mac(a.L0, b.L3, t0, out t0);
        m = t0 * Inv;
        carryC = MacHi(m, P0, t0);
        carryA = Mac2(a.L1, b.L3, t1, carryA, out t1);
        carryC = Mac2(m, P1, t1, carryC, out t0);
        carryA = Mac2(a.L2, b.L3, t2, carryA, out t2);
        carryC = Mac2(m, P2, t2, carryC, out t1);
        carryA = Mac2(a.L3, b.L3, t3, carryA, out t3);
        carryC = Mac2(m, P3, t3, carryC, out t2);
        carryA = Mac2(a.L4, b.L3, t4, carryA, out t4);
        carryC = Mac2(m, P4, t4, carryC, out t3);
        carryA = Mac2(a.L5, b.L3, t5, carryA, out t5);
        carryC = Mac2(m, P5, t5, carryC, out t4);
        t5 = carryC + carryA;
        carryA = Mac(a.L0, b.L4, t0, out t0);
        m = t0 * Inv;
        carryC = MacHi(m, P0, t0);
        carryA = Mac2(a.L1, b.L4, t1, carryA, out t1);
        carryC = Mac2(m, P1, t1, carryC, out t0);
        carryA = Mac2(a.L2, b.L4, t2, carryA, out t2);
        carryC = Mac2(m, P2, t2, carryC, out t1);
        carryA = Mac2(a.L3, b.L4, t3, carryA, out t3);
        carryC = Mac2(m, P3, t3, carryC, out t2);
        carryA = Mac2(a.L4, b.L4, t4, carryA, out t4);
        carryC = Mac2(m, P4, t4, carryC, out t3);
        carryA = Mac2(a.L5, b.L4, t5, carryA, out t5);
        carryC = Mac2(m, P5, t5, carryC, out t4);
        t5 = carryC + carryA;
        carryA = Mac(a.L0, b.L5, t0, out t0);
        m = t0 * Inv;
        carryC = MacHi(m, P0, t0);
        carryA = Mac2(a.L1, b.L5, t1, carryA, out t1);
        carryC = Mac2(m, P1, t1, carryC, out t0);
        carryA = Mac2(a.L2, b.L5, t2, carryA, out t2);
        carryC = Mac2(m, P2, t2, carryC, out t1);
        carryA = Mac2(a.L3, b.L5, t3, carryA, out t3);
        carryC = Mac2(m, P3, t3, carryC, out t2);
        carryA = Mac2(a.L4, b.L5, t4, carryA, out t4);
        carryC = Mac2(m, P4, t4, carryC, out t3);
        carryA = Mac2(a.L5, b.L5, t5, carryA, out t5);
        carryC = Mac2(m, P5, t5, carryC, out t4);
        t5 = carryC + carryA;
        Reduce(t0, t1, t2, t3, t4, t5, out r);

    }

    /// <summary>Subtracts p once when t is at least p (t is below 2p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Reduce(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5, out Fp r)
    {
        ulong borrow = 0;
        var s0 = SubBorrow(t0, P0, ref borrow);
        var s1 = SubBorrow(t1, P1, ref borrow);
        var s2 = SubBorrow(t2, P2, ref borrow);
        var s3 = SubBorrow(t3, P3, ref borrow);
        var s4 = SubBorrow(t4, P4, ref borrow);
        var s5 = SubBorrow(t5, P5, ref borrow);
        r = borrow == 0 ? new Fp(s0, s1, s2, s3, s4, s5) : new Fp(t0, t1, t2, t3, t4, t5);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AddCarry(ulong a, ulong b, ref ulong carry)
    {
        var s = a + b;
        var c1 = s < a ? 1UL : 0UL;
        var r = s + carry;
        var c2 = r < s ? 1UL : 0UL;
        carry = c1 | c2;
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong SubBorrow(ulong a, ulong b, ref ulong borrow)
    {
        var d = a - b;
        var b1 = a < b ? 1UL : 0UL;
        var r = d - borrow;
        var b2 = d < borrow ? 1UL : 0UL;
        borrow = b1 | b2;
        return r;
    }

    // hi:lo = a·b + c.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mac(ulong a, ulong b, ulong c, out ulong lo)
    {
        var hi = Math.BigMul(a, b, out var l);
        lo = l + c;
        return hi + (lo < c ? 1UL : 0UL);
    }

    // hi:lo = a·b + c + d (cannot overflow 128 bits).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mac2(ulong a, ulong b, ulong c, ulong d, out ulong lo)
    {
        var hi = Math.BigMul(a, b, out var l);
        var s = l + c;
        hi += s < c ? 1UL : 0UL;
        lo = s + d;
        return hi + (lo < d ? 1UL : 0UL);
    }

    // The high word of a·b + c.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MacHi(ulong a, ulong b, ulong c)
    {
        var hi = Math.BigMul(a, b, out var l);
        var s = l + c;
        return hi + (s < c ? 1UL : 0UL);
    }
}
