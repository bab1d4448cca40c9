using System.Numerics;
using Nectar.Core.Numerics;
using static Nectar.Core.Tests.Numerics.UInt256Samples;

namespace Nectar.Core.Tests.Numerics;

/// <summary>Hand-written cases for the EVM's edges: division by zero, signed overflow, out-of-range indexes.</summary>
public class UInt256EvmSemanticsTests
{
    private static readonly UInt256 Min = Pow2(255);
    private static readonly UInt256 MinusOne = UInt256.MaxValue;
    private static readonly UInt256 Huge = new(0, 0, 0, 1);

    private static UInt256 N(long value) => Wrap(value);

    [Fact]
    public void Division_by_zero_gives_zero()
    {
        UInt256.Divide(UInt256.MaxValue, UInt256.Zero, out var quotient);
        Assert.Equal(UInt256.Zero, quotient);
        UInt256.Divide(N(7), UInt256.Zero, out quotient);
        Assert.Equal(UInt256.Zero, quotient);
        Assert.Equal(UInt256.Zero, UInt256.One / UInt256.Zero);
    }

    [Fact]
    public void Modulo_by_zero_gives_zero()
    {
        UInt256.Mod(UInt256.MaxValue, UInt256.Zero, out var remainder);
        Assert.Equal(UInt256.Zero, remainder);
        UInt256.DivRem(N(9), UInt256.Zero, out var quotient, out remainder);
        Assert.Equal(UInt256.Zero, quotient);
        Assert.Equal(UInt256.Zero, remainder);
        Assert.Equal(UInt256.Zero, N(5) % UInt256.Zero);
    }

    [Fact]
    public void Division_of_a_smaller_dividend_gives_zero_and_keeps_it_as_remainder()
    {
        var divisor = Pow2(200);
        var dividend = Pow2(199) + N(12345);
        UInt256.DivRem(dividend, divisor, out var quotient, out var remainder);
        Assert.Equal(UInt256.Zero, quotient);
        Assert.Equal(dividend, remainder);
    }

    [Fact]
    public void Signed_division_of_the_minimum_by_minus_one_gives_the_minimum()
    {
        UInt256.SignedDivide(Min, MinusOne, out var result);
        Assert.Equal(Min, result);
    }

    [Theory]
    [InlineData(7, 2, 3)]
    [InlineData(-7, 2, -3)]
    [InlineData(7, -2, -3)]
    [InlineData(-7, -2, 3)]
    [InlineData(-1, 1, -1)]
    [InlineData(0, -5, 0)]
    [InlineData(-6, 3, -2)]
    public void Signed_division_truncates_toward_zero(long a, long b, long expected)
    {
        UInt256.SignedDivide(N(a), N(b), out var result);
        Assert.Equal(N(expected), result);
    }

    [Fact]
    public void Signed_division_by_zero_gives_zero()
    {
        UInt256.SignedDivide(N(-7), UInt256.Zero, out var result);
        Assert.Equal(UInt256.Zero, result);
        UInt256.SignedDivide(Min, UInt256.Zero, out result);
        Assert.Equal(UInt256.Zero, result);
    }

    [Fact]
    public void Signed_division_of_the_minimum_by_itself_and_by_two()
    {
        UInt256.SignedDivide(Min, Min, out var result);
        Assert.Equal(UInt256.One, result);
        UInt256.SignedDivide(Min, N(2), out result);
        Assert.Equal(Wrap(-(BigInteger.One << 254)), result);
        UInt256.SignedDivide(N(1), Min, out result);
        Assert.Equal(UInt256.Zero, result);
    }

    [Theory]
    [InlineData(7, 2, 1)]
    [InlineData(-7, 2, -1)]
    [InlineData(7, -2, 1)]
    [InlineData(-7, -2, -1)]
    [InlineData(-8, 3, -2)]
    [InlineData(8, -3, 2)]
    [InlineData(-6, 3, 0)]
    public void Signed_modulo_takes_the_sign_of_the_dividend(long a, long b, long expected)
    {
        UInt256.SignedMod(N(a), N(b), out var result);
        Assert.Equal(N(expected), result);
    }

    [Fact]
    public void Signed_modulo_of_the_minimum_and_by_zero()
    {
        UInt256.SignedMod(Min, MinusOne, out var result);
        Assert.Equal(UInt256.Zero, result);
        UInt256.SignedMod(Min, N(3), out result);
        Assert.Equal(Wrap(-((BigInteger.One << 255) % 3)), result);
        UInt256.SignedMod(N(-7), UInt256.Zero, out result);
        Assert.Equal(UInt256.Zero, result);
    }

    [Fact]
    public void Negative_values_are_recognised_by_bit_255()
    {
        Assert.True(Min.IsNegative);
        Assert.True(MinusOne.IsNegative);
        Assert.False((Min - UInt256.One).IsNegative);
        Assert.False(UInt256.Zero.IsNegative);
        UInt256.Negate(UInt256.Zero, out var negatedZero);
        Assert.Equal(UInt256.Zero, negatedZero);
        UInt256.Negate(Min, out var negatedMin);
        Assert.Equal(Min, negatedMin);
    }

    [Fact]
    public void Signed_compare_orders_negative_below_positive()
    {
        Assert.True(UInt256.SignedCompare(MinusOne, UInt256.Zero) < 0);
        Assert.True(UInt256.SignedCompare(Min, MinusOne) < 0);
        Assert.True(UInt256.SignedCompare(Min - UInt256.One, Min) > 0);
        Assert.True(UInt256.SignedCompare(N(-2), N(-3)) > 0);
        Assert.Equal(0, UInt256.SignedCompare(N(-2), N(-2)));
        Assert.True(UInt256.Compare(MinusOne, UInt256.Zero) > 0);
    }

    [Fact]
    public void Arithmetic_shift_of_negative_values_fills_with_ones()
    {
        UInt256.ArithmeticRightShift(N(-16), 2, out var result);
        Assert.Equal(N(-4), result);
        UInt256.ArithmeticRightShift(N(-1), 200, out result);
        Assert.Equal(MinusOne, result);
        UInt256.ArithmeticRightShift(Min, 255, out result);
        Assert.Equal(MinusOne, result);
        UInt256.ArithmeticRightShift(Min, 254, out result);
        Assert.Equal(N(-2), result);
        UInt256.ArithmeticRightShift(N(-3), 1, out result);
        Assert.Equal(N(-2), result);
    }

    [Fact]
    public void Arithmetic_shift_by_256_or_more_gives_the_sign()
    {
        UInt256.ArithmeticRightShift(N(-5), new UInt256(256), out var result);
        Assert.Equal(MinusOne, result);
        UInt256.ArithmeticRightShift(Min, Huge, out result);
        Assert.Equal(MinusOne, result);
        UInt256.ArithmeticRightShift(Min - UInt256.One, new UInt256(256), out result);
        Assert.Equal(UInt256.Zero, result);
        UInt256.ArithmeticRightShift(N(5), UInt256.MaxValue, out result);
        Assert.Equal(UInt256.Zero, result);
        UInt256.ArithmeticRightShift(N(5), 0, out result);
        Assert.Equal(N(5), result);
    }

    [Fact]
    public void Sign_extension_with_index_31_or_more_leaves_the_value()
    {
        var value = new UInt256(0x80, 0, 0, 0x7000_0000_0000_0000UL);
        foreach (var index in new[] { new UInt256(31), new UInt256(32), new UInt256(1000), Huge, UInt256.MaxValue })
        {
            UInt256.SignExtend(index, value, out var result);
            Assert.Equal(value, result);
        }
    }

    [Fact]
    public void Sign_extension_copies_the_chosen_sign_bit()
    {
        UInt256.SignExtend(UInt256.Zero, N(0xFF), out var result);
        Assert.Equal(MinusOne, result);
        UInt256.SignExtend(UInt256.Zero, N(0x7F), out result);
        Assert.Equal(N(0x7F), result);
        UInt256.SignExtend(UInt256.Zero, new UInt256(0x1234_5680, 5, 6, 7), out result);
        Assert.Equal(N(-128), result);
        UInt256.SignExtend(UInt256.One, N(0x8000), out result);
        Assert.Equal(N(-32768), result);
        UInt256.SignExtend(UInt256.One, UInt256.MaxValue - N(0x8000), out result);
        Assert.Equal(N(0x7FFF), result);
        UInt256.SignExtend(new UInt256(7), new UInt256(0x8000_0000_0000_0000UL, 1, 0, 0), out result);
        Assert.Equal(new UInt256(0x8000_0000_0000_0000UL, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue), result);
        UInt256.SignExtend(new UInt256(30), Pow2(247), out result);
        Assert.Equal(Wrap(-(BigInteger.One << 247)), result);
        UInt256.SignExtend(new UInt256(30), Pow2(248), out result);
        Assert.Equal(UInt256.Zero, result);
    }

    [Fact]
    public void Byte_with_index_32_or_more_is_zero()
    {
        var value = UInt256.MaxValue;
        Assert.Equal(0, value.Byte(new UInt256(32)));
        Assert.Equal(0, value.Byte(Huge));
        Assert.Equal(0, value.Byte(UInt256.MaxValue));
        Assert.Equal(0, value.Byte(32));
        Assert.Equal(0, value.Byte(-1));
    }

    [Fact]
    public void Byte_index_zero_is_the_most_significant_byte()
    {
        var value = UInt256.FromBigEndian(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        Assert.Equal(1, value.Byte(UInt256.Zero));
        Assert.Equal(32, value.Byte(new UInt256(31)));
        Assert.Equal(9, value.Byte(8));
        Assert.Equal(24, value.Byte(23));
    }

    [Fact]
    public void Shifts_by_256_or_more_give_zero()
    {
        foreach (var shift in new[] { new UInt256(256), new UInt256(257), new UInt256(1UL << 40), Huge, UInt256.MaxValue })
        {
            UInt256.LeftShift(UInt256.MaxValue, shift, out var left);
            UInt256.RightShift(UInt256.MaxValue, shift, out var right);
            Assert.Equal(UInt256.Zero, left);
            Assert.Equal(UInt256.Zero, right);
        }

        Assert.Equal(UInt256.Zero, UInt256.One << 256);
        Assert.Equal(UInt256.Zero, UInt256.MaxValue >> 256);
        Assert.Equal(UInt256.Zero, UInt256.One << -1);
        Assert.Equal(UInt256.Zero, UInt256.MaxValue >> int.MinValue);
    }

    [Fact]
    public void Shifts_by_255_move_one_bit_end_to_end()
    {
        Assert.Equal(Min, UInt256.One << 255);
        Assert.Equal(UInt256.One, UInt256.MaxValue >> 255);
        Assert.Equal(UInt256.MaxValue, UInt256.MaxValue << 0);
        Assert.Equal(new UInt256(0, 1, 0, 0), UInt256.One << 64);
        Assert.Equal(new UInt256(0, 0, 0, 1UL << 63), UInt256.One << 255);
    }

    [Fact]
    public void Exponent_zero_gives_one_even_for_base_zero()
    {
        UInt256.Exp(UInt256.Zero, UInt256.Zero, out var result);
        Assert.Equal(UInt256.One, result);
        UInt256.Exp(UInt256.MaxValue, UInt256.Zero, out result);
        Assert.Equal(UInt256.One, result);
    }

    [Fact]
    public void Base_zero_and_one_ignore_the_exponent()
    {
        UInt256.Exp(UInt256.Zero, UInt256.MaxValue, out var result);
        Assert.Equal(UInt256.Zero, result);
        UInt256.Exp(UInt256.Zero, UInt256.One, out result);
        Assert.Equal(UInt256.Zero, result);
        UInt256.Exp(UInt256.One, UInt256.MaxValue, out result);
        Assert.Equal(UInt256.One, result);
    }

    [Fact]
    public void Powers_of_two_wrap_at_256()
    {
        UInt256.Exp(N(2), new UInt256(255), out var result);
        Assert.Equal(Min, result);
        UInt256.Exp(N(2), new UInt256(256), out result);
        Assert.Equal(UInt256.Zero, result);
        UInt256.Exp(N(2), Huge, out result);
        Assert.Equal(UInt256.Zero, result);
        UInt256.Exp(N(4), new UInt256(128), out result);
        Assert.Equal(UInt256.Zero, result);
        UInt256.Exp(N(4), new UInt256(127), out result);
        Assert.Equal(Pow2(254), result);
    }

    [Fact]
    public void Large_exponents_match_modular_power()
    {
        UInt256.Exp(MinusOne, UInt256.MaxValue, out var result);
        Assert.Equal(MinusOne, result);
        UInt256.Exp(MinusOne, N(2), out result);
        Assert.Equal(UInt256.One, result);
        UInt256.Exp(N(3), UInt256.MaxValue, out result);
        Assert.Equal(Wrap(BigInteger.ModPow(3, TwoTo256 - 1, TwoTo256)), result);
        UInt256.Exp(N(10), N(77), out result);
        Assert.Equal((UInt256)BigInteger.Pow(10, 77), result);
        UInt256.Exp(N(10), N(78), out result);
        Assert.Equal(Wrap(BigInteger.Pow(10, 78)), result);
    }

    [Fact]
    public void AddMod_and_MulMod_with_modulus_zero_give_zero()
    {
        UInt256.AddMod(N(5), N(6), UInt256.Zero, out var sum);
        Assert.Equal(UInt256.Zero, sum);
        UInt256.AddMod(UInt256.MaxValue, UInt256.MaxValue, UInt256.Zero, out sum);
        Assert.Equal(UInt256.Zero, sum);
        UInt256.MulMod(N(5), N(6), UInt256.Zero, out var product);
        Assert.Equal(UInt256.Zero, product);
        UInt256.MulMod(UInt256.MaxValue, UInt256.MaxValue, UInt256.Zero, out product);
        Assert.Equal(UInt256.Zero, product);
    }

    [Fact]
    public void AddMod_keeps_the_257th_bit_of_an_overflowing_sum()
    {
        // (2^256 - 1) * 2 = 2^257 - 2; modulo 2^256 - 2 that is 2 (a wrapped sum would give 0).
        UInt256.AddMod(UInt256.MaxValue, UInt256.MaxValue, UInt256.MaxValue - UInt256.One, out var result);
        Assert.Equal(N(2), result);
        UInt256.AddMod(UInt256.MaxValue, UInt256.MaxValue, UInt256.MaxValue, out result);
        Assert.Equal(UInt256.Zero, result);
        UInt256.AddMod(UInt256.MaxValue, N(2), N(10), out result);
        Assert.Equal(Wrap(((TwoTo256 - 1) + 2) % 10), result);
        UInt256.AddMod(Min, Min, N(3), out result);
        Assert.Equal(Wrap(TwoTo256 % 3), result);
    }

    [Fact]
    public void MulMod_keeps_the_full_512_bit_product()
    {
        // (2^256 - 1)^2 = 2^512 - 2^257 + 1; modulo 2^256 - 2 that is 1 (a wrapped product gives 1 too,
        // so the second case uses a modulus where the high half matters).
        UInt256.MulMod(UInt256.MaxValue, UInt256.MaxValue, UInt256.MaxValue - UInt256.One, out var result);
        Assert.Equal(UInt256.One, result);
        UInt256.MulMod(UInt256.MaxValue, UInt256.MaxValue, N(12345), out result);
        Assert.Equal(Wrap((TwoTo256 - 1) * (TwoTo256 - 1) % 12345), result);
        UInt256.MulMod(Pow2(255), N(2), N(3), out result);
        Assert.Equal(Wrap(TwoTo256 % 3), result);
        UInt256.MulMod(UInt256.MaxValue, UInt256.MaxValue, UInt256.MaxValue, out result);
        Assert.Equal(UInt256.Zero, result);
        UInt256.MulMod(N(7), N(8), UInt256.One, out result);
        Assert.Equal(UInt256.Zero, result);
    }

    [Fact]
    public void Add_wraps_and_reports_overflow()
    {
        Assert.True(UInt256.AddOverflow(UInt256.MaxValue, UInt256.One, out var result));
        Assert.Equal(UInt256.Zero, result);
        Assert.False(UInt256.AddOverflow(UInt256.MaxValue - UInt256.One, UInt256.One, out result));
        Assert.Equal(UInt256.MaxValue, result);
        Assert.True(UInt256.AddOverflow(Pow2(255), Pow2(255), out result));
        Assert.Equal(UInt256.Zero, result);
    }

    [Fact]
    public void Subtract_wraps_and_reports_underflow()
    {
        Assert.True(UInt256.SubtractUnderflow(UInt256.Zero, UInt256.One, out var result));
        Assert.Equal(UInt256.MaxValue, result);
        Assert.False(UInt256.SubtractUnderflow(N(5), N(5), out result));
        Assert.Equal(UInt256.Zero, result);
        Assert.True(UInt256.SubtractUnderflow(Pow2(64), Pow2(128), out result));
        Assert.Equal(Wrap((BigInteger.One << 64) - (BigInteger.One << 128)), result);
    }

    [Fact]
    public void Multiply_wraps_and_reports_overflow()
    {
        Assert.False(UInt256.MultiplyOverflow(Pow2(128) - UInt256.One, Pow2(128) - UInt256.One, out var result));
        Assert.Equal(Wrap(((BigInteger.One << 128) - 1) * ((BigInteger.One << 128) - 1)), result);
        Assert.True(UInt256.MultiplyOverflow(Pow2(128), Pow2(128), out result));
        Assert.Equal(UInt256.Zero, result);
        Assert.False(UInt256.MultiplyOverflow(Pow2(255), UInt256.One, out result));
        Assert.True(UInt256.MultiplyOverflow(Pow2(255), N(2), out result));
        Assert.True(UInt256.MultiplyOverflow(UInt256.MaxValue, UInt256.MaxValue, out result));
        Assert.Equal(UInt256.One, result);
        Assert.False(UInt256.MultiplyOverflow(UInt256.MaxValue, UInt256.Zero, out result));
        Assert.Equal(UInt256.Zero, result);
    }

    [Fact]
    public void Increment_and_decrement_wrap()
    {
        var max = UInt256.MaxValue;
        max++;
        Assert.Equal(UInt256.Zero, max);
        var zero = UInt256.Zero;
        zero--;
        Assert.Equal(UInt256.MaxValue, zero);
    }
}
