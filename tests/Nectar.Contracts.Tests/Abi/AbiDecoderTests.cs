using Nectar.Contracts.Abi;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Tests.Abi;

/// <summary>The strict decoder: every malformed input fails with the reason, the offset and the parameter.</summary>
public sealed class AbiDecoderTests
{
    [Fact]
    public void Decodes_each_scalar_at_the_edges_of_its_range()
    {
        var parameters = AbiType.Parse("(uint8,int8,int8,address,bool,bytes2)");
        var data = Words.Of(
            "255",
            "raw:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80",
            "127",
            "0xffffffffffffffffffffffffffffffffffffffff",
            "1",
            "raw:abcd000000000000000000000000000000000000000000000000000000000000");

        var values = AbiDecoder.Decode(parameters, data);

        Assert.Equal(255UL, values[0].ToUInt64());
        Assert.Equal(-128L, values[1].ToInt64());
        Assert.Equal(127L, values[2].ToInt64());
        Assert.Equal(Address.Parse("0xffffffffffffffffffffffffffffffffffffffff"), values[3].AsAddress());
        Assert.True(values[4].AsBool());
        Assert.Equal(new byte[] { 0xab, 0xcd }, values[5].ToByteArray());
    }

    [Theory]
    [InlineData("(uint8)", "256", "uint8 word has non-zero bytes above its bits")]
    [InlineData("(uint32)", "0x100000000", "uint32 word has non-zero bytes above its bits")]
    [InlineData("(int8)", "128", "int8 word is not sign-extended")]
    [InlineData("(int8)", "raw:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "int8 word is not sign-extended")]
    [InlineData("(int16)", "raw:00000000000000000000000000000000000000000000000000000000ffff8000", "int16 word is not sign-extended")]
    [InlineData("(address)", "0x010000000000000000000000000000000000000000", "address word has non-zero bytes above its 20 bytes")]
    [InlineData("(bool)", "2", "bool word is neither 0 nor 1")]
    [InlineData("(bool)", "raw:0100000000000000000000000000000000000000000000000000000000000001", "bool word is neither 0 nor 1")]
    [InlineData("(bytes4)", "raw:1234567800000000000000000000000000000000000000000000000000000001", "bytes4 word has non-zero bytes after its bytes")]
    [InlineData("(function)", "raw:000000000000000000000000000000000000000000000000000000000000ff00", "function word has non-zero bytes after its bytes")]
    public void Scalars_breaking_their_padding_rules_are_refused(string parameters, string word, string reason)
    {
        var error = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(AbiType.Parse(parameters), Words.Of(word)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.Offset);
        Assert.Equal("#0", error.Path);
    }

    [Fact]
    public void Data_shorter_than_the_head_is_refused()
    {
        var error = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(AbiType.Parse("(uint256,uint256)"), Words.Of("1")));

        Assert.Contains("The data ends (32 bytes)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void Offsets_beyond_the_data_are_refused()
    {
        var parameters = AbiType.Parse("(bytes)");

        Assert.Contains("points beyond the end", Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(parameters, Words.Of("0x60", "0"))).Message, StringComparison.Ordinal);
        Assert.Contains("points beyond the end", Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(parameters, Words.Of("0x8000000000000000000000000000000000000000000000000000000000000020", "0"))).Message, StringComparison.Ordinal);
        Assert.Contains("data ends", Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(parameters, Words.Of("0x40", "0"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offsets_into_the_head_they_belong_to_are_refused()
    {
        var error = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(AbiType.Parse("(uint256,bytes)"), Words.Of("0x20", "0x20", "0")));

        Assert.Contains("points into the 64-byte head", error.Message, StringComparison.Ordinal);
        Assert.Equal(32, error.Offset);
    }

    [Fact]
    public void Lengths_beyond_the_data_are_refused_before_anything_is_allocated()
    {
        var bytesError = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(AbiType.Parse("(bytes)"), Words.Of("0x20", "33", "0")));
        var hugeError = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(AbiType.Parse("(bytes)"), Words.Of("0x20", "0xffffffffffffffffffffffffffffffff")));
        var arrayError = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(AbiType.Parse("(uint256[])"), Words.Of("0x20", "3", "1", "2")));
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(AbiType.Parse("(uint256[])"), Words.Of("0x20", "0x7fffffff", "1")));

        Assert.Contains("declares 33 bytes", bytesError.Message, StringComparison.Ordinal);
        Assert.Contains("exceeds the data", hugeError.Message, StringComparison.Ordinal);
        Assert.Contains("declares 3 elements", arrayError.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000);
    }

    [Fact]
    public void Non_zero_padding_after_bytes_is_refused()
    {
        var data = Words.Of("0x20", "3", "raw:6162630000000000000000000000000000000000000000000000000000000001");

        var error = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(AbiType.Parse("(string)"), data));

        Assert.Contains("non-zero padding byte", error.Message, StringComparison.Ordinal);
        Assert.Equal(95, error.Offset);
    }

    [Fact]
    public void Strings_that_are_not_UTF8_are_refused()
    {
        var data = Words.Of("0x20", "2", "raw:c328000000000000000000000000000000000000000000000000000000000000");

        Assert.Contains("not valid UTF-8", Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(AbiType.Parse("(string)"), data)).Message, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0xc3, 0x28 }, AbiDecoder.Decode(AbiType.Parse("(bytes)"), data)[0].ToByteArray());
    }

    [Fact]
    public void Aliased_offsets_cannot_make_a_small_input_decode_into_a_large_value()
    {
        // uint256[][] whose three elements all point at one 3-element array: 12 values from 9 words.
        var aliased = Words.Of("0x20", "3", "0x60", "0x60", "0x60", "3", "1", "2", "3");
        var canonical = Words.Of("0x20", "1", "0x20", "3", "1", "2", "3");

        var error = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(AbiType.Parse("(uint256[][])"), aliased));

        Assert.Contains("offsets overlap", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, AbiDecoder.Decode(AbiType.Parse("(uint256[][])"), canonical)[0][0].Count);
    }

    [Fact]
    public void Errors_name_the_offset_and_the_path_of_the_offending_value()
    {
        var parameters = AbiType.TupleOf(
            new AbiParameter("count", AbiType.UInt256),
            new AbiParameter("items", AbiType.ArrayOf(AbiType.TupleOf(new AbiParameter("owner", AbiType.Address), new AbiParameter("flag", AbiType.Bool)))));
        var data = Words.Of("7", "0x40", "2", "0xa", "1", "0xb", "2");

        var error = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(parameters, data));

        Assert.Equal("items[1].flag", error.Path);
        Assert.Equal(192, error.Offset);
        Assert.Equal("The bool word is neither 0 nor 1: 0x0000000000000000000000000000000000000000000000000000000000000002 at byte 192 (decoding items[1].flag)", error.Message);
    }

    [Fact]
    public void Bytes_after_the_encoding_are_ignored_as_Solidity_ignores_them()
    {
        var values = AbiDecoder.Decode(AbiType.Parse("(uint256)"), [.. Words.Of("5"), 0xff, 0xee]);

        Assert.Equal(5UL, values[0].ToUInt64());
    }

    [Fact]
    public void Call_data_must_start_with_the_expected_selector()
    {
        var transfer = AbiFunction.Parse("transfer(address,uint256)");
        var approve = AbiFunction.Parse("approve(address,uint256)");
        var call = approve.EncodeCall(AbiValue.FromAddress(Address.Zero), AbiValue.FromUInt(1UL));

        Assert.Contains("expected 0xa9059cbb", Assert.Throws<AbiDecodingException>(() => transfer.DecodeCall(call)).Message, StringComparison.Ordinal);
        Assert.Contains("too few for a 4-byte selector", Assert.Throws<AbiDecodingException>(() => transfer.DecodeCall([0xa9, 0x05])).Message, StringComparison.Ordinal);
        Assert.Equal(2, approve.DecodeCall(call).Length);
    }

    [Fact]
    public void Decoding_static_parameters_into_a_span_allocates_nothing()
    {
        var parameters = AbiType.Parse("(address,uint256,bool)");
        var data = Words.Of("0xa11ce", "1000", "1");
        var values = new AbiValue[3];
        AbiDecoder.Decode(parameters, data, values);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            AbiDecoder.Decode(parameters, data, values);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000UL, values[1].ToUInt64());
    }
}
