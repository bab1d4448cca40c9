using System.Text.Json;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;
using Nectar.Tests;

namespace Nectar.Core.Tests.Primitives;

public sealed class BloomTests
{
    [Fact]
    public void Sets_the_three_bits_chosen_by_the_items_hash()
    {
        // keccak("") = c5d2 4601 86f7 …: bit indices 0x5d2, 0x601 and 0x6f7 of the 2048-bit big-endian number.
        var bloom = default(Bloom);
        bloom.Add([]);
        var expected = new byte[256];
        foreach (var bit in new[] { 0x5d2, 0x601, 0x6f7 })
        {
            expected[255 - (bit / 8)] |= (byte)(1 << (bit % 8));
        }

        Assert.Equal(expected, bloom.Bytes.ToArray());
    }

    [Fact]
    public void Reproduces_go_ethereums_published_hundred_item_vector()
    {
        var bloom = default(Bloom);
        for (var i = 0; i < 100; i++)
        {
            bloom.Add(System.Text.Encoding.UTF8.GetBytes($"xxxxxxxxxx data {i} yyyyyyyyyyyyyy"));
        }

        Assert.Equal("0xc8d3ca65cdb4874300a9e39475508f23ed6da09fdbc487f89a2dcf50b09eb263", Keccak256.Compute(bloom.Bytes).ToString());
    }

    [Fact]
    public void Matches_added_items_and_rejects_others()
    {
        var bloom = default(Bloom);
        foreach (var word in new[] { "testtest", "test", "hallo", "other" })
        {
            bloom.Add(System.Text.Encoding.UTF8.GetBytes(word));
        }

        foreach (var word in new[] { "testtest", "test", "hallo", "other" })
        {
            Assert.True(bloom.Matches(System.Text.Encoding.UTF8.GetBytes(word)));
        }

        Assert.False(bloom.Matches("tes"u8));
        Assert.False(bloom.Matches("lo"u8));
        Assert.False(Bloom.Empty.Matches("test"u8));
    }

    public static TheoryData<string, int> ReceiptsWithLogs()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, receipts) in LoadReceipts())
        {
            for (var i = 0; i < receipts.Count; i++)
            {
                data.Add(file, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReceiptsWithLogs))]
    public void Builds_the_logs_bloom_of_a_real_receipt(string file, int index)
    {
        var receipt = LoadReceipts().Single(r => r.File == file).Receipts[index];
        var bloom = default(Bloom);
        foreach (var log in receipt.GetProperty("logs").EnumerateArray())
        {
            var topics = log.GetProperty("topics").EnumerateArray().Select(t => Hash256.Parse(t.GetString())).ToArray();
            bloom.AddLog(Address.Parse(log.GetProperty("address").GetString()), topics);
        }

        var expected = Bloom.Parse(receipt.GetProperty("logsBloom").GetString());
        Assert.Equal(expected, bloom);
        Assert.Equal(expected.ToString(), bloom.ToString());
        foreach (var log in receipt.GetProperty("logs").EnumerateArray())
        {
            Assert.True(bloom.Matches(Address.Parse(log.GetProperty("address").GetString())));
        }
    }

    [Fact]
    public void Accumulates_receipt_blooms_into_a_block_bloom()
    {
        var (_, receipts) = LoadReceipts().First(r => r.Receipts.Count > 1);
        var block = default(Bloom);
        var blooms = receipts.Select(r => Bloom.Parse(r.GetProperty("logsBloom").GetString())).ToList();
        foreach (var bloom in blooms)
        {
            block.Accumulate(bloom);
        }

        foreach (var bloom in blooms)
        {
            Assert.True(block.Matches(bloom));
        }

        var byOr = new byte[256];
        foreach (var bloom in blooms)
        {
            for (var i = 0; i < 256; i++)
            {
                byOr[i] |= bloom.Bytes[i];
            }
        }

        Assert.Equal(byOr, block.Bytes.ToArray());
    }

    [Fact]
    public void Matches_a_filter_only_when_it_has_all_its_bits()
    {
        var a = default(Bloom);
        a.Add("a"u8);
        var b = default(Bloom);
        b.Add("b"u8);
        var both = a;
        both.Accumulate(b);

        Assert.True(both.Matches(a));
        Assert.True(both.Matches(b));
        Assert.False(a.Matches(both));
        Assert.True(a.Matches(Bloom.Empty));
        Assert.True(Bloom.Empty.IsEmpty);
        Assert.False(a.IsEmpty);
    }

    [Fact]
    public void Round_trips_through_bytes_and_text()
    {
        var bloom = default(Bloom);
        bloom.Add(Address.Parse("0x7dcd17433742f4c0ca53122ab541d0ba67fc27df"));
        bloom.Add(Hash256.EmptyTrieRoot);

        Assert.Equal(bloom, new Bloom(bloom.Bytes));
        Assert.Equal(bloom, Bloom.Parse(bloom.ToString()));
        Assert.True(Bloom.TryParse(bloom.ToString(), out var parsed));
        Assert.Equal(bloom.GetHashCode(), parsed.GetHashCode());
        Assert.True(bloom == parsed);
        Assert.False(bloom != parsed);
        Assert.Equal(Bloom.TextLength, bloom.ToString().Length);
    }

    [Theory]
    [InlineData("0x00", "exactly 512 hex digits")]
    [InlineData("00", "must start with 0x")]
    public void Rejects_malformed_text(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Bloom.Parse(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(Bloom.TryParse(text, out _));
        Assert.Throws<ArgumentException>(() => new Bloom(new byte[255]));
    }

    private static List<(string File, List<JsonElement> Receipts)> LoadReceipts()
    {
        // Receipts of a real chain in the execution-apis test suite, with their logs and logsBloom.
        string[] files =
        [
            "eth_getBlockReceipts/get-block-receipts-latest.io",
            "eth_getTransactionReceipt/get-dynamic-fee.io",
        ];
        var result = new List<(string, List<JsonElement>)>();
        foreach (var file in files)
        {
            var response = File.ReadLines(Fixtures.Shared("execution-apis", file)).Single(l => l.StartsWith("<<", StringComparison.Ordinal));
            var root = JsonDocument.Parse(response[2..]).RootElement.GetProperty("result").Clone();
            var receipts = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            result.Add((file, receipts.Where(r => r.GetProperty("logs").GetArrayLength() > 0).ToList()));
        }

        return result;
    }
}
