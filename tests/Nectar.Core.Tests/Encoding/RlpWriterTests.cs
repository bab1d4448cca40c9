using FsCheck.Fluent;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.Core.Tests.Encoding;

public sealed class RlpWriterTests
{
    [Theory]
    [InlineData(0UL, "0x80")]
    [InlineData(1UL, "0x01")]
    [InlineData(0x7FUL, "0x7f")]
    [InlineData(0x80UL, "0x8180")]
    [InlineData(0xFFUL, "0x81ff")]
    [InlineData(0x100UL, "0x820100")]
    [InlineData(0x400UL, "0x820400")]
    [InlineData(0xFFFFFFUL, "0x83ffffff")]
    [InlineData(ulong.MaxValue, "0x88ffffffffffffffff")]
    public void Writes_integers_minimally(ulong value, string expected)
    {
        var buffer = new byte[Rlp.LengthOfUInt64(value)];
        var writer = new RlpWriter(buffer);
        writer.WriteUInt64(value);
        Assert.Equal(expected, Hex.ToHexString(writer.Written));
        Assert.Equal(buffer.Length, writer.Position);
        Assert.Equal(expected, Hex.ToHexString(Rlp.EncodeUInt64(value)));
    }

    [Theory]
    [InlineData("", "0x80")]
    [InlineData("00", "0x00")]
    [InlineData("7f", "0x7f")]
    [InlineData("80", "0x8180")]
    [InlineData("646f67", "0x83646f67")]
    public void Writes_byte_strings(string payload, string expected)
    {
        Assert.Equal(expected, Hex.ToHexString(Rlp.EncodeBytes(Convert.FromHexString(payload))));
    }

    [Theory]
    [InlineData(55, "0xb7")]
    [InlineData(56, "0xb838")]
    [InlineData(255, "0xb8ff")]
    [InlineData(256, "0xb90100")]
    [InlineData(65536, "0xba010000")]
    public void Switches_to_the_long_string_form_at_56_bytes(int length, string header)
    {
        var encoded = Rlp.EncodeBytes(new byte[length]);
        Assert.Equal(header, Hex.ToHexString(encoded.AsSpan(0, (header.Length - 2) / 2)));
        Assert.Equal(encoded.Length, Rlp.LengthOfBytes(new byte[length]));
        Assert.Equal(length, new RlpReader(encoded).ReadBytes().Length);
    }

    [Theory]
    [InlineData(0, "0xc0")]
    [InlineData(55, "0xf7")]
    [InlineData(56, "0xf838")]
    [InlineData(1024, "0xf90400")]
    [InlineData(16_777_216, "0xfb01000000")]
    public void Writes_list_headers(int contentLength, string expected)
    {
        var buffer = new byte[9];
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(contentLength);
        Assert.Equal(expected, Hex.ToHexString(writer.Written));
        Assert.Equal(writer.Position + contentLength, Rlp.LengthOfList(contentLength));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(300)]
    public void A_string_header_followed_by_its_payload_equals_the_written_string(int length)
    {
        var payload = Enumerable.Range(0, length).Select(i => (byte)(0x80 | i)).ToArray();
        var buffer = new byte[Rlp.LengthOfBytes(payload)];
        var writer = new RlpWriter(buffer);
        writer.WriteBytesHeader(payload.Length);
        writer.WriteEncoded(payload);
        Assert.Equal(Rlp.EncodeBytes(payload), buffer);
        Assert.Equal(buffer.Length, writer.Position);
    }

    [Theory]
    [InlineData("", "0x80")]
    [InlineData("0000", "0x80")]
    [InlineData("000001", "0x01")]
    [InlineData("0080", "0x8180")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000001ff", "0x8201ff")]
    public void Trims_leading_zeros_from_integers(string bigEndian, string expected)
    {
        var value = Convert.FromHexString(bigEndian);
        Assert.Equal(expected, Hex.ToHexString(Rlp.EncodeInteger(value)));
        Assert.Equal((expected.Length - 2) / 2, Rlp.LengthOfInteger(value));
    }

    [Fact]
    public void Writes_addresses_hashes_and_optional_addresses()
    {
        var address = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        var buffer = new byte[Rlp.LengthOfAddress + Rlp.LengthOfHash256 + Rlp.LengthOfOptionalAddress(null) + Rlp.LengthOfOptionalAddress(address)];
        var writer = new RlpWriter(buffer);
        writer.WriteAddress(address);
        writer.WriteHash256(Hash256.EmptyTrieRoot);
        writer.WriteOptionalAddress(null);
        writer.WriteOptionalAddress(address);
        Assert.Equal(0, writer.Remaining);

        var reader = new RlpReader(buffer);
        Assert.Equal(address, reader.ReadAddress());
        Assert.Equal(Hash256.EmptyTrieRoot, reader.ReadHash256());
        Assert.Null(reader.ReadOptionalAddress());
        Assert.Equal(address, reader.ReadOptionalAddress());
        reader.EnsureEnd();
    }

    [Fact]
    public void Copies_encoded_items_unchanged()
    {
        var buffer = new byte[4];
        var writer = new RlpWriter(buffer);
        writer.WriteEncoded([0xC3, 0x01, 0x02, 0x03]);
        Assert.Equal("0xc3010203", Hex.ToHexString(buffer));
    }

    [Fact]
    public void Refuses_to_write_past_the_destination()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = new RlpWriter(new byte[3]);
            writer.WriteUInt64(0x80);
            writer.WriteUInt64(0x8000);
        });
        Assert.Contains("3 more bytes needed at position 2, 1 left", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new RlpWriter(new byte[20]).WriteAddress(Address.Zero));
        Assert.Throws<InvalidOperationException>(() => new RlpWriter(new byte[32]).WriteHash256(Hash256.Zero));
        Assert.Throws<InvalidOperationException>(() => new RlpWriter(new byte[1]).WriteListHeader(56));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RlpWriter(new byte[1]).WriteListHeader(-1));
    }

    [Fact]
    public void Length_helpers_predict_the_written_length_of_any_integer()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<ulong>(), value =>
        {
            var buffer = new byte[9];
            var writer = new RlpWriter(buffer);
            writer.WriteUInt64(value);
            var reader = new RlpReader(writer.Written);
            return writer.Position == Rlp.LengthOfUInt64(value) && reader.ReadUInt64() == value;
        });
        FsCheck.Check.One(PropertyConfig.Replayable(2, 500), property);
    }

    [Fact]
    public void Length_helpers_predict_the_written_length_of_any_bytes()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), value =>
        {
            var buffer = new byte[Rlp.LengthOfBytes(value)];
            var writer = new RlpWriter(buffer);
            writer.WriteBytes(value);
            var reader = new RlpReader(buffer);
            return writer.Remaining == 0 && reader.ReadBytes().SequenceEqual(value);
        });
        FsCheck.Check.One(PropertyConfig.Replayable(3, 500), property);
    }

    [Fact]
    public void Writing_into_a_span_allocates_nothing()
    {
        var data = new byte[200];
        var buffer = new byte[400];
        Write(buffer, data);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            Write(buffer, data);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void Write(byte[] buffer, byte[] data)
        {
            var writer = new RlpWriter(buffer);
            writer.WriteListHeader(300);
            writer.WriteUInt64(123456789);
            writer.WriteBytes(data);
            writer.WriteInteger(data.AsSpan(0, 32));
            writer.WriteAddress(Address.Zero);
            writer.WriteHash256(Hash256.EmptyTrieRoot);
            writer.WriteOptionalAddress(null);
        }
    }
}
