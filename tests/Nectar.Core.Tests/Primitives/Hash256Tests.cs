using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;

namespace Nectar.Core.Tests.Primitives;

public sealed class Hash256Tests
{
    private const string Sample = "0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";

    [Fact]
    public void Holds_the_32_bytes_it_was_built_from()
    {
        var bytes = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var hash = new Hash256(bytes);
        Assert.Equal(bytes, hash.Bytes.ToArray());
        Assert.Equal(bytes, hash.ToArray());
        Assert.Equal(Sample, hash.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(31)]
    [InlineData(33)]
    public void Rejects_bytes_that_are_not_32_long(int length)
    {
        var error = Assert.Throws<ArgumentException>(() => new Hash256(new byte[length]));
        Assert.Contains($"got {length}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_is_all_zero_bytes()
    {
        Assert.True(Hash256.Zero.IsZero);
        Assert.Equal(new byte[32], Hash256.Zero.ToArray());
        Assert.Equal(default, Hash256.Zero);
        Assert.False(Hash256.Parse(Sample).IsZero);
    }

    [Fact]
    public void Empty_trie_root_is_the_hash_of_the_empty_string_encoding()
    {
        Assert.Equal(Keccak256.Compute([Rlp.EmptyString]), Hash256.EmptyTrieRoot);
        Assert.Equal("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421", Hash256.EmptyTrieRoot.ToString());
    }

    [Fact]
    public void Empty_list_hash_is_the_hash_of_the_empty_list_encoding()
    {
        Assert.Equal(Keccak256.Compute([Rlp.EmptyList]), Hash256.EmptyListHash);
        Assert.Equal("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347", Hash256.EmptyListHash.ToString());
    }

    [Fact]
    public void Parses_its_own_text_form_in_either_case()
    {
        var hash = Hash256.Parse(Sample);
        Assert.Equal(Sample, hash.ToString());
        Assert.Equal(hash, Hash256.Parse(Sample.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)));
        Assert.True(Hash256.TryParse(System.Text.Encoding.UTF8.GetBytes(Sample), out var fromUtf8));
        Assert.Equal(hash, fromUtf8);
    }

    [Theory]
    [InlineData("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", "must start with 0x")]
    [InlineData("0x0102", "exactly 64 hex digits after 0x, got 4")]
    [InlineData("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2000", "got 66")]
    [InlineData("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1fzz", "'z' at index 64")]
    [InlineData("", "must start with 0x")]
    public void Rejects_malformed_text_with_a_reason(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Hash256.Parse(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(Hash256.TryParse(text, out var hash));
        Assert.True(hash.IsZero);
    }

    [Fact]
    public void Equality_sees_a_difference_in_any_byte()
    {
        var baseline = Hash256.Parse(Sample);
        for (var i = 0; i < 32; i++)
        {
            var bytes = baseline.ToArray();
            bytes[i] ^= 0x80;
            var other = new Hash256(bytes);
            Assert.NotEqual(baseline, other);
            Assert.True(baseline != other);
            Assert.False(baseline.Equals((object)other));
            Assert.Equal(other, new Hash256(bytes));
            Assert.Equal(other.GetHashCode(), new Hash256(bytes).GetHashCode());
        }
    }

    [Fact]
    public void Orders_like_the_bytes_compared_lexicographically()
    {
        var random = new Random(7);
        var hashes = new List<Hash256>();
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[32];
            random.NextBytes(bytes);
            // Share prefixes of varying length so every word position decides some comparisons.
            Array.Clear(bytes, 0, random.Next(0, 32));
            hashes.Add(new Hash256(bytes));
        }

        var byOrder = hashes.Order().Select(h => h.ToString()).ToList();
        var byBytes = hashes.Select(h => h.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(byBytes, byOrder);
        Assert.True(Hash256.Zero < Hash256.EmptyTrieRoot);
        Assert.True(Hash256.EmptyTrieRoot >= Hash256.EmptyListHash);
        Assert.Equal(0, Hash256.EmptyListHash.CompareTo((object)Hash256.EmptyListHash));
        Assert.Equal(1, Hash256.Zero.CompareTo(null));
    }

    [Fact]
    public void Formats_into_spans_without_allocating_a_string()
    {
        var hash = Hash256.Parse(Sample);
        Span<char> chars = stackalloc char[Hash256.TextLength];
        Assert.True(hash.TryFormat(chars, out var written));
        Assert.Equal(66, written);
        Assert.Equal(Sample, chars.ToString());

        Span<byte> utf8 = stackalloc byte[Hash256.TextLength];
        Assert.True(hash.TryFormat(utf8, out written));
        Assert.Equal(Sample, System.Text.Encoding.UTF8.GetString(utf8));

        Assert.False(hash.TryFormat(stackalloc char[65], out written));
        Assert.Equal(0, written);
        Assert.Equal(Sample, $"{hash}");
    }

    [Fact]
    public void Copies_into_a_destination_of_at_least_32_bytes()
    {
        var hash = Hash256.Parse(Sample);
        var destination = new byte[33];
        hash.CopyTo(destination);
        Assert.Equal(hash.ToArray(), destination[..32]);
        Assert.Throws<ArgumentException>(() => hash.CopyTo(new byte[31]));
    }
}
