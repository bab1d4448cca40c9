using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.Core.Tests.Encoding;

public sealed class RlpBuilderTests
{
    [Fact]
    public void Builds_nested_lists_with_long_and_short_headers()
    {
        using var builder = new RlpBuilder(4);
        builder.StartList();
        builder.WriteBytes("dog"u8);
        builder.StartList();
        builder.WriteBytes(new byte[60]);
        builder.EndList();
        builder.StartList();
        builder.EndList();
        builder.WriteUInt64(1024);
        builder.EndList();

        var expected = RlpItem.FromList(
            RlpItem.FromBytes("dog"u8),
            RlpItem.FromList(RlpItem.FromBytes(new byte[60])),
            RlpItem.EmptyList,
            RlpItem.FromUInt64(1024));
        Assert.Equal(Hex.ToHexString(expected.Encode()), Hex.ToHexString(builder.ToArray()));
        Assert.Equal(0, builder.OpenLists);
    }

    [Fact]
    public void Writes_every_kind_of_value()
    {
        var address = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        using var builder = new RlpBuilder();
        builder.WriteAddress(address);
        builder.WriteOptionalAddress(null);
        builder.WriteHash256(Hash256.EmptyListHash);
        builder.WriteInteger([0, 0, 5]);
        builder.WriteEncoded([0xC0]);

        var reader = new RlpReader(builder.WrittenSpan);
        Assert.Equal(address, reader.ReadAddress());
        Assert.Null(reader.ReadOptionalAddress());
        Assert.Equal(Hash256.EmptyListHash, reader.ReadHash256());
        Assert.Equal(5UL, reader.ReadUInt64());
        Assert.False(reader.ReadList().HasMore);
        reader.EnsureEnd();
        Assert.Equal(builder.Length, reader.Position);
    }

    [Fact]
    public void Grows_past_its_initial_capacity()
    {
        using var builder = new RlpBuilder(1);
        builder.StartList();
        for (var i = 0; i < 500; i++)
        {
            builder.WriteHash256(Hash256.EmptyTrieRoot);
        }

        builder.EndList();
        var reader = new RlpReader(builder.ToArray()).ReadList();
        var count = 0;
        while (reader.HasMore)
        {
            Assert.Equal(Hash256.EmptyTrieRoot, reader.ReadHash256());
            count++;
        }

        Assert.Equal(500, count);
    }

    [Fact]
    public void Rejects_unbalanced_lists()
    {
        using var builder = new RlpBuilder();
        Assert.Throws<InvalidOperationException>(builder.EndList);
        builder.StartList();
        Assert.Equal(1, builder.OpenLists);
        var error = Assert.Throws<InvalidOperationException>(() => builder.ToArray());
        Assert.Contains("1 RLP lists are still open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_starts_over()
    {
        using var builder = new RlpBuilder();
        builder.StartList();
        builder.WriteUInt64(7);
        builder.Clear();
        builder.WriteUInt64(8);
        Assert.Equal(new byte[] { 8 }, builder.ToArray());
    }

    [Fact]
    public void Cannot_be_used_after_disposal()
    {
        var builder = new RlpBuilder();
        builder.Dispose();
        Assert.Throws<ObjectDisposedException>(() => builder.WriteUInt64(1));
        builder.Dispose();
    }
}
