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

    /// <summary>The multiplicative inverse (zero maps to zero).</summary>
    public Fp Inverse() => Pow(PMinus2);

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
