using FsCheck;
using FsCheck.Fluent;
using Nectar.Core.Encoding;

namespace Nectar.Core.Tests.Encoding;

public sealed class HexTests
{
    [Theory]
    [InlineData(new byte[0], "0x", "")]
    [InlineData(new byte[] { 0x00 }, "0x00", "00")]
    [InlineData(new byte[] { 0xAB, 0xCD, 0xEF, 0x01 }, "0xabcdef01", "abcdef01")]
    public void Encodes_lowercase_with_or_without_prefix(byte[] bytes, string withPrefix, string bare)
    {
        Assert.Equal(withPrefix, Hex.ToHexString(bytes));
        Assert.Equal(bare, Hex.ToHexString(bytes, withPrefix: false));

        var chars = new char[withPrefix.Length];
        Assert.True(Hex.TryEncode(bytes, chars, out var written));
        Assert.Equal(withPrefix, new string(chars, 0, written));

        var utf8 = new byte[bare.Length];
        Assert.True(Hex.TryEncode(bytes, utf8, out written, withPrefix: false));
        Assert.Equal(bare, System.Text.Encoding.ASCII.GetString(utf8, 0, written));
    }

    [Fact]
    public void Refuses_to_encode_into_a_short_destination()
    {
        Assert.False(Hex.TryEncode([1, 2], new char[5], out var written));
        Assert.Equal(0, written);
        Assert.False(Hex.TryEncode([1, 2], new byte[3], out written, withPrefix: false));
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData("0xDeadBeef")]
    [InlineData("0XdeadBEEF")]
    [InlineData("deadbeef")]
    public void Decodes_either_case_with_an_optional_prefix(string text)
    {
        Assert.Equal(new byte[] { 0xDE, 0xAD, 0xBE, 0xEF }, Hex.Decode(text));
        Assert.Equal(new byte[] { 0xDE, 0xAD, 0xBE, 0xEF }, Hex.Decode(System.Text.Encoding.ASCII.GetBytes(text)));
        Span<byte> destination = stackalloc byte[8];
        Assert.Equal(HexError.None, Hex.TryDecode(text, destination, out var written));
        Assert.Equal(4, written);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("0x", 0)]
    public void Decodes_empty_input_to_no_bytes(string text, int expected)
    {
        Assert.Equal(expected, Hex.Decode(text).Length);
        Assert.Equal(HexError.None, Hex.TryDecode(text, Span<byte>.Empty, out var written));
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData("0x123", HexPrefix.Optional, HexError.OddLength, "odd number of digits (3)")]
    [InlineData("abc", HexPrefix.Optional, HexError.OddLength, "odd number of digits (3)")]
    [InlineData("0x12g4", HexPrefix.Optional, HexError.InvalidCharacter, "'g' at index 4")]
    [InlineData("12 4", HexPrefix.Optional, HexError.InvalidCharacter, "' ' at index 2")]
    [InlineData("1\u00e92\u00e9", HexPrefix.Optional, HexError.InvalidCharacter, "U+00E9 at index 1")]
    [InlineData("1234", HexPrefix.Required, HexError.MissingPrefix, "must start with 0x")]
    [InlineData("0x1234", HexPrefix.Forbidden, HexError.InvalidCharacter, "'x' at index 1")]
    [InlineData("0x0x12", HexPrefix.Optional, HexError.InvalidCharacter, "'x' at index 3")]
    public void Rejects_malformed_input_with_a_specific_reason(string text, HexPrefix prefix, HexError error, string message)
    {
        var destination = new byte[16];
        Assert.Equal(error, Hex.TryDecode(text, destination, out var written, prefix));
        Assert.Equal(0, written);
        Assert.Equal(error, Hex.TryDecode(System.Text.Encoding.UTF8.GetBytes(text), destination, out written, prefix));
        Assert.Equal(error, Hex.TryDecode(text, out byte[]? bytes, prefix));
        Assert.Null(bytes);

        var exception = Assert.Throws<FormatException>(() => Hex.Decode(text, prefix));
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_destination_that_is_too_short()
    {
        Assert.Equal(HexError.DestinationTooShort, Hex.TryDecode("0x010203", new byte[2], out var written));
        Assert.Equal(0, written);
        Assert.Equal(HexError.DestinationTooShort, Hex.TryDecode("010203"u8, new byte[2], out written));
    }

    [Fact]
    public void Detects_the_prefix()
    {
        Assert.True(Hex.HasPrefix("0x"));
        Assert.True(Hex.HasPrefix("0X12"u8));
        Assert.False(Hex.HasPrefix("x0"));
        Assert.False(Hex.HasPrefix("0"));
    }

    [Fact]
    public void Round_trips_any_bytes()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
            Hex.Decode(Hex.ToHexString(bytes), HexPrefix.Required).AsSpan().SequenceEqual(bytes)
            && Hex.Decode(Hex.ToHexString(bytes, withPrefix: false), HexPrefix.Forbidden).AsSpan().SequenceEqual(bytes));
        Check.One(PropertyConfig.Replayable(1), property);
    }

    [Theory]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(1000)]
    [InlineData(5000)]
    public void Round_trips_long_inputs_across_internal_chunks(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        var text = Hex.ToHexString(bytes);
        Assert.Equal("0x" + Convert.ToHexStringLower(bytes), text);
        Assert.Equal(bytes, Hex.Decode(text));

        var chars = new char[Hex.GetEncodedLength(length, withPrefix: false)];
        Assert.True(Hex.TryEncode(bytes, chars, out var written, withPrefix: false));
        Assert.Equal(text[2..], new string(chars, 0, written));
    }

    [Theory]
    [InlineData('g')]
    [InlineData('\u00e9')]
    [InlineData('\u4e00')]
    public void Finds_an_invalid_character_far_into_a_long_input(char bad)
    {
        var chars = Hex.ToHexString(new byte[1000], withPrefix: false).ToCharArray();
        chars[1501] = bad;
        Assert.Equal(HexError.InvalidCharacter, Hex.TryDecode(chars, new byte[1000], out var written));
        Assert.Equal(0, written);
        var error = Assert.Throws<FormatException>(() => Hex.Decode(chars));
        Assert.Contains("at index 1501", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Span_encoding_and_decoding_allocate_nothing()
    {
        var bytes = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
        var chars = new char[130];
        var utf8 = new byte[130];
        var decoded = new byte[64];
        Hex.TryEncode(bytes, chars, out _);
        Hex.TryEncode(bytes, utf8, out _);
        Hex.TryDecode(chars, decoded, out _);
        Hex.TryDecode(utf8, decoded, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            Hex.TryEncode(bytes, chars, out _);
            Hex.TryEncode(bytes, utf8, out _);
            Hex.TryDecode(chars, decoded, out _);
            Hex.TryDecode(utf8, decoded, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(bytes, decoded);
    }
}
