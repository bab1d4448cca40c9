using FsCheck.Fluent;
using Nectar.Core.Encoding;

namespace Nectar.Core.Tests.Encoding;

public sealed class RlpItemTests
{
    [Fact]
    public void Any_tree_decodes_from_its_encoding_to_an_equal_tree()
    {
        var property = Prop.ForAll(RlpTrees.Arbitrary, item =>
        {
            var encoded = item.Encode();
            Rlp.Validate(encoded);
            var decoded = RlpItem.Decode(encoded);
            return encoded.Length == item.EncodedLength && decoded.Equals(item) && decoded.GetHashCode() == item.GetHashCode();
        });
        FsCheck.Check.One(PropertyConfig.Replayable(4, 300), property);
    }

    [Fact]
    public void The_builder_and_the_tree_encode_identically()
    {
        var property = Prop.ForAll(RlpTrees.Arbitrary, item =>
        {
            using var builder = new RlpBuilder(8);
            RlpTrees.Write(builder, item);
            return builder.ToArray().AsSpan().SequenceEqual(item.Encode());
        });
        FsCheck.Check.One(PropertyConfig.Replayable(5, 300), property);
    }

    [Fact]
    public void Prints_strings_as_hex_and_lists_in_brackets()
    {
        var item = RlpItem.FromList(RlpItem.FromBytes("dog"u8), RlpItem.FromList(RlpItem.FromUInt64(0), RlpItem.EmptyList));
        Assert.Equal("[0x646f67, [0x, []]]", item.ToString());
    }

    [Fact]
    public void Exposes_bytes_or_items_by_kind()
    {
        var list = RlpItem.FromList(RlpItem.FromUInt64(1024));
        Assert.True(list.IsList);
        Assert.Single(list.Items);
        Assert.Equal(1024UL, list.Items[0].ToUInt64());
        Assert.Throws<InvalidOperationException>(() => list.Bytes.ToArray());
        Assert.Throws<InvalidOperationException>(() => list.Items[0].Items);
        Assert.Equal(RlpItem.Empty, RlpItem.FromUInt64(0));
        Assert.Equal(RlpItem.Empty, RlpItem.FromInteger([0, 0, 0]));
    }

    [Fact]
    public void Reads_integers_strictly()
    {
        Assert.Throws<RlpException>(() => RlpItem.FromBytes([0, 1]).ToUInt64());
        Assert.Throws<RlpException>(() => RlpItem.FromBytes(new byte[9]).ToUInt64());
        Assert.Equal(ulong.MaxValue, RlpItem.FromUInt64(ulong.MaxValue).ToUInt64());
    }

    [Fact]
    public void Distinguishes_strings_from_lists_and_order_of_items()
    {
        Assert.NotEqual(RlpItem.Empty, RlpItem.EmptyList);
        Assert.NotEqual(
            RlpItem.FromList(RlpItem.FromUInt64(1), RlpItem.FromUInt64(2)),
            RlpItem.FromList(RlpItem.FromUInt64(2), RlpItem.FromUInt64(1)));
        Assert.Equal(
            RlpItem.FromList([RlpItem.FromUInt64(1), RlpItem.FromBytes("ab"u8)]),
            RlpItem.FromList(new List<RlpItem> { RlpItem.FromUInt64(1), RlpItem.FromBytes("ab"u8) }));
    }

    [Fact]
    public void Decodes_exactly_one_item()
    {
        var error = Assert.Throws<RlpException>(() => RlpItem.Decode([0xC0, 0x80]));
        Assert.Contains("1 trailing bytes at offset 1", error.Message, StringComparison.Ordinal);
        Assert.Throws<RlpException>(() => RlpItem.Decode([]));
    }

    [Fact]
    public void Reads_one_item_from_a_reader_and_leaves_the_rest()
    {
        var reader = new RlpReader([0xC2, 0x01, 0x02, 0x80]);
        Assert.Equal("[0x01, 0x02]", RlpItem.Read(ref reader).ToString());
        Assert.Equal(3, reader.Position);
        Assert.Equal(RlpItem.Empty, RlpItem.Read(ref reader));
        reader.EnsureEnd();
    }

    [Fact]
    public void Rejects_nesting_deeper_than_the_limit()
    {
        Assert.Equal(Rlp.MaxDepth, Depth(Nested(Rlp.MaxDepth)));
        Rlp.Validate(Nested(Rlp.MaxDepth));

        var tooDeep = Nested(Rlp.MaxDepth + 1);
        var error = Assert.Throws<RlpException>(() => RlpItem.Decode(tooDeep));
        Assert.Contains($"deeper than {Rlp.MaxDepth} levels", error.Message, StringComparison.Ordinal);
        Assert.Throws<RlpException>(() => Rlp.Validate(tooDeep));

        static byte[] Nested(int depth)
        {
            using var builder = new RlpBuilder();
            for (var i = 0; i < depth; i++)
            {
                builder.StartList();
            }

            for (var i = 0; i < depth; i++)
            {
                builder.EndList();
            }

            return builder.ToArray();
        }

        static int Depth(byte[] encoded)
        {
            var item = RlpItem.Decode(encoded);
            var depth = 0;
            while (item.IsList)
            {
                depth++;
                item = item.Items.Count == 0 ? RlpItem.Empty : item.Items[0];
            }

            return depth;
        }
    }
}
