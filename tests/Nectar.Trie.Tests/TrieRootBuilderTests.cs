using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.Trie.Tests;

/// <summary>The stack builder and the list roots built on it, against the full trie.</summary>
public sealed class TrieRootBuilderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(5000)]
    [InlineData(70000)]
    public void Ordered_root_equals_the_trie_keyed_by_the_rlp_of_each_index(int count)
    {
        var random = new Random(count);
        var items = new byte[count][];
        var trie = new PatriciaTrie();
        for (var i = 0; i < count; i++)
        {
            items[i] = TestData.RandomBytes(random, random.Next(1, 200));
            trie.Set(Rlp.EncodeUInt64((ulong)i), items[i]);
        }

        Assert.Equal(trie.RootHash, TrieRoots.Ordered(items));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(130)]
    [InlineData(1000)]
    public void Ordered_root_from_an_encoder_equals_the_root_from_arrays(int count)
    {
        var random = new Random(count + 1);
        var items = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            items[i] = TestData.RandomBytes(random, random.Next(1, 100));
        }

        var encoder = new CopyingEncoder(items);
        Assert.Equal(TrieRoots.Ordered(items), TrieRoots.Ordered(count, ref encoder));
        Assert.Equal(count, encoder.Calls);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(300)]
    public void Index_order_visits_every_index_once_in_increasing_key_order(int count)
    {
        var seen = new HashSet<int>();
        byte[]? previous = null;
        for (var position = 0; position < count; position++)
        {
            var index = TrieRoots.IndexAt(position, count);
            Assert.True(seen.Add(index));
            var key = Rlp.EncodeUInt64((ulong)index);
            if (previous is not null)
            {
                Assert.True(previous.AsSpan().SequenceCompareTo(key) < 0);
            }

            previous = key;
        }

        Assert.Equal(count, seen.Count);
    }

    [Fact]
    public void Keys_that_are_prefixes_of_later_keys_become_branch_values()
    {
        byte[][] keys = [[], [0x01], [0x01, 0x02], [0x01, 0x02, 0x03], [0x01, 0x03], [0x10], [0x10, 0x00, 0x00, 0x00, 0x01]];
        var builder = new TrieRootBuilder();
        var trie = new PatriciaTrie();
        foreach (var key in keys)
        {
            byte[] value = [.. key, 0xee];
            builder.Add(key, value);
            trie.Set(key, value);
        }

        Assert.Equal(trie.RootHash, builder.Complete());
    }

    [Fact]
    public void Long_keys_and_large_values_give_the_same_root_as_the_trie()
    {
        var random = new Random(17);
        var model = new SortedDictionary<byte[], byte[]>(TestData.KeyOrder);
        for (var i = 0; i < 50; i++)
        {
            model[TestData.RandomBytes(random, random.Next(120, 300))] = TestData.RandomBytes(random, random.Next(1, 5000));
        }

        Assert.Equal(TestData.FreshTrie(model, 1).RootHash, TestData.BuilderRoot(model));
    }

    [Fact]
    public void Builder_is_reusable_after_complete()
    {
        var builder = new TrieRootBuilder();
        builder.Add([1], [1]);
        builder.Add([2], [2]);
        Assert.Equal(2, builder.Count);
        var first = builder.Complete();
        Assert.Equal(0, builder.Count);
        builder.Add([1], [1]);
        builder.Add([2], [2]);
        Assert.Equal(first, builder.Complete());
        Assert.Equal(Hash256.EmptyTrieRoot, builder.Complete());
    }

    [Fact]
    public void Rejects_keys_out_of_order_and_repeated_keys()
    {
        var builder = new TrieRootBuilder();
        builder.Add([5], [1]);
        Assert.Throws<ArgumentException>(() => builder.Add([5], [2]));
        Assert.Throws<ArgumentException>(() => builder.Add([4, 9], [2]));
        builder.Add([5, 0], [3]);
    }

    [Fact]
    public void Rejects_empty_values()
    {
        var builder = new TrieRootBuilder();
        Assert.Throws<ArgumentException>(() => builder.Add([1], []));
    }

    [Fact]
    public void Unordered_root_rejects_a_repeated_key_and_skips_empty_values()
    {
        Assert.Throws<ArgumentException>(() => TrieRoots.Unordered([new([1], [1]), new([1], [2])]));
        Assert.Equal(
            TrieRoots.Unordered([new([1], [1])]),
            TrieRoots.Unordered([new([2], []), new([1], [1])]));
    }

    [Fact]
    public void Ordered_root_of_an_empty_list_is_the_empty_trie_root()
    {
        Assert.Equal(Hash256.EmptyTrieRoot, TrieRoots.Ordered([]));
    }

    private struct CopyingEncoder(byte[][] items) : IIndexedItemEncoder
    {
        private readonly byte[] _buffer = new byte[256];

        public int Calls { get; private set; }

        public ReadOnlySpan<byte> Encode(int index)
        {
            Calls++;
            items[index].CopyTo(_buffer, 0);
            return _buffer.AsSpan(0, items[index].Length);
        }
    }
}
