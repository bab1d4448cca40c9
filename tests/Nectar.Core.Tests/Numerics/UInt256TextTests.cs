using System.Globalization;
using System.Numerics;
using Nectar.Core.Numerics;
using static Nectar.Core.Tests.Numerics.UInt256Samples;

namespace Nectar.Core.Tests.Numerics;

/// <summary>Decimal and hex text, the JSON-RPC quantity form, and parse errors.</summary>
public class UInt256TextTests
{
    private const string MaxDecimal = "115792089237316195423570985008687907853269984665640564039457584007913129639935";

    [Fact]
    public void Zero_formats_as_a_single_digit()
    {
        Assert.Equal("0", UInt256.Zero.ToString());
        Assert.Equal("0", UInt256.Zero.ToString("x"));
        Assert.Equal("0x0", UInt256.Zero.ToHexQuantity());
    }

    [Fact]
    public void Quantities_have_no_leading_zeros()
    {
        Assert.Equal("0x1a", new UInt256(26).ToHexQuantity());
        Assert.Equal("0x1", UInt256.One.ToHexQuantity());
        Assert.Equal("0x10000000000000000", Pow2(64).ToHexQuantity());
        Assert.Equal("0x" + new string('f', 64), UInt256.MaxValue.ToHexQuantity());
    }

    [Fact]
    public void Maximum_value_formats_in_decimal_and_hex()
    {
        Assert.Equal(MaxDecimal, UInt256.MaxValue.ToString());
        Assert.Equal(new string('f', 64), UInt256.MaxValue.ToString("x"));
        Assert.Equal(new string('F', 64), UInt256.MaxValue.ToString("X"));
        Assert.Equal("10000000000000000000", new UInt256(10_000_000_000_000_000_000UL).ToString());
        Assert.Equal("100000000000000000000", (new UInt256(10_000_000_000_000_000_000UL) * new UInt256(10)).ToString());
    }

    [Fact]
    public void Precision_pads_with_zeros()
    {
        Assert.Equal(new string('0', 62) + "1a", new UInt256(26).ToString("x64"));
        Assert.Equal("00042", new UInt256(42).ToString("D5"));
        Assert.Equal("42", new UInt256(42).ToString("d1"));
        Assert.Equal(new string('0', 120) + "2a", new UInt256(42).ToString("x122"));
        Assert.Equal("42", new UInt256(42).ToString("G", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("q")]
    [InlineData("N")]
    [InlineData("x-1")]
    [InlineData("x1000")]
    [InlineData("D1a")]
    public void Unsupported_formats_are_rejected(string format)
    {
        var error = Assert.Throws<FormatException>(() => new UInt256(5).ToString(format));
        Assert.Contains("not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_into_spans_and_reports_short_destinations()
    {
        var value = UInt256.Parse("123456789012345678901234567890");
        Span<char> chars = stackalloc char[100];
        Assert.True(value.TryFormat(chars, out var written, "", null));
        Assert.Equal("123456789012345678901234567890", chars[..written].ToString());
        Assert.False(value.TryFormat(chars[..29], out written, "", null));
        Assert.Equal(0, written);

        Span<byte> utf8 = stackalloc byte[100];
        Assert.True(value.TryFormat(utf8, out written, "x", null));
        Assert.Equal(value.ToString("x"), System.Text.Encoding.ASCII.GetString(utf8[..written]));
        Assert.False(value.TryFormat(utf8[..3], out written, "x", null));

        Assert.True(value.TryFormatHexQuantity(utf8, out written));
        Assert.Equal(value.ToHexQuantity(), System.Text.Encoding.ASCII.GetString(utf8[..written]));
        Assert.False(new UInt256(26).TryFormatHexQuantity(utf8[..3], out written));
        Assert.True(new UInt256(26).TryFormatHexQuantity(chars[..4], out written));
        Assert.Equal("0x1a", chars[..written].ToString());
    }

    [Fact]
    public void Interpolated_strings_use_the_span_formatter()
    {
        var value = new UInt256(255);
        Assert.Equal("value 255 is 0xff", $"value {value} is 0x{value:x}");
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("00000", 0)]
    [InlineData("0x0", 0)]
    [InlineData("0x00", 0)]
    [InlineData("26", 26)]
    [InlineData("0x1a", 26)]
    [InlineData("0X1A", 26)]
    [InlineData("0x1A", 26)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    [InlineData("0xffffffffffffffff", ulong.MaxValue)]
    public void Parses_decimal_and_prefixed_hex(string text, ulong expected)
    {
        Assert.Equal(new UInt256(expected), UInt256.Parse(text));
        Assert.True(UInt256.TryParse(text, out var parsed));
        Assert.Equal(new UInt256(expected), parsed);
    }

    [Fact]
    public void Parses_the_maximum_and_rejects_one_more()
    {
        Assert.Equal(UInt256.MaxValue, UInt256.Parse(MaxDecimal));
        Assert.Equal(UInt256.MaxValue, UInt256.Parse("0x" + new string('f', 64)));
        Assert.Equal(UInt256.MaxValue, UInt256.Parse("0x" + new string('0', 40) + new string('f', 64)));
        Assert.Equal(UInt256.MaxValue, UInt256.Parse(new string('0', 100) + MaxDecimal));

        var decimalError = Assert.Throws<OverflowException>(() => UInt256.Parse((TwoTo256).ToString(CultureInfo.InvariantCulture)));
        Assert.Contains("exceeds 2^256 - 1", decimalError.Message, StringComparison.Ordinal);
        var hexError = Assert.Throws<OverflowException>(() => UInt256.Parse("0x1" + new string('0', 64)));
        Assert.Contains("exceeds 2^256 - 1", hexError.Message, StringComparison.Ordinal);
        Assert.Throws<OverflowException>(() => UInt256.Parse("9" + MaxDecimal));
        Assert.Throws<OverflowException>(() => UInt256.Parse(new string('9', 78)));
        Assert.False(UInt256.TryParse(new string('9', 78), out _));
    }

    [Fact]
    public void Rejects_empty_text()
    {
        var error = Assert.Throws<FormatException>(() => UInt256.Parse(""));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.False(UInt256.TryParse("", out _));
        Assert.False(UInt256.TryParse((string?)null, out _));
        Assert.Throws<ArgumentNullException>(() => UInt256.Parse(null!));
    }

    [Theory]
    [InlineData("0x")]
    [InlineData("0X")]
    public void Rejects_a_hex_prefix_without_digits(string text)
    {
        var error = Assert.Throws<FormatException>(() => UInt256.Parse(text));
        Assert.Contains("at least one hex digit", error.Message, StringComparison.Ordinal);
        Assert.False(UInt256.TryParse(text, out _));
    }

    [Theory]
    [InlineData("12a", "'a' at position 2 is not a decimal digit")]
    [InlineData("0xfg", "'g' at position 3 is not a hex digit")]
    [InlineData(" 1", "' ' at position 0")]
    [InlineData("1 ", "' ' at position 1")]
    [InlineData("+1", "'+' at position 0")]
    [InlineData("1_000", "'_' at position 1")]
    [InlineData("1,000", "',' at position 1")]
    [InlineData("0x-1", "'-' at position 2")]
    [InlineData("x10", "'x' at position 0")]
    [InlineData("00x1", "'x' at position 2")]
    [InlineData("-1", "unsigned")]
    public void Rejects_junk_with_its_position(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => UInt256.Parse(text));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.False(UInt256.TryParse(text, out var result));
        Assert.Equal(UInt256.Zero, result);
    }

    [Fact]
    public void Junk_is_reported_before_overflow()
    {
        var error = Assert.Throws<FormatException>(() => UInt256.Parse(new string('9', 100) + "z"));
        Assert.Contains("'z' at position 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_input_is_shortened_in_messages()
    {
        var error = Assert.Throws<FormatException>(() => UInt256.Parse(new string('1', 500) + "z"));
        Assert.True(error.Message.Length < 300, error.Message);
    }

    [Fact]
    public void Parses_through_the_span_parsable_interface()
    {
        Assert.Equal(new UInt256(26), ParseGeneric<UInt256>("0x1a"));
        Assert.Equal(Big(UInt256.Parse("1" + new string('0', 50))), BigInteger.Pow(10, 50));
    }

    private static T ParseGeneric<T>(string text)
        where T : ISpanParsable<T> => T.Parse(text.AsSpan(), CultureInfo.InvariantCulture);
}
