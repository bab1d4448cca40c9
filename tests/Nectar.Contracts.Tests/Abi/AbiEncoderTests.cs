using System.Numerics;
using Nectar.Contracts.Abi;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Tests.Abi;

public sealed class AbiEncoderTests
{
    private static readonly Address Alice = Address.Parse("0x00000000000000000000000000000000000a11ce");

    [Theory]
    [InlineData("uint8", 255, "00000000000000000000000000000000000000000000000000000000000000ff")]
    [InlineData("int8", -128, "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80")]
    [InlineData("int8", 127, "000000000000000000000000000000000000000000000000000000000000007f")]
    [InlineData("int256", -1, "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("int64", long.MinValue, "ffffffffffffffffffffffffffffffffffffffffffffffff8000000000000000")]
    public void Integers_at_the_edge_of_their_range_encode_sign_extended(string type, long value, string word)
    {
        var parameters = AbiType.TupleOf(AbiType.Parse(type));
        var encoded = AbiEncoder.Encode(parameters, value < 0 ? AbiValue.FromInt(value) : AbiValue.FromUInt((ulong)value));

        Assert.Equal(word, Hex.ToHexString(encoded, withPrefix: false));
    }

    [Theory]
    [InlineData("uint8", "256")]
    [InlineData("uint8", "-1")]
    [InlineData("int8", "128")]
    [InlineData("int8", "-129")]
    [InlineData("uint248", "452312848583266388373324160190187140051835877600158453279131187530910662656")]
    [InlineData("int256", "57896044618658097711785492504343953926634992332820282019728792003956564819968")]
    public void Integers_outside_their_range_are_refused(string type, string value)
    {
        var number = BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        var abiValue = number < 0 ? AbiValue.FromInt(number) : AbiValue.FromUInt((UInt256)number);

        var error = Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(AbiType.TupleOf(AbiType.Parse(type)), abiValue));

        Assert.Contains("does not fit " + type, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_of_the_wrong_kind_are_refused()
    {
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(AbiType.TupleOf(AbiType.Address), AbiValue.FromUInt(1UL)));
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(AbiType.TupleOf(AbiType.Bool), AbiValue.FromUInt(1UL)));
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(AbiType.TupleOf(AbiType.String), AbiValue.FromBytes([1])));
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(AbiType.TupleOf(AbiType.Bytes), AbiValue.FromString("x")));
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(AbiType.TupleOf(AbiType.Parse("uint8[]")), AbiValue.TupleOf(AbiValue.FromUInt(1UL))));
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(AbiType.TupleOf(AbiType.Parse("(uint8)")), AbiValue.ArrayOf(AbiValue.FromUInt(1UL))));
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(AbiType.TupleOf(AbiType.UInt256), default(AbiValue)));
    }

    [Fact]
    public void Lengths_must_match_fixed_arrays_fixed_bytes_and_parameter_lists()
    {
        Assert.Contains("needs 2 values, got 3", Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(
            AbiType.TupleOf(AbiType.Parse("bool[2]")),
            AbiValue.ArrayOf(AbiValue.FromBool(true), AbiValue.FromBool(false), AbiValue.FromBool(true)))).Message, StringComparison.Ordinal);
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(AbiType.TupleOf(AbiType.FixedBytes(4)), AbiValue.FromFixedBytes([1, 2, 3])));
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(AbiType.TupleOf(AbiType.Function), AbiValue.FromFixedBytes(new byte[20])));
        Assert.Contains("Expected 2 values", Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(AbiType.Parse("(bool,bool)"), AbiValue.FromBool(true))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_name_the_path_to_the_offending_value()
    {
        var parameters = AbiType.TupleOf(
            new AbiParameter("recipient", AbiType.Address),
            new AbiParameter("orders", AbiType.ArrayOf(AbiType.TupleOf(new AbiParameter("id", AbiType.UInt(8)), new AbiParameter("note", AbiType.String)))));
        var orders = AbiValue.ArrayOf(
            AbiValue.TupleOf(AbiValue.FromUInt(1UL), AbiValue.FromString("ok")),
            AbiValue.TupleOf(AbiValue.FromUInt(300UL), AbiValue.FromString("too big")));

        var error = Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(parameters, AbiValue.FromAddress(Alice), orders));

        Assert.Equal("orders[1].id", error.Path);
        Assert.Contains("(at orders[1].id)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_with_a_lone_surrogate_has_no_UTF8_form_and_is_refused()
    {
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(AbiType.TupleOf(AbiType.String), AbiValue.FromString("bad \ud800 text")));
    }

    [Fact]
    public void Strings_are_encoded_as_UTF8_with_their_byte_length()
    {
        var encoded = AbiEncoder.Encode(AbiType.TupleOf(AbiType.String), AbiValue.FromString("héllo ✓"));

        Assert.Equal(10UL, (ulong)new UInt256(encoded.AsSpan(32, 32)));
        Assert.Equal("héllo ✓"u8.ToArray(), encoded[64..74]);
        Assert.All(encoded[74..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Unsigned_values_encode_as_signed_types_when_they_fit_and_the_reverse()
    {
        var asInt = AbiEncoder.Encode(AbiType.TupleOf(AbiType.Int(16)), AbiValue.FromUInt(300UL));
        var asUInt = AbiEncoder.Encode(AbiType.TupleOf(AbiType.UInt(16)), AbiValue.FromInt(300));

        Assert.Equal(asInt, asUInt);
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(AbiType.TupleOf(AbiType.Int(16)), AbiValue.FromUInt(40_000UL)));
    }

    [Fact]
    public void Span_encoding_refuses_a_short_destination_and_non_tuple_parameter_lists()
    {
        var parameters = AbiType.Parse("(uint256,bool)");
        AbiValue[] values = [AbiValue.FromUInt(1UL), AbiValue.FromBool(true)];

        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode(parameters, values, new byte[63]));
        Assert.Equal(64, AbiEncoder.Encode(parameters, values, new byte[64]));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode(AbiType.UInt256, AbiValue.FromUInt(1UL)));
    }

    [Fact]
    public void Encoding_into_a_span_allocates_nothing()
    {
        var function = AbiFunction.Parse("transfer(address,uint256)");
        AbiValue[] arguments = [AbiValue.FromAddress(Alice), AbiValue.FromUInt(1_000UL)];
        var destination = new byte[68];
        function.EncodeCall(arguments, destination);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            function.EncodeCall(arguments, destination);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
