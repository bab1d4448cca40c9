using System.Runtime.CompilerServices;

namespace Nectar.Crypto.AltBn128;

internal readonly partial struct Fp
{
    /// <summary>2^768 mod p: a Montgomery product with it turns (aR)^-1 into a^-1 R.</summary>
    private static readonly Fp R3 = new(0xB1CD6DAFDA1530DF, 0x62F210E6A7283DB6, 0xEF7F0B0C0ADA0AFB, 0x20FD6E902D592544);

    /// <summary>
    /// The multiplicative inverse; zero maps to zero. Binary extended Euclid on the Montgomery
    /// representative (variable time, which is fine for public inputs): about four times faster than
    /// a^(p - 2), and inversions dominate the cost of ECADD.
    /// </summary>
    public static Fp Inverse(in Fp a)
    {
        if (a.IsZero)
        {
            return Zero;
        }

        // Invariants: x1 * a = u and x2 * a = v (mod p), with gcd(u, v) = 1; u and v shrink until one is 1.
        var u = new Fp(a.U0, a.U1, a.U2, a.U3);
        var v = new Fp(P0, P1, P2, P3);
        var x1 = new Fp(1, 0, 0, 0);
        var x2 = Zero;
        while (!IsRawOne(u) && !IsRawOne(v))
        {
            while ((u.U0 & 1) == 0)
            {
                u = ShiftRight(u);
                x1 = Halve(x1);
            }

            while ((v.U0 & 1) == 0)
            {
                v = ShiftRight(v);
                x2 = Halve(x2);
            }

            if (RawLessThan(u, v))
            {
                v = RawSubtract(v, u);
                x2 -= x1;
            }
            else
            {
                u = RawSubtract(u, v);
                x1 -= x2;
            }
        }

        // The result is (aR)^-1 as a plain number; Montgomery multiplication by R^3 gives a^-1 R.
        return (IsRawOne(u) ? x1 : x2) * R3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsRawOne(in Fp x) => x.U0 == 1 && (x.U1 | x.U2 | x.U3) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp ShiftRight(in Fp x) => new(
        (x.U0 >> 1) | (x.U1 << 63),
        (x.U1 >> 1) | (x.U2 << 63),
        (x.U2 >> 1) | (x.U3 << 63),
        x.U3 >> 1);

    /// <summary>x / 2 mod p: an odd x becomes even by adding p, which cannot overflow since p &lt; 2^254.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp Halve(in Fp x)
    {
        if ((x.U0 & 1) == 0)
        {
            return ShiftRight(x);
        }

        ulong carry = 0;
        var s0 = AddWithCarry(x.U0, P0, ref carry);
        var s1 = AddWithCarry(x.U1, P1, ref carry);
        var s2 = AddWithCarry(x.U2, P2, ref carry);
        var s3 = x.U3 + P3 + carry;
        return ShiftRight(new Fp(s0, s1, s2, s3));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool RawLessThan(in Fp x, in Fp y)
    {
        ulong borrow = 0;
        _ = SubtractWithBorrow(x.U0, y.U0, ref borrow);
        _ = SubtractWithBorrow(x.U1, y.U1, ref borrow);
        _ = SubtractWithBorrow(x.U2, y.U2, ref borrow);
        _ = SubtractWithBorrow(x.U3, y.U3, ref borrow);
        return borrow != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp RawSubtract(in Fp x, in Fp y)
    {
        ulong borrow = 0;
        var d0 = SubtractWithBorrow(x.U0, y.U0, ref borrow);
        var d1 = SubtractWithBorrow(x.U1, y.U1, ref borrow);
        var d2 = SubtractWithBorrow(x.U2, y.U2, ref borrow);
        var d3 = SubtractWithBorrow(x.U3, y.U3, ref borrow);
        return new Fp(d0, d1, d2, d3);
    }
}
