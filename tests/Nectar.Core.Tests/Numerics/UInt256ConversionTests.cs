using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nectar.Core.Numerics;
using static Nectar.Core.Tests.Numerics.UInt256Samples;

namespace Nectar.Core.Tests.Numerics;

/// <summary>Layout, bytes, integer and BigInteger conversions, equality and hashing.</summary>
public class UInt256ConversionTests
{
    [Fact]
    public void Layout_is_four_little_endian_limbs_in_32_bytes()
    {
        Assert.Equal(32, Unsafe.SizeOf<UInt256>());
        var value = new UInt256(1, 2, 3, 4);
        var limbs = MemoryMarshal.Cast<UInt256, ulong>(new[] { value });
        Assert.Equal(new ulong[] { 1, 2, 3, 4 }, limbs.ToArray());
        Assert.Equal(Big(value), 1 + (new BigInteger(2) << 64) + (new BigInteger(3) << 128) + (new BigInteger(4) << 192));
    }

    [Fact]
    public void Constants_are_zero_one_and_all_ones()
    {
        Assert.True(UInt256.Zero.IsZero);
        Assert.Equal(default, UInt256.Zero);
        Assert.True(UInt256.One.IsOne);
        Assert.False(UInt256.Zero.IsOne);
        Assert.False(new UInt256(1, 1, 0, 0).IsOne);
        Assert.Equal(TwoTo256 - 1, Big(UInt256.MaxValue));
        Assert.Equal(256, UInt256.MaxValue.BitLength);
        Assert.Equal(0, UInt256.Zero.BitLength);
        Assert.Equal(0, UInt256.Zero.ByteLength);
        Assert.Equal(1, UInt256.One.ByteLength);
        Assert.Equal(32, UInt256.MaxValue.ByteLength);
        Assert.Equal(9, Pow2(64).ByteLength);
    }

    [Fact]
    public void Short_big_endian_input_is_left_padded()
    {
        Assert.Equal(UInt256.Zero, UInt256.FromBigEndian([]));
        Assert.Equal(new UInt256(0x0102), UInt256.FromBigEndian([0x01, 0x02]));
        Assert.Equal(new UInt256(0x0102), new UInt256([0x00, 0x00, 0x01, 0x02]));
        var nine = UInt256.FromBigEndian([1, 0, 0, 0, 0, 0, 0, 0, 2]);
        Assert.Equal(new UInt256(2, 1, 0, 0), nine);
    }

    [Fact]
    public void Full_big_endian_input_puts_the_first_byte_on_top()
    {
        var bytes = new byte[32];
        bytes[0] = 0x80;
        bytes[31] = 0x01;
        Assert.Equal(new UInt256(1, 0, 0, 0x8000_0000_0000_0000UL), UInt256.FromBigEndian(bytes));
    }

    [Fact]
    public void Rejects_more_than_32_bytes()
    {
        var error = Assert.Throws<ArgumentException>(() => UInt256.FromBigEndian(new byte[33]));
        Assert.Contains("at most 32", error.Message, StringComparison.Ordinal);
        Assert.Contains("33", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_exactly_32_bytes_and_rejects_a_short_destination()
    {
        var destination = Enumerable.Repeat((byte)0xEE, 40).ToArray();
        new UInt256(0x0102).ToBigEndian(destination);
        Assert.Equal(0x01, destination[30]);
        Assert.Equal(0x02, destination[31]);
        Assert.All(destination[..30], b => Assert.Equal(0, b));
        Assert.All(destination[32..], b => Assert.Equal(0xEE, b));
        Assert.Throws<ArgumentException>(() => UInt256.One.ToBigEndian(new byte[31]));
        Assert.Equal(32, UInt256.One.ToBigEndian().Length);
    }

    [Fact]
    public void Trimmed_bytes_are_minimal_and_need_room()
    {
        Span<byte> buffer = stackalloc byte[32];
        Assert.Equal(0, UInt256.Zero.WriteBigEndianTrimmed(buffer));
        Assert.Equal(0, UInt256.Zero.WriteBigEndianTrimmed([]));
        Assert.Equal(1, new UInt256(0x7F).WriteBigEndianTrimmed(buffer));
        Assert.Equal(0x7F, buffer[0]);
        Assert.Equal(2, new UInt256(0x100).WriteBigEndianTrimmed(buffer));
        Assert.Equal(new byte[] { 1, 0 }, buffer[..2].ToArray());
        Assert.Throws<ArgumentException>(() => new UInt256(0x100).WriteBigEndianTrimmed(new byte[1]));
    }

    [Fact]
    public void Conversion_from_int_accepts_only_non_negative_values()
    {
        Assert.Equal(new UInt256(5), (UInt256)5);
        Assert.Equal(new UInt256(int.MaxValue), (UInt256)int.MaxValue);
        var negative = -1;
        var error = Assert.Throws<OverflowException>(() => (UInt256)negative);
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conversions_to_and_from_128_bits()
    {
        UInt256 widened = UInt128.MaxValue;
        Assert.Equal(new UInt256(ulong.MaxValue, ulong.MaxValue, 0, 0), widened);
        Assert.Equal(new UInt128(2, 1), (UInt128)new UInt256(1, 2, 3, 4));
    }

    [Fact]
    public void Saturating_conversions_clamp_large_values()
    {
        Assert.Equal(ulong.MaxValue, Pow2(64).ToUInt64Saturating());
        Assert.Equal(ulong.MaxValue, new UInt256(ulong.MaxValue).ToUInt64Saturating());
        Assert.Equal(5UL, new UInt256(5).ToUInt64Saturating());
        Assert.Equal(long.MaxValue, new UInt256(1UL << 63).ToInt64Saturating());
        Assert.Equal(long.MaxValue, UInt256.MaxValue.ToInt64Saturating());
        Assert.Equal(long.MaxValue, new UInt256(long.MaxValue).ToInt64Saturating());
        Assert.Equal(5L, new UInt256(5).ToInt64Saturating());
        Assert.Equal(3UL, (ulong)new UInt256(3, 9, 9, 9));
        Assert.False(new UInt256(3, 9, 0, 0).TryGetUInt64(out var low));
        Assert.Equal(3UL, low);
    }

    [Fact]
    public void BigInteger_outside_the_range_is_rejected()
    {
        Assert.Throws<OverflowException>(() => (UInt256)BigInteger.MinusOne);
        Assert.Throws<OverflowException>(() => (UInt256)TwoTo256);
        Assert.Equal(UInt256.MaxValue, (UInt256)(TwoTo256 - 1));
        Assert.Equal(UInt256.Zero, (UInt256)BigInteger.Zero);
    }

    [Fact]
    public void Equality_with_objects_and_ordering_against_null()
    {
        object boxed = new UInt256(7);
        Assert.True(new UInt256(7).Equals(boxed));
        Assert.False(new UInt256(7).Equals((object)7UL));
        Assert.False(new UInt256(7).Equals(null));
        Assert.True(new UInt256(7).CompareTo(null) > 0);
        Assert.Equal(0, new UInt256(7).CompareTo(boxed));
        Assert.Throws<ArgumentException>(() => new UInt256(7).CompareTo("7"));
    }

    [Fact]
    public void Values_differing_in_any_limb_are_unequal()
    {
        var value = new UInt256(1, 2, 3, 4);
        Assert.NotEqual(value, new UInt256(0, 2, 3, 4));
        Assert.NotEqual(value, new UInt256(1, 0, 3, 4));
        Assert.NotEqual(value, new UInt256(1, 2, 0, 4));
        Assert.NotEqual(value, new UInt256(1, 2, 3, 0));
        Assert.True(value != new UInt256(1, 2, 3, 5));
    }

    [Fact]
    public void Hash_codes_spread_values_that_differ_in_one_limb_or_bit()
    {
        var values = new HashSet<UInt256>();
        for (var bit = 0; bit < 256; bit++)
        {
            values.Add(Pow2(bit));
        }

        for (ulong i = 0; i < 500; i++)
        {
            values.Add(new UInt256(i));
            values.Add(new UInt256(0, i, 0, 0));
            values.Add(new UInt256(0, 0, i, 0));
            values.Add(new UInt256(0, 0, 0, i));
        }

        var hashes = values.Select(v => v.GetHashCode()).Distinct().Count();

        // The keys are random per process; a 32-bit hash allows a stray collision, not a pattern.
        Assert.True(hashes >= values.Count - 3, $"{values.Count} values gave {hashes} hash codes");
    }

    [Fact]
    public void Values_work_as_dictionary_keys()
    {
        var map = new Dictionary<UInt256, int> { [UInt256.MaxValue] = 1, [UInt256.Zero] = 2, [Pow2(200)] = 3 };
        Assert.Equal(1, map[UInt256.Parse("0x" + new string('f', 64))]);
        Assert.Equal(3, map[UInt256.One << 200]);
        Assert.False(map.ContainsKey(UInt256.One));
    }
}
