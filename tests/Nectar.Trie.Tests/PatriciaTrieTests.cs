using System.Text;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;

namespace Nectar.Trie.Tests;

/// <summary>Reading and writing single keys, and the shapes the trie must keep canonical.</summary>
public sealed class PatriciaTrieTests
{
    [Fact]
    public void Empty_trie_has_the_empty_trie_root()
    {
        var trie = new PatriciaTrie();
        Assert.True(trie.IsEmpty);
        Assert.Equal(Hash256.EmptyTrieRoot, trie.RootHash);
        Assert.Equal(Keccak256.Compute([0x80]), trie.RootHash);
    }

    [Fact]
    public void Reads_back_what_was_written_and_nothing_else()
    {
        var trie = new PatriciaTrie();
        trie.Set("dog"u8, "puppy"u8);
        trie.Set("doge"u8, "coin"u8);
        Assert.Equal("puppy"u8.ToArray(), trie.Get("dog"u8));
        Assert.Equal("coin"u8.ToArray(), trie.Get("doge"u8));
        Assert.Null(trie.Get("do"u8));
        Assert.Null(trie.Get("dogs"u8));
        Assert.True(trie.TryGet("dog"u8, out var value));
        Assert.Equal("puppy"u8.ToArray(), value.ToArray());
        Assert.False(trie.TryGet("cat"u8, out _));
    }

    [Fact]
    public void Setting_an_empty_value_deletes_the_key()
    {
        var trie = new PatriciaTrie();
        trie.Set("a"u8, "1"u8);
        trie.Set("b"u8, "2"u8);
        var withA = trie.RootHash;
        trie.Set("c"u8, "3"u8);
        trie.Set("c"u8, []);
        Assert.Null(trie.Get("c"u8));
        Assert.Equal(withA, trie.RootHash);
    }

    [Fact]
    public void Deleting_every_key_returns_to_the_empty_root()
    {
        var trie = new PatriciaTrie();
        var keys = Enumerable.Range(0, 300).Select(i => Keccak256.Compute(BitConverter.GetBytes(i)).ToArray()).ToList();
        foreach (var key in keys)
        {
            trie.Set(key, key);
        }

        Assert.NotEqual(Hash256.EmptyTrieRoot, trie.RootHash);
        foreach (var key in keys)
        {
            Assert.True(trie.Delete(key));
        }

        Assert.True(trie.IsEmpty);
        Assert.Equal(Hash256.EmptyTrieRoot, trie.RootHash);
    }

    [Fact]
    public void Deleting_an_absent_key_reports_false_and_keeps_the_root()
    {
        var trie = new PatriciaTrie();
        trie.Set("horse"u8, "stallion"u8);
        var root = trie.RootHash;
        Assert.False(trie.Delete("hor"u8));
        Assert.False(trie.Delete("horses"u8));
        Assert.False(trie.Delete("cow"u8));
        Assert.Equal(root, trie.RootHash);
    }

    [Fact]
    public void Root_does_not_depend_on_insertion_order_or_on_values_later_overwritten()
    {
        string[] words = ["do", "dog", "doge", "horse", "ether", "shaman", "a", "ab", "abc"];
        var forward = new PatriciaTrie();
        foreach (var word in words)
        {
            forward.Set(Encoding.UTF8.GetBytes(word), "x"u8);
            forward.Set(Encoding.UTF8.GetBytes(word), Encoding.UTF8.GetBytes(word));
        }

        var backward = new PatriciaTrie();
        foreach (var word in words.Reverse())
        {
            backward.Set(Encoding.UTF8.GetBytes(word), Encoding.UTF8.GetBytes(word));
        }

        Assert.Equal(forward.RootHash, backward.RootHash);
    }

    [Fact]
    public void Root_changes_when_a_value_changes_and_returns_when_it_is_restored()
    {
        var trie = new PatriciaTrie();
        for (var i = 0; i < 100; i++)
        {
            trie.Set(BitConverter.GetBytes(i), [(byte)i, 1]);
        }

        var before = trie.RootHash;
        trie.Set(BitConverter.GetBytes(42), [9, 9]);
        Assert.NotEqual(before, trie.RootHash);
        trie.Set(BitConverter.GetBytes(42), [42, 1]);
        Assert.Equal(before, trie.RootHash);
    }

    [Fact]
    public void The_empty_key_holds_a_value_like_any_other()
    {
        var trie = new PatriciaTrie();
        trie.Set([], "root value"u8);
        Assert.Equal("root value"u8.ToArray(), trie.Get([]));
        trie.Set([1], "one"u8);
        Assert.Equal("root value"u8.ToArray(), trie.Get([]));
        Assert.True(trie.Delete([]));
        Assert.Null(trie.Get([]));
        Assert.Equal("one"u8.ToArray(), trie.Get([1]));
    }

    [Fact]
    public void Long_keys_and_large_values_are_stored_and_hashed()
    {
        var random = new Random(5);
        var key = TestData.RandomBytes(random, 300);
        var value = TestData.RandomBytes(random, 10_000);
        var trie = new PatriciaTrie();
        trie.Set(key, value);
        trie.Set(key[..200], value[..5000]);
        Assert.Equal(value, trie.Get(key));
        Assert.Equal(value[..5000], trie.Get(key[..200]));

        var builder = new TrieRootBuilder();
        builder.Add(key[..200], value[..5000]);
        builder.Add(key, value);
        Assert.Equal(builder.Complete(), trie.RootHash);
    }

    [Fact]
    public void Secure_trie_root_equals_the_trie_keyed_by_the_keccak_of_each_key()
    {
        var secure = new SecureTrie();
        var plain = new PatriciaTrie();
        for (var i = 0; i < 200; i++)
        {
            var key = BitConverter.GetBytes(i);
            secure.Set(key, [(byte)i, 7]);
            plain.Set(Keccak256.Compute(key).Bytes, [(byte)i, 7]);
        }

        Assert.Equal(plain.RootHash, secure.RootHash);
        Assert.Equal([5, 7], secure.Get(BitConverter.GetBytes(5))!);
        Assert.True(secure.Delete(BitConverter.GetBytes(5)));
        Assert.Null(secure.Get(BitConverter.GetBytes(5)));
        Assert.Null(secure.Trie.Get(Keccak256.Compute(BitConverter.GetBytes(5)).Bytes));
    }
}
