using System.Runtime.CompilerServices;

namespace Nectar.Crypto.Bls12381;

/// <content>Exponentiation, inversion, square roots and the quadratic character.</content>
public readonly partial struct Fp
{
    // p - 2: Fermat inversion exponent.
    private static readonly ulong[] PMinus2 = [0xb9feffffffffaaa9, 0x1eabfffeb153ffff, 0x6730d2a0f6b0f624, 0x64774b84f38512bf, 0x4b1ba7b6434bacd7, 0x1a0111ea397fe69a];

    // (p + 1) / 4: p = 3 mod 4, so a^((p+1)/4) is a square root of every square a.
    private static readonly ulong[] PPlus1Over4 = [0xee7fbfffffffeaab, 0x07aaffffac54ffff, 0xd9cc34a83dac3d89, 0xd91dd2e13ce144af, 0x92c6e9ed90d2eb35, 0x0680447a8e5ff9a6];

    // (p - 1) / 2: Euler's criterion exponent.
    private static readonly ulong[] PMinus1Over2 = [0xdcff7fffffffd555, 0x0f55ffff58a9ffff, 0xb39869507b587b12, 0xb23ba5c279c2895f, 0x258dd3db21a5d66b, 0x0d0088f51cbff34d];

    /// <summary>This element raised to a power given as little-endian 64-bit limbs.</summary>
    public Fp Pow(ReadOnlySpan<ulong> exponent)
    {
        var result = One;
        var started = false;
        for (var i = exponent.Length - 1; i >= 0; i--)
        {
            var limb = exponent[i];
            for (var bit = 63; bit >= 0; bit--)
            {
                if (started)
                {
                    Mul(in result, in result, out result);
                }

                if (((limb >> bit) & 1) != 0)
                {
                    Mul(in result, in this, out result);
                    started = true;
                }
            }
        }

        return result;
    }

    // R^3 mod p: the binary inverse of a·R is a^-1·R^-1, and a Montgomery product with R^3 brings it to a^-1·R.
    private static readonly Fp R3 = new(0xed48ac6bd94ca1e0, 0x315f831e03a7adf8, 0x9a53352a615e29dd, 0x34c04e5e921e1761, 0x2512d43565724728, 0x0aa6346091755d4d);

    /// <summary>The multiplicative inverse (zero maps to zero), by the binary extended Euclidean algorithm (variable time).</summary>
    [SkipLocalsInit]
    public Fp Inverse()
    {
        if (IsZero)
        {
            return Zero;
        }

        // Invariants: x1·a = u and x2·a = v (mod p), with a the stored Montgomery value; u and v stay odd-reduced.
        Span<ulong> u = [L0, L1, L2, L3, L4, L5];
        Span<ulong> v = [P0, P1, P2, P3, P4, P5];
        Span<ulong> x1 = [1, 0, 0, 0, 0, 0];
        Span<ulong> x2 = [0, 0, 0, 0, 0, 0];
        while (!IsOneLimbs(u) && !IsOneLimbs(v))
        {
            while ((u[0] & 1) == 0)
            {
                ShiftRight1(u);
                HalveModP(x1);
            }

            while ((v[0] & 1) == 0)
            {
                ShiftRight1(v);
                HalveModP(x2);
            }

            if (GreaterOrEqual(u, v))
            {
                SubInPlace(u, v);
                SubModP(x1, x2);
            }
            else
            {
                SubInPlace(v, u);
                SubModP(x2, x1);
            }
        }

        var r = IsOneLimbs(u) ? x1 : x2;
        var plain = new Fp(r[0], r[1], r[2], r[3], r[4], r[5]);
        Mul(in plain, in R3, out var result);
        return result;
    }

    /// <summary>The inverse by Fermat's little theorem, a^(p-2); kept as the reference for the binary algorithm.</summary>
    internal Fp InverseByExponentiation() => Pow(PMinus2);

    private static bool IsOneLimbs(ReadOnlySpan<ulong> a) => a[0] == 1 && (a[1] | a[2] | a[3] | a[4] | a[5]) == 0;

    private static void ShiftRight1(Span<ulong> a)
    {
        for (var i = 0; i < 5; i++)
        {
            a[i] = (a[i] >> 1) | (a[i + 1] << 63);
        }

        a[5] >>= 1;
    }

    // a = a/2 mod p: add p first when a is odd (a + p < 2^382 cannot overflow six limbs).
    private static void HalveModP(Span<ulong> a)
    {
        if ((a[0] & 1) != 0)
        {
            ulong carry = 0;
            a[0] = AddCarry(a[0], P0, ref carry);
            a[1] = AddCarry(a[1], P1, ref carry);
            a[2] = AddCarry(a[2], P2, ref carry);
            a[3] = AddCarry(a[3], P3, ref carry);
            a[4] = AddCarry(a[4], P4, ref carry);
            a[5] = AddCarry(a[5], P5, ref carry);
        }

        ShiftRight1(a);
    }

    private static bool GreaterOrEqual(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        for (var i = 5; i >= 0; i--)
        {
            if (a[i] != b[i])
            {
                return a[i] > b[i];
            }
        }

        return true;
    }

    private static ulong SubInPlace(Span<ulong> a, ReadOnlySpan<ulong> b)
    {
        ulong borrow = 0;
        for (var i = 0; i < 6; i++)
        {
            a[i] = SubBorrow(a[i], b[i], ref borrow);
        }

        return borrow;
    }

    // a = a - b mod p for a, b below p.
    private static void SubModP(Span<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (SubInPlace(a, b) != 0)
        {
            ulong carry = 0;
            a[0] = AddCarry(a[0], P0, ref carry);
            a[1] = AddCarry(a[1], P1, ref carry);
            a[2] = AddCarry(a[2], P2, ref carry);
            a[3] = AddCarry(a[3], P3, ref carry);
            a[4] = AddCarry(a[4], P4, ref carry);
            a[5] = AddCarry(a[5], P5, ref carry);
        }
    }

    /// <summary>True when this element is a square in F_p (zero counts as a square).</summary>
    public bool IsSquare()
    {
        if (IsZero)
        {
            return true;
        }

        return Pow(PMinus1Over2).IsOne;
    }

    /// <summary>A square root, when one exists. Which of the two roots is returned is unspecified.</summary>
    public bool TrySqrt(out Fp root)
    {
        var candidate = Pow(PPlus1Over4);
        if (candidate.Square() == this)
        {
            root = candidate;
            return true;
        }

        root = default;
        return false;
    }
}
