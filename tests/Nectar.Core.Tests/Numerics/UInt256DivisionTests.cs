using System.Numerics;
using Nectar.Core.Numerics;
using static Nectar.Core.Tests.Numerics.UInt256Samples;

namespace Nectar.Core.Tests.Numerics;

/// <summary>The division's building blocks and the rare branches of Knuth's algorithm D, by construction.</summary>
public class UInt256DivisionTests
{
    private static readonly BigInteger TwoTo64 = BigInteger.One << 64;

    [Fact]
    public void Reciprocal_of_a_normalized_limb_is_floor_of_2_128_minus_1_over_d_minus_2_64()
    {
        var state = 42UL;
        var divisors = new List<ulong> { 1UL << 63, ulong.MaxValue, (1UL << 63) + 1, ulong.MaxValue - 1 };
        for (var i = 0; i < 2000; i++)
        {
            divisors.Add(Next(ref state) | (1UL << 63));
        }

        foreach (var d in divisors)
        {
            var expected = (((BigInteger.One << 128) - 1) / d) - TwoTo64;
            Assert.Equal(expected, (BigInteger)UInt256.Reciprocal2By1(d));
        }
    }

    [Fact]
    public void Reciprocal_of_a_normalized_two_limb_divisor_is_floor_of_2_192_minus_1_over_d_minus_2_64()
    {
        var state = 7UL;
        var special = new[] { 0UL, 1UL, ulong.MaxValue, ulong.MaxValue - 1, 1UL << 63, (1UL << 63) - 1 };
        var pairs = new List<(ulong High, ulong Low)>();
        foreach (var high in new[] { 1UL << 63, ulong.MaxValue, (1UL << 63) + 1, ulong.MaxValue - 1 })
        {
            foreach (var low in special)
            {
                pairs.Add((high, low));
            }
        }

        for (var i = 0; i < 4000; i++)
        {
            var high = Next(ref state) | (1UL << 63);
            var low = (i % 3) switch { 0 => special[i % special.Length], _ => Next(ref state) };
            pairs.Add((high, low));
        }

        foreach (var (high, low) in pairs)
        {
            var d = (new BigInteger(high) << 64) + low;
            var expected = (((BigInteger.One << 192) - 1) / d) - TwoTo64;
            Assert.Equal(expected, (BigInteger)UInt256.Reciprocal3By2(high, low));
        }
    }

    [Fact]
    public void Two_by_one_division_gives_quotient_and_remainder()
    {
        var state = 99UL;
        for (var i = 0; i < 4000; i++)
        {
            var d = Next(ref state) | (1UL << 63);
            var u1 = Next(ref state) % d;
            var u0 = (i % 4) switch { 0 => 0UL, 1 => ulong.MaxValue, _ => Next(ref state) };
            var q = UInt256.DivRem2By1(u1, u0, d, UInt256.Reciprocal2By1(d), out var r);
            var u = (new BigInteger(u1) << 64) + u0;
            Assert.Equal(u / d, (BigInteger)q);
            Assert.Equal(u % d, (BigInteger)r);
        }
    }

    [Fact]
    public void Three_by_two_division_gives_quotient_and_remainder()
    {
        var state = 1234UL;
        for (var i = 0; i < 4000; i++)
        {
            var d1 = Next(ref state) | (1UL << 63);
            var d0 = (i % 5) switch { 0 => 0UL, 1 => ulong.MaxValue, _ => Next(ref state) };
            var d = (new BigInteger(d1) << 64) + d0;
            var top = (new BigInteger(Next(ref state)) << 64) + Next(ref state);
            top %= d;
            var u2 = (ulong)(top >> 64);
            var u1 = (ulong)(top & ulong.MaxValue);
            var u0 = (i % 3) switch { 0 => ulong.MaxValue, _ => Next(ref state) };
            var q = UInt256.DivRem3By2(u2, u1, u0, d1, d0, UInt256.Reciprocal3By2(d1, d0), out var r1, out var r0);
            var u = (top << 64) + u0;
            Assert.Equal(u / d, (BigInteger)q);
            Assert.Equal(u % d, (new BigInteger(r1) << 64) + r0);
        }
    }

    [Fact]
    public void Quotient_estimate_one_too_large_is_corrected_by_adding_back()
    {
        // 2^192 / (2^191 + 2^64 - 1): the top limbs suggest 2, the full divisor allows only 1.
        var dividend = Pow2(192);
        var divisor = new UInt256(ulong.MaxValue, 0, 1UL << 63, 0);
        UInt256.DivRem(dividend, divisor, out var quotient, out var remainder);
        Assert.Equal(UInt256.One, quotient);
        Assert.Equal(dividend - divisor, remainder);

        // A four-limb divisor that needs a one-bit normalization shift: (2^255 + 2^128) / (2^254 + 2^128 - 1).
        var wideDividend = new UInt256(0, 0, 1, 1UL << 63);
        var wideDivisor = new UInt256(ulong.MaxValue, ulong.MaxValue, 0, 1UL << 62);
        UInt256.DivRem(wideDividend, wideDivisor, out quotient, out remainder);
        Assert.Equal(UInt256.One, quotient);
        Assert.Equal(wideDividend - wideDivisor, remainder);
    }

    [Fact]
    public void Quotient_limb_is_all_ones_when_the_top_limbs_equal_the_divisors()
    {
        // After the first step the partial remainder's top two limbs equal the divisor's top two, so
        // the quotient limb is 2^64 - 1 without an estimate.
        var divisor = new UInt256(ulong.MaxValue, 5, 1UL << 63, 0);
        var dividend = new UInt256(7, 3, 5, 1UL << 63);
        UInt256.DivRem(dividend, divisor, out var quotient, out var remainder);
        Assert.Equal(Big(dividend) / Big(divisor), Big(quotient));
        Assert.Equal(Big(dividend) % Big(divisor), Big(remainder));
        Assert.Equal(ulong.MaxValue, quotient.U0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(0xFFFF_FFFF)]
    [InlineData(0x8000_0000_0000_0000)]
    [InlineData(0xFFFF_FFFF_FFFF_FFFF)]
    public void Division_by_a_single_limb_matches_BigInteger(ulong divisor)
    {
        foreach (var dividend in Edges)
        {
            UInt256.DivRem(dividend, new UInt256(divisor), out var quotient, out var remainder);
            Assert.Equal(Big(dividend) / divisor, Big(quotient));
            Assert.Equal(Big(dividend) % divisor, Big(remainder));
        }
    }

    [Fact]
    public void MulMod_reduces_products_of_every_width_by_every_modulus_width()
    {
        var state = 2024UL;
        for (var i = 0; i < 3000; i++)
        {
            var a = RandomOfWidth(ref state, i % 4);
            var b = RandomOfWidth(ref state, (i / 4) % 4);
            var m = RandomOfWidth(ref state, (i / 16) % 4);
            UInt256.MulMod(a, b, m, out var result);
            Assert.Equal(m.IsZero ? BigInteger.Zero : Big(a) * Big(b) % Big(m), Big(result));
        }
    }

    private static UInt256 RandomOfWidth(ref ulong state, int highestLimb)
    {
        var limbs = new ulong[4];
        for (var i = 0; i <= highestLimb; i++)
        {
            limbs[i] = Next(ref state);
        }

        return new UInt256(limbs[0], limbs[1], limbs[2], limbs[3]);
    }
}
