using System.Runtime.CompilerServices;

namespace Nectar.Core.Numerics;

public readonly partial struct UInt256
{
    /// <summary>
    /// (<paramref name="a"/> + <paramref name="b"/>) mod <paramref name="modulus"/> over the full 257-bit
    /// sum (ADDMOD); a zero modulus gives zero.
    /// </summary>
    /// <param name="a">The first addend.</param>
    /// <param name="b">The second addend.</param>
    /// <param name="modulus">The modulus.</param>
    /// <param name="result">The remainder of the unwrapped sum, or zero when the modulus is zero.</param>
    public static void AddMod(in UInt256 a, in UInt256 b, in UInt256 modulus, out UInt256 result)
    {
        if (modulus.IsZero)
        {
            result = default;
            return;
        }

        var m = modulus;
        var carry = AddOverflow(in a, in b, out var sum);
        if (LessThan(in a, in m) && LessThan(in b, in m))
        {
            // Both addends are already reduced, so the sum is below 2m: one subtraction at most. When
            // the sum carried, subtracting m modulo 2^256 gives exactly the 257-bit sum minus m.
            if (carry || !LessThan(in sum, in m))
            {
                Subtract(in sum, in m, out result);
            }
            else
            {
                result = sum;
            }

            return;
        }

        if (!carry)
        {
            Mod(in sum, in m, out result);
            return;
        }

        var wide = new Wide { Low = sum, High = One };
        RemainderOfWide(in wide, in m, out result);
    }

    /// <summary>
    /// (<paramref name="a"/> * <paramref name="b"/>) mod <paramref name="modulus"/> over the full 512-bit
    /// product (MULMOD); a zero modulus gives zero.
    /// </summary>
    /// <param name="a">The first factor.</param>
    /// <param name="b">The second factor.</param>
    /// <param name="modulus">The modulus.</param>
    /// <param name="result">The remainder of the unwrapped product, or zero when the modulus is zero.</param>
    public static void MulMod(in UInt256 a, in UInt256 b, in UInt256 modulus, out UInt256 result)
    {
        if (modulus.IsZero)
        {
            result = default;
            return;
        }

        var m = modulus;
        if ((a.U2 | a.U3 | b.U2 | b.U3) == 0)
        {
            // Two 128-bit factors: the product fits in 256 bits.
            Multiply128(a.U0, a.U1, b.U0, b.U1, out var narrow);
            Mod(in narrow, in m, out result);
            return;
        }

        Unsafe.SkipInit(out Wide product);
        MultiplyFull(in a, in b, out product.Low, out product.High);
        if (product.High.IsZero)
        {
            Mod(in product.Low, in m, out result);
            return;
        }

        RemainderOfWide(in product, in m, out result);
    }
}
