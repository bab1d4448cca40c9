using System.Globalization;
using System.Numerics;
using Nectar.Crypto.AltBn128;

namespace Nectar.Crypto.Tests.AltBn128;

/// <summary>
/// A deliberately naive reference for alt_bn128 over BigInteger: affine formulas with modular
/// inversion, used to check the optimised Montgomery and Jacobian code.
/// </summary>
internal static class Reference
{
    public static readonly BigInteger P = BigInteger.Parse("21888242871839275222246405745257275088696311157297823662689037894645226208583", CultureInfo.InvariantCulture);

    public static readonly BigInteger R = BigInteger.Parse("21888242871839275222246405745257275088548364400416034343698204186575808495617", CultureInfo.InvariantCulture);

    public static BigInteger Mod(BigInteger value)
    {
        var m = value % P;
        return m.Sign < 0 ? m + P : m;
    }

    /// <summary>The inverse by the extended Euclidean algorithm (much faster than BigInteger.ModPow).</summary>
    public static BigInteger Inverse(BigInteger value)
    {
        BigInteger oldR = Mod(value), r = P, oldS = 1, s = 0;
        while (!r.IsZero)
        {
            var quotient = oldR / r;
            (oldR, r) = (r, oldR - (quotient * r));
            (oldS, s) = (s, oldS - (quotient * s));
        }

        Assert.Equal(BigInteger.One, oldR);
        return Mod(oldS);
    }

    public static BigInteger ToBig(in Fp value)
    {
        Span<byte> bytes = stackalloc byte[32];
        value.Write(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    public static Fp ToFp(BigInteger value)
    {
        Assert.True(Fp.TryRead(ToBytes32(Mod(value)), out var fp));
        return fp;
    }

    public static byte[] ToBytes32(BigInteger value)
    {
        var bytes = new byte[32];
        Assert.True(value.TryWriteBytes(bytes.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true));
        return bytes;
    }

    public static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        var bytes = new byte[33];
        random.NextBytes(bytes);
        bytes[^1] = 0;
        return new BigInteger(bytes) % bound;
    }

    /// <summary>Affine G1 addition; null is the point at infinity.</summary>
    public static (BigInteger X, BigInteger Y)? Add((BigInteger X, BigInteger Y)? a, (BigInteger X, BigInteger Y)? b)
    {
        if (a is null)
        {
            return b;
        }

        if (b is null)
        {
            return a;
        }

        var (x1, y1) = a.Value;
        var (x2, y2) = b.Value;
        BigInteger slope;
        if (x1 == x2)
        {
            if (Mod(y1 + y2).IsZero)
            {
                return null;
            }

            slope = Mod(3 * x1 * x1 * Inverse(2 * y1));
        }
        else
        {
            slope = Mod((y2 - y1) * Inverse(x2 - x1));
        }

        var x3 = Mod((slope * slope) - x1 - x2);
        return (x3, Mod((slope * (x1 - x3)) - y1));
    }

    public static (BigInteger X, BigInteger Y)? Multiply((BigInteger X, BigInteger Y)? point, BigInteger scalar)
    {
        (BigInteger X, BigInteger Y)? result = null;
        for (var bit = (int)scalar.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = Add(result, result);
            if (!((scalar >> bit) & 1).IsZero)
            {
                result = Add(result, point);
            }
        }

        return result;
    }

    /// <summary>(a, b) in F_p^2 as BigIntegers.</summary>
    public static Fp2 ToFp2(BigInteger a, BigInteger b) => new(ToFp(a), ToFp(b));

    /// <summary>
    /// A square root in F_p^2 (p = 3 mod 4) through the norm: with s = sqrt(a^2 + b^2), x0 = sqrt((a + s) / 2)
    /// (or with -s) and x1 = b / (2 x0). Returns null for a non-square.
    /// </summary>
    public static (BigInteger A, BigInteger B)? SqrtFp2(BigInteger a, BigInteger b)
    {
        var norm = Mod((a * a) + (b * b));
        var s = SqrtFp(norm);
        if (s is null)
        {
            return null;
        }

        foreach (var candidate in new[] { s.Value, Mod(-s.Value) })
        {
            var half = Mod((a + candidate) * Inverse(2));
            var x0 = SqrtFp(half);
            if (x0 is null || x0.Value.IsZero)
            {
                continue;
            }

            var x1 = Mod(b * Inverse(2 * x0.Value));
            if (Mod((x0.Value * x0.Value) - (x1 * x1) - a).IsZero && Mod((2 * x0.Value * x1) - b).IsZero)
            {
                return (x0.Value, x1);
            }
        }

        return null;
    }

    public static BigInteger? SqrtFp(BigInteger value)
    {
        var root = BigInteger.ModPow(Mod(value), (P + 1) / 4, P);
        return Mod(root * root) == Mod(value) ? root : null;
    }
}
