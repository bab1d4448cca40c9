using System.Text.Json;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Tests.Json;

public sealed class ConverterSpecs
{
    private static readonly JsonSerializerOptions Options = new RpcDispatcherBuilder().Build().SerializerOptions;

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static string ReadError<T>(string json) => Assert.Throws<JsonException>(() => Read<T>(json)).Message;

    [Theory]
    [InlineData("\"0x0\"", 0UL)]
    [InlineData("\"0x1\"", 1UL)]
    [InlineData("\"0x1a\"", 26UL)]
    [InlineData("\"0X1A\"", 26UL)]
    [InlineData("\"0xffffffffffffffff\"", ulong.MaxValue)]
    public void Reads_64_bit_quantities(string json, ulong expected) => Assert.Equal(expected, Read<ulong>(json));

    [Theory]
    [InlineData("\"0x00\"", "leading zero")]
    [InlineData("\"0x01\"", "leading zero")]
    [InlineData("\"0x\"", "hex string \"0x\"")]
    [InlineData("\"1\"", "without 0x prefix")]
    [InlineData("\"\"", "without 0x prefix")]
    [InlineData("\"0x10000000000000000\"", "> 64 bits")]
    [InlineData("\"0x-1\"", "invalid hex")]
    [InlineData("\"0x 1\"", "invalid hex")]
    [InlineData("1", "must be a hex string")]
    [InlineData("null", "must be a hex string")]
    [InlineData("true", "must be a hex string")]
    public void Refuses_malformed_64_bit_quantities(string json, string reason) =>
        Assert.Contains(reason, ReadError<ulong>(json), StringComparison.Ordinal);

    [Theory]
    [InlineData(0UL, "\"0x0\"")]
    [InlineData(1UL, "\"0x1\"")]
    [InlineData(0x10UL, "\"0x10\"")]
    [InlineData(0xabcdefUL, "\"0xabcdef\"")]
    [InlineData(ulong.MaxValue, "\"0xffffffffffffffff\"")]
    public void Writes_64_bit_quantities_without_leading_zeros(ulong value, string expected) => Assert.Equal(expected, Write(value));

    [Fact]
    public void Reads_and_writes_256_bit_quantities()
    {
        var max = "\"0x" + new string('f', 64) + "\"";

        Assert.Equal(UInt256.MaxValue, Read<UInt256>(max));
        Assert.Equal(max, Write(UInt256.MaxValue));
        Assert.Equal("\"0x0\"", Write(UInt256.Zero));
        Assert.Equal(new UInt256(0, 1, 0, 0), Read<UInt256>("\"0x10000000000000000\""));
        Assert.Contains("> 256 bits", ReadError<UInt256>("\"0x1" + new string('0', 64) + "\""), StringComparison.Ordinal);
        Assert.Contains("leading zero", ReadError<UInt256>("\"0x0" + new string('f', 63) + "\""), StringComparison.Ordinal);
    }

    [Fact]
    public void Round_trips_random_quantities_and_data_in_canonical_form()
    {
        var random = new Random(1_559);
        var limbs = new byte[32];
        for (var i = 0; i < 5_000; i++)
        {
            random.NextBytes(limbs);
            var bits = random.Next(0, 257);
            var value = UInt256.FromBigEndian(limbs) >> (256 - bits);
            var text = Write(value);
            Assert.Equal(value, Read<UInt256>(text));
            Assert.Matches("^\"0x(0|[1-9a-f][0-9a-f]*)\"$", text);

            var small = (ulong)random.NextInt64() >> random.Next(0, 64);
            Assert.Equal(small, Read<ulong>(Write(small)));

            var data = new byte[random.Next(0, 40)];
            random.NextBytes(data);
            Assert.Equal(data, Read<byte[]>(Write(data)));
        }
    }

    [Fact]
    public void Reads_quantities_sent_with_json_escapes()
    {
        Assert.Equal(26UL, Read<ulong>("\"\\u0030x1a\""));
    }

    [Theory]
    [InlineData("\"0x7fffffffffffffff\"", long.MaxValue)]
    [InlineData("\"0x0\"", 0L)]
    public void Reads_signed_quantities_in_range(string json, long expected) => Assert.Equal(expected, Read<long>(json));

    [Fact]
    public void Refuses_signed_quantities_beyond_63_bits() =>
        Assert.Contains("63 bits", ReadError<long>("\"0x8000000000000000\""), StringComparison.Ordinal);

    [Theory]
    [InlineData("\"0x\"", new byte[0])]
    [InlineData("\"0x00\"", new byte[] { 0 })]
    [InlineData("\"0xdeadBEEF\"", new byte[] { 0xde, 0xad, 0xbe, 0xef })]
    public void Reads_data(string json, byte[] expected) => Assert.Equal(expected, Read<byte[]>(json));

    [Theory]
    [InlineData("\"0x0\"", "odd length")]
    [InlineData("\"deadbeef\"", "without 0x prefix")]
    [InlineData("\"0xzz\"", "invalid hex")]
    [InlineData("[1,2]", "must be a hex string")]
    public void Refuses_malformed_data(string json, string reason) =>
        Assert.Contains(reason, ReadError<byte[]>(json), StringComparison.Ordinal);

    [Fact]
    public void Writes_data_as_even_length_lowercase_hex()
    {
        Assert.Equal("\"0x\"", Write(Array.Empty<byte>()));
        Assert.Equal("\"0x000aff\"", Write(new byte[] { 0, 10, 255 }));
        var large = new byte[1000];
        large[^1] = 1;
        Assert.Equal("\"0x" + new string('0', 1998) + "01\"", Write(large));
    }

    [Fact]
    public void Reads_addresses_in_lowercase_uppercase_and_checksummed_forms()
    {
        var expected = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");

        Assert.Equal(expected, Read<Address>("\"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed\""));
        Assert.Equal(expected, Read<Address>("\"0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED\""));
        Assert.Equal(expected, Read<Address>("\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\""));
        Assert.Equal("\"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed\"", Write(expected));
    }

    [Theory]
    [InlineData("\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD\"", "EIP-55")]
    [InlineData("\"0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea\"", "40 hex digits")]
    [InlineData("\"5aaeb6053f3e94c9b9a09f33669435e7ef1beaed\"", "without 0x prefix")]
    [InlineData("\"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg\"", "not hex")]
    public void Refuses_malformed_addresses(string json, string reason) =>
        Assert.Contains(reason, ReadError<Address>(json), StringComparison.Ordinal);

    [Fact]
    public void Reads_and_writes_hashes()
    {
        var text = "0x" + string.Concat(Enumerable.Repeat("0123456789abcdef", 4));

        Assert.Equal(text, Read<Hash256>("\"" + text + "\"").ToString());
        Assert.Equal("\"" + text + "\"", Write(Hash256.Parse(text)));
        Assert.Contains("64 hex digits", ReadError<Hash256>("\"0x1234\""), StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_nullable_and_array_forms_of_primitives()
    {
        Assert.Null(Read<Address?>("null"));
        Assert.Equal(2, Read<Address[]>("[\"0x0000000000000000000000000000000000000001\",\"0x0000000000000000000000000000000000000002\"]").Length);
        Assert.Equal("[\"0x1\",\"0x2\"]", Write(new UInt256[] { 1, 2 }));
    }

    [Theory]
    [InlineData("\"latest\"", BlockParameterKind.Latest)]
    [InlineData("\"earliest\"", BlockParameterKind.Earliest)]
    [InlineData("\"pending\"", BlockParameterKind.Pending)]
    [InlineData("\"safe\"", BlockParameterKind.Safe)]
    [InlineData("\"finalized\"", BlockParameterKind.Finalized)]
    public void Reads_block_tags(string json, BlockParameterKind kind) => Assert.Equal(kind, Read<BlockParameter>(json).Kind);

    [Fact]
    public void Reads_block_numbers_hashes_and_eip1898_objects()
    {
        var hash = "0x" + new string('b', 64);

        Assert.Equal(BlockParameter.FromNumber(0x10), Read<BlockParameter>("\"0x10\""));
        Assert.Equal(BlockParameter.FromHash(Hash256.Parse(hash)), Read<BlockParameter>($"\"{hash}\""));
        Assert.Equal(BlockParameter.FromHash(Hash256.Parse(hash), requireCanonical: true), Read<BlockParameter>($"{{\"blockHash\":\"{hash}\",\"requireCanonical\":true}}"));
        Assert.Equal(BlockParameter.FromHash(Hash256.Parse(hash)), Read<BlockParameter>($"{{\"blockHash\":\"{hash}\"}}"));
        Assert.Equal(BlockParameter.FromNumber(7), Read<BlockParameter>("{\"blockNumber\":\"0x7\"}"));
    }

    [Theory]
    [InlineData("\"newest\"", "block parameter must be")]
    [InlineData("\"0x010\"", "leading zero")]
    [InlineData("16", "block parameter must be")]
    [InlineData("{}", "needs blockHash or blockNumber")]
    [InlineData("{\"blockNumber\":\"0x1\",\"blockHash\":\"0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"}", "cannot specify both")]
    [InlineData("{\"blockNumber\":\"0x1\",\"requireCanonical\":true}", "requireCanonical needs blockHash")]
    [InlineData("{\"blockNumber\":\"0x1\",\"blockNumber\":\"0x2\"}", "duplicate key")]
    [InlineData("{\"blockTag\":\"latest\"}", "takes only")]
    [InlineData("{\"blockHash\":\"0x12\"}", "blockHash must be")]
    public void Refuses_malformed_block_parameters(string json, string reason) =>
        Assert.Contains(reason, ReadError<BlockParameter>(json), StringComparison.Ordinal);

    [Fact]
    public void Writes_block_parameters_in_wire_form()
    {
        Assert.Equal("\"latest\"", Write(BlockParameter.Latest));
        Assert.Equal("\"finalized\"", Write(BlockParameter.Finalized));
        Assert.Equal("\"0xff\"", Write(BlockParameter.FromNumber(255)));
        Assert.Equal("{\"blockHash\":\"0x" + new string('0', 64) + "\",\"requireCanonical\":true}", Write(BlockParameter.FromHash(default, true)));
        Assert.Equal(BlockParameter.Latest, default);
    }
}
