using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.Core.Tests.Encoding;

public sealed class RlpReaderTests
{
    private static RlpException Rejects(string hex, ReaderAction action)
    {
        var bytes = Hex.Decode(hex);
        return Assert.Throws<RlpException>(() =>
        {
            var reader = new RlpReader(bytes);
            action(ref reader);
        });
    }

    private delegate void ReaderAction(ref RlpReader reader);

    [Fact]
    public void Rejects_empty_input()
    {
        var error = Rejects("", (ref r) => r.ReadBytes());
        Assert.Equal("RLP input ends at offset 0 where an item was expected.", error.Message);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void Rejects_a_payload_longer_than_the_input()
    {
        var error = Rejects("0x80830102", (ref r) =>
        {
            r.Skip();
            r.ReadBytes();
        });
        Assert.Equal("RLP item at offset 1 declares 3 payload bytes but only 2 remain in the input.", error.Message);
        Assert.Equal(1, error.Offset);
    }

    [Fact]
    public void Rejects_a_long_length_that_runs_past_the_input()
    {
        var error = Rejects("0xb901", (ref r) => r.Skip());
        Assert.Contains("needs 2 length bytes but only 1 remain", error.Message, StringComparison.Ordinal);
        error = Rejects("0xbf0f000000000000021111", (ref r) => r.Skip());
        Assert.Contains("declares 1080863910568919042 payload bytes but only 2 remain", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0xb801ff", "long length form for 1 bytes")]
    [InlineData("0xb837" + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "long length form for 55 bytes")]
    [InlineData("0xf803112233", "long length form for 3 bytes")]
    public void Rejects_the_long_length_form_below_56_bytes(string hex, string message)
    {
        var error = Rejects(hex, (ref r) => r.Skip());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.Offset);
    }

    [Theory]
    [InlineData("0xb800")]
    [InlineData("0xb9003800")]
    [InlineData("0xf800")]
    public void Rejects_leading_zero_bytes_in_a_length(string hex)
    {
        var error = Rejects(hex, (ref r) => r.Skip());
        Assert.Equal("RLP item at offset 0 has a length with a leading zero byte.", error.Message);
    }

    [Theory]
    [InlineData("0x8100", "0x00")]
    [InlineData("0x8101", "0x01")]
    [InlineData("0x817f", "0x7f")]
    public void Rejects_a_single_byte_below_0x80_wrapped_in_a_header(string hex, string value)
    {
        var error = Rejects(hex, (ref r) => r.ReadBytes());
        Assert.Contains($"wraps the single byte {value}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_a_single_byte_from_0x80_with_a_header()
    {
        var reader = new RlpReader([0x81, 0x80]);
        Assert.Equal(new byte[] { 0x80 }, reader.ReadBytes().ToArray());
    }

    [Theory]
    [InlineData("0x00")]
    [InlineData("0x820001")]
    [InlineData("0x88000000000000000001")]
    public void Rejects_integers_with_leading_zero_bytes(string hex)
    {
        var error = Rejects(hex, (ref r) => r.ReadUInt64());
        Assert.Contains("has a leading zero byte", error.Message, StringComparison.Ordinal);
        Rejects(hex, (ref r) => r.ReadInteger(32));
    }

    [Fact]
    public void Rejects_integers_longer_than_the_target_type()
    {
        var error = Rejects("0x89010203040506070809", (ref r) => r.ReadUInt64());
        Assert.Equal("RLP integer at offset 0 has 9 bytes; at most 8 fit the target type.", error.Message);

        var thirtyThree = "0xa1" + new string('1', 66);
        error = Rejects(thirtyThree, (ref r) => r.ReadInteger(32));
        Assert.Contains("has 33 bytes; at most 32 fit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x80", 0UL)]
    [InlineData("0x01", 1UL)]
    [InlineData("0x7f", 0x7FUL)]
    [InlineData("0x8180", 0x80UL)]
    [InlineData("0x820400", 0x400UL)]
    [InlineData("0x88ffffffffffffffff", ulong.MaxValue)]
    public void Reads_canonical_integers(string hex, ulong expected)
    {
        var reader = new RlpReader(Hex.Decode(hex));
        Assert.Equal(expected, reader.ReadUInt64());
        reader.EnsureEnd();
    }

    [Fact]
    public void Reads_integers_as_big_endian_spans()
    {
        var reader = new RlpReader(Hex.Decode("0xa0" + new string('f', 64)));
        Assert.Equal(32, reader.ReadInteger(32).Length);
        reader = new RlpReader([0x80]);
        Assert.True(reader.ReadInteger(32).IsEmpty);
    }

    [Fact]
    public void Rejects_trailing_bytes_after_the_top_level_item()
    {
        var error = Rejects("0x808080", (ref r) =>
        {
            r.Skip();
            r.EnsureEnd();
        });
        Assert.Equal("RLP input has 2 trailing bytes at offset 1, after the top-level item.", error.Message);
    }

    [Fact]
    public void Rejects_list_content_beyond_the_expected_items()
    {
        var error = Rejects("0xc3808080", (ref r) =>
        {
            var list = r.ReadList();
            list.Skip();
            list.Skip();
            list.EnsureEnd();
        });
        Assert.Equal("RLP list has 1 bytes of unexpected content at offset 3, after its last expected item.", error.Message);
        Assert.Equal(3, error.Offset);
    }

    [Fact]
    public void Rejects_an_item_that_crosses_the_end_of_its_list()
    {
        // The list declares 2 bytes of content; the string inside it declares 3.
        var error = Rejects("0xc2836162638080", (ref r) => r.ReadList().ReadBytes());
        Assert.Equal("RLP item at offset 1 declares 3 payload bytes but only 1 remain in the enclosing list.", error.Message);
    }

    [Fact]
    public void Rejects_a_list_whose_content_ends_before_an_expected_item()
    {
        var error = Rejects("0xc180", (ref r) =>
        {
            var list = r.ReadList();
            list.Skip();
            list.Skip();
        });
        Assert.Equal("RLP list content ends at offset 2 where another item was expected.", error.Message);
    }

    [Fact]
    public void Reports_offsets_from_the_start_of_the_input_inside_nested_lists()
    {
        var error = Rejects("0xc6c0c4808105ff", (ref r) =>
        {
            var outer = r.ReadList();
            outer.ReadList();
            var inner = outer.ReadList();
            inner.Skip();
            inner.ReadBytes();
        });
        Assert.Equal(4, error.Offset);
        Assert.Contains("at offset 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_reading_the_wrong_kind()
    {
        var error = Rejects("0x80", (ref r) => r.ReadList());
        Assert.Equal("Expected an RLP list at offset 0, found a byte string.", error.Message);
        error = Rejects("0xc0", (ref r) => r.ReadBytes());
        Assert.Equal("Expected an RLP byte string at offset 0, found a list.", error.Message);
        Rejects("0xc0", (ref r) => r.ReadUInt64());
        Rejects("0xc0", (ref r) => r.ReadAddress());
        Rejects("0xc0", (ref r) => r.ReadHash256());
    }

    [Fact]
    public void Reads_addresses_of_exactly_20_bytes()
    {
        var address = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        var reader = new RlpReader(Hex.Decode("0x94" + address.ToString()[2..]));
        Assert.Equal(address, reader.ReadAddress());

        var error = Rejects("0x93" + new string('1', 38), (ref r) => r.ReadAddress());
        Assert.Equal("Expected a 20-byte RLP string (an address) at offset 0, found 19 bytes.", error.Message);
        Rejects("0x80", (ref r) => r.ReadAddress());
        Rejects("0x94" + new string('1', 38), (ref r) => r.ReadAddress());
    }

    [Fact]
    public void Reads_an_optional_address_as_empty_or_20_bytes()
    {
        var reader = new RlpReader(Hex.Decode("0x80945aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
        Assert.Null(reader.ReadOptionalAddress());
        Assert.Equal(Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"), reader.ReadOptionalAddress());

        var error = Rejects("0x8180", (ref r) => r.ReadOptionalAddress());
        Assert.Equal("Expected an empty or 20-byte RLP string (an optional address) at offset 0, found 1 bytes.", error.Message);
    }

    [Fact]
    public void Reads_hashes_of_exactly_32_bytes()
    {
        var reader = new RlpReader(Hex.Decode("0xa0" + Hash256.EmptyTrieRoot.ToString()[2..]));
        Assert.Equal(Hash256.EmptyTrieRoot, reader.ReadHash256());

        var error = Rejects("0x9f" + new string('1', 62), (ref r) => r.ReadHash256());
        Assert.Equal("Expected a 32-byte RLP string (a hash) at offset 0, found 31 bytes.", error.Message);
        Rejects("0xa0" + new string('1', 62), (ref r) => r.ReadHash256());
    }

    [Fact]
    public void Peeks_at_the_kind_without_moving()
    {
        var reader = new RlpReader(Hex.Decode("0xc0807f"));
        Assert.True(reader.IsList);
        Assert.Equal(RlpKind.List, reader.PeekKind());
        Assert.Equal(0, reader.Position);
        reader.Skip();
        Assert.Equal(RlpKind.Bytes, reader.PeekKind());
        reader.Skip();
        Assert.False(reader.IsList);
        reader.Skip();
        Assert.False(reader.HasMore);
        Rejects("0x80", (ref r) =>
        {
            r.Skip();
            r.PeekKind();
        });
    }

    [Fact]
    public void Reads_whole_encoded_items_with_their_headers()
    {
        var reader = new RlpReader(Hex.Decode("0xc301020383646f67"));
        Assert.Equal("0xc3010203", Hex.ToHexString(reader.ReadEncodedItem()));
        Assert.Equal("0x83646f67", Hex.ToHexString(reader.ReadEncodedItem()));
        Assert.Equal(8, reader.Position);
        reader.EnsureEnd();
    }

    [Fact]
    public void Reads_a_transaction_shaped_list_field_by_field()
    {
        var to = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        var data = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        var encoded = TransactionShape.Encode(to, data);

        var reader = new RlpReader(encoded);
        var tx = reader.ReadList();
        reader.EnsureEnd();
        Assert.Equal(1UL, tx.ReadUInt64());
        Assert.Equal(42UL, tx.ReadUInt64());
        Assert.Equal(1_000_000_000UL, tx.ReadUInt64());
        Assert.Equal(30_000_000_000UL, tx.ReadUInt64());
        Assert.Equal(21_000UL, tx.ReadUInt64());
        Assert.Equal(to, tx.ReadOptionalAddress());
        Assert.Equal("0x0de0b6b3a7640000", Hex.ToHexString(tx.ReadInteger(32)));
        Assert.Equal(data, tx.ReadBytes().ToArray());
        var accessList = tx.ReadList();
        Assert.False(accessList.HasMore);
        Assert.Equal(1UL, tx.ReadUInt64());
        Assert.Equal(Hash256.EmptyTrieRoot, tx.ReadHash256());
        Assert.Equal(Hash256.EmptyListHash, tx.ReadHash256());
        tx.EnsureEnd();
    }

    [Fact]
    public void Reading_allocates_nothing()
    {
        var encoded = TransactionShape.Encode(Address.Zero, new byte[200]);
        ReadAll(encoded);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            ReadAll(encoded);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void ReadAll(byte[] encoded)
        {
            var reader = new RlpReader(encoded);
            var tx = reader.ReadList();
            for (var field = 0; field < 5; field++)
            {
                tx.ReadUInt64();
            }

            tx.ReadOptionalAddress();
            tx.ReadInteger(32);
            tx.ReadBytes();
            tx.ReadList().EnsureEnd();
            tx.ReadUInt64();
            tx.ReadHash256();
            tx.ReadHash256();
            tx.EnsureEnd();
            reader.EnsureEnd();
        }
    }
}
