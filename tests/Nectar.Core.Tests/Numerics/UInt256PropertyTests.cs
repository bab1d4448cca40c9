using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Nectar.Core.Numerics;
using static Nectar.Core.Tests.Numerics.UInt256Samples;

namespace Nectar.Core.Tests.Numerics;

/// <summary>Every operation against BigInteger on random values biased to edges (fixed seed).</summary>
public class UInt256PropertyTests
{
    private const int Cases = 15_000;

    // Operations with costly BigInteger references run fewer random cases; the edge-value tests add
    // tens of thousands of systematic ones.
    private const int CostlyCases = 8_000;

    [Fact]
    public void Add_matches_the_sum_modulo_2_256_and_reports_overflow() =>
        Check(Cases, (a, b) =>
        {
            var overflow = UInt256.AddOverflow(in a, in b, out var r);
            UInt256.Add(in a, in b, out var plain);
            var sum = Big(a) + Big(b);
            return Big(r) == sum % TwoTo256 && overflow == (sum >= TwoTo256) && plain == r && a + b == r;
        });

    [Fact]
    public void Subtract_matches_the_difference_modulo_2_256_and_reports_underflow() =>
        Check(Cases, (a, b) =>
        {
            var underflow = UInt256.SubtractUnderflow(in a, in b, out var r);
            UInt256.Subtract(in a, in b, out var plain);
            return r == Wrap(Big(a) - Big(b)) && underflow == (a < b) && plain == r && a - b == r;
        });

    [Fact]
    public void Multiply_matches_the_product_modulo_2_256_and_reports_overflow() =>
        Check(Cases, (a, b) =>
        {
            var overflow = UInt256.MultiplyOverflow(in a, in b, out var r);
            UInt256.Multiply(in a, in b, out var plain);
            var product = Big(a) * Big(b);
            return Big(r) == product % TwoTo256 && overflow == (product >= TwoTo256) && plain == r && a * b == r;
        });

    [Fact]
    public void Divide_and_Mod_match_BigInteger_with_zero_for_a_zero_divisor() =>
        Check(Cases, (a, b) =>
        {
            UInt256.Divide(in a, in b, out var q);
            UInt256.Mod(in a, in b, out var r);
            UInt256.DivRem(in a, in b, out var q2, out var r2);
            var expectedQ = b.IsZero ? BigInteger.Zero : BigInteger.Divide(Big(a), Big(b));
            var expectedR = b.IsZero ? BigInteger.Zero : BigInteger.Remainder(Big(a), Big(b));
            return Big(q) == expectedQ && Big(r) == expectedR && q2 == q && r2 == r && a / b == q && a % b == r;
        });

    [Fact]
    public void Divide_by_a_divisor_close_to_the_dividend_matches_BigInteger() =>
        // Divisors made from the dividend's own top bits give quotients near limb boundaries, where the
        // quotient estimate and the add-back step are exercised.
        Prop.ForAll(Arbitrary, Arbitrary, (a, b) =>
        {
            var shift = (int)(b.U0 % 250);
            var divisor = (a >> shift) + new UInt256(b.U1 % 3) - UInt256.One;
            UInt256.DivRem(in a, in divisor, out var q, out var r);
            var expectedQ = divisor.IsZero ? BigInteger.Zero : Big(a) / Big(divisor);
            var expectedR = divisor.IsZero ? BigInteger.Zero : Big(a) % Big(divisor);
            return Big(q) == expectedQ && Big(r) == expectedR;
        }).Check(Config(CostlyCases));

    [Fact]
    public void AddMod_matches_the_full_width_sum_modulo_m() =>
        Check(CostlyCases, (a, b, m) =>
        {
            UInt256.AddMod(in a, in b, in m, out var r);
            return Big(r) == (m.IsZero ? BigInteger.Zero : (Big(a) + Big(b)) % Big(m));
        });

    [Fact]
    public void MulMod_matches_the_full_width_product_modulo_m() =>
        Check(CostlyCases, (a, b, m) =>
        {
            UInt256.MulMod(in a, in b, in m, out var r);
            return Big(r) == (m.IsZero ? BigInteger.Zero : Big(a) * Big(b) % Big(m));
        });

    [Fact]
    public void Exp_matches_modular_power_of_2_256() =>
        Prop.ForAll(Arbitrary, SmallOrAny, (b, e) =>
        {
            UInt256.Exp(in b, in e, out var r);
            return Big(r) == BigInteger.ModPow(Big(b), Big(e), TwoTo256);
        }).Check(Config(Cases / 2));

    [Fact]
    public void SignedDivide_truncates_toward_zero() =>
        Check(Cases, (a, b) =>
        {
            UInt256.SignedDivide(in a, in b, out var r);
            return r == (b.IsZero ? UInt256.Zero : Wrap(BigInteger.Divide(Signed(a), Signed(b))));
        });

    [Fact]
    public void SignedMod_takes_the_sign_of_the_dividend() =>
        Check(Cases, (a, b) =>
        {
            UInt256.SignedMod(in a, in b, out var r);
            return r == (b.IsZero ? UInt256.Zero : Wrap(BigInteger.Remainder(Signed(a), Signed(b))));
        });

    [Fact]
    public void Negate_is_the_twos_complement() =>
        Check(Cases, a =>
        {
            UInt256.Negate(in a, out var r);
            return r == Wrap(-Big(a)) && -a == r;
        });

    [Fact]
    public void SignedCompare_orders_twos_complement_values() =>
        Check(Cases, (a, b) => Math.Sign(UInt256.SignedCompare(in a, in b)) == Signed(a).CompareTo(Signed(b)));

    [Fact]
    public void Unsigned_comparisons_match_BigInteger() =>
        Check(Cases, (a, b) =>
        {
            var expected = Big(a).CompareTo(Big(b));
            return Math.Sign(UInt256.Compare(in a, in b)) == expected
                && Math.Sign(a.CompareTo(b)) == expected
                && (a < b) == (expected < 0)
                && (a > b) == (expected > 0)
                && (a <= b) == (expected <= 0)
                && (a >= b) == (expected >= 0)
                && (a == b) == (expected == 0)
                && (a != b) == (expected != 0)
                && a.Equals(b) == (expected == 0)
                && a.Equals((object)b) == (expected == 0);
        });

    [Fact]
    public void Equal_values_have_equal_hash_codes() =>
        Check(Cases, a =>
        {
            var copy = new UInt256(a.U0, a.U1, a.U2, a.U3);
            return a.GetHashCode() == copy.GetHashCode();
        });

    [Fact]
    public void Bitwise_operations_match_BigInteger() =>
        Check(Cases, (a, b) =>
        {
            UInt256.And(in a, in b, out var and);
            UInt256.Or(in a, in b, out var or);
            UInt256.Xor(in a, in b, out var xor);
            UInt256.Not(in a, out var not);
            return Big(and) == (Big(a) & Big(b))
                && Big(or) == (Big(a) | Big(b))
                && Big(xor) == (Big(a) ^ Big(b))
                && Big(not) == TwoTo256 - 1 - Big(a)
                && (a & b) == and && (a | b) == or && (a ^ b) == xor && ~a == not;
        });

    [Fact]
    public void Shifts_match_BigInteger_with_zero_from_256_bits() =>
        Prop.ForAll(Arbitrary, SmallOrAny, (a, shift) =>
        {
            UInt256.LeftShift(in a, in shift, out var left);
            UInt256.RightShift(in a, in shift, out var right);
            var big = shift >= new UInt256(256) ? 256 : (int)shift.U0;
            var expectedLeft = big >= 256 ? BigInteger.Zero : (Big(a) << big) % TwoTo256;
            var expectedRight = big >= 256 ? BigInteger.Zero : Big(a) >> big;
            var intForms = big >= 256 || (a << big == left && a >> big == right);
            return Big(left) == expectedLeft && Big(right) == expectedRight && intForms;
        }).Check(Config(Cases));

    [Fact]
    public void ArithmeticRightShift_floors_like_signed_division_by_a_power_of_two() =>
        Prop.ForAll(Arbitrary, SmallOrAny, (a, shift) =>
        {
            UInt256.ArithmeticRightShift(in a, in shift, out var r);
            var big = shift >= new UInt256(256) ? 256 : (int)shift.U0;
            var expected = big >= 256 ? (a.IsNegative ? BigInteger.MinusOne : BigInteger.Zero) : Signed(a) >> big;
            return r == Wrap(expected);
        }).Check(Config(Cases));

    [Fact]
    public void SignExtend_copies_the_sign_bit_of_the_chosen_byte_upwards() =>
        Prop.ForAll(SmallOrAny, Arbitrary, (index, x) =>
        {
            UInt256.SignExtend(in index, in x, out var r);
            if (index >= new UInt256(31))
            {
                return r == x;
            }

            var bits = ((int)index.U0 + 1) * 8;
            var low = Big(x) % (BigInteger.One << bits);
            var negative = !(low >> (bits - 1)).IsZero;
            return r == Wrap(negative ? low - (BigInteger.One << bits) : low);
        }).Check(Config(Cases));

    [Fact]
    public void Byte_reads_from_the_most_significant_end() =>
        Prop.ForAll(SmallOrAny, Arbitrary, (index, x) =>
        {
            var expected = index >= new UInt256(32) ? 0 : (int)((Big(x) >> (8 * (31 - (int)index.U0))) & 0xFF);
            return x.Byte(in index) == expected && (index >= new UInt256(32) || x.Byte((int)index.U0) == expected);
        }).Check(Config(Cases));

    [Fact]
    public void Lengths_match_the_minimal_encoding() =>
        Check(Cases, a =>
        {
            var bits = (int)Big(a).GetBitLength();
            return a.BitLength == bits && a.ByteLength == (bits + 7) / 8;
        });

    [Fact]
    public void Big_endian_bytes_round_trip_in_full_and_trimmed_form() =>
        Check(Cases, a =>
        {
            Span<byte> full = stackalloc byte[32];
            a.ToBigEndian(full);
            Span<byte> trimmed = stackalloc byte[32];
            var length = a.WriteBigEndianTrimmed(trimmed);
            var expected = Big(a).ToByteArray(isUnsigned: true, isBigEndian: true);
            var expectedTrimmed = a.IsZero ? [] : expected;
            return new UInt256(full) == a
                && UInt256.FromBigEndian(trimmed[..length]) == a
                && trimmed[..length].SequenceEqual(expectedTrimmed)
                && full[(32 - length)..].SequenceEqual(expectedTrimmed)
                && a.ToBigEndian().AsSpan().SequenceEqual(full);
        });

    [Fact]
    public void Text_round_trips_in_decimal_and_hex() =>
        Check(CostlyCases, a =>
        {
            var decimalText = a.ToString();
            var hexText = a.ToString("x");
            var quantity = a.ToHexQuantity();
            return decimalText == Big(a).ToString()
                && hexText == (a.IsZero ? "0" : Big(a).ToString("x").TrimStart('0'))
                && quantity == "0x" + hexText
                && UInt256.Parse(decimalText) == a
                && UInt256.Parse("0x" + hexText) == a
                && UInt256.Parse("0X" + a.ToString("X64")) == a;
        });

    [Fact]
    public void Conversions_to_64_bits_truncate_saturate_or_report() =>
        Check(Cases, a =>
        {
            var fits = a.TryGetUInt64(out var value);
            var expectedFits = Big(a) <= ulong.MaxValue;
            return fits == expectedFits
                && a.IsUInt64 == expectedFits
                && (ulong)a == (ulong)(Big(a) & ulong.MaxValue)
                && a.ToUInt64Saturating() == (expectedFits ? value : ulong.MaxValue)
                && a.ToInt64Saturating() == (long)BigInteger.Min(Big(a), long.MaxValue)
                && (UInt256)(BigInteger)a == a;
        });
}
