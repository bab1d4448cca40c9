using Nectar.Core.Hashing;

namespace Nectar.Trie.Tests;

/// <summary>Random update sequences with fixed seeds, checked against a sorted dictionary and the stack builder.</summary>
public sealed class TriePropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Random_inserts_and_deletes_give_the_root_of_the_final_set_built_from_scratch(int seed)
    {
        var random = new Random(seed);
        var model = new SortedDictionary<byte[], byte[]>(TestData.KeyOrder);
        var pool = new List<byte[]>();
        var trie = new PatriciaTrie();
        for (var step = 0; step < 3000; step++)
        {
            var key = PickKey(random, pool);
            if (random.Next(10) < 7)
            {
                var value = TestData.RandomValue(random);
                trie.Set(key, value);
                model[key] = value;
            }
            else
            {
                Assert.Equal(model.Remove(key), trie.Delete(key));
            }

            if (step % 250 == 0)
            {
                Assert.Equal(TestData.BuilderRoot(model), trie.RootHash);
            }
        }

        var root = trie.RootHash;
        Assert.Equal(TestData.BuilderRoot(model), root);
        Assert.Equal(root, TestData.FreshTrie(model, seed).RootHash);
        Assert.Equal(root, TrieRoots.Unordered(model));
        foreach (var key in pool)
        {
            Assert.Equal(model.GetValueOrDefault(key), trie.Get(key));
        }
    }

    [Theory]
    [InlineData(11, 5000)]
    [InlineData(12, 20000)]
    public void Many_changes_hashed_in_parallel_give_the_same_root_as_the_sequential_builder(int seed, int count)
    {
        var random = new Random(seed);
        var model = new SortedDictionary<byte[], byte[]>(TestData.KeyOrder);
        var trie = new PatriciaTrie();
        for (var i = 0; i < count; i++)
        {
            var key = TestData.RandomBytes(random, 32);
            var value = TestData.RandomBytes(random, 70);
            model[key] = value;
            trie.Set(key, value);
        }

        Assert.Equal(TestData.BuilderRoot(model), trie.RootHash);

        var keys = model.Keys.ToArray();
        for (var i = 0; i < count / 4; i++)
        {
            var key = keys[random.Next(keys.Length)];
            if (random.Next(4) == 0)
            {
                trie.Delete(key);
                model.Remove(key);
            }
            else
            {
                var value = TestData.RandomBytes(random, 70);
                trie.Set(key, value);
                model[key] = value;
            }
        }

        Assert.Equal(TestData.BuilderRoot(model), trie.RootHash);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Next_and_previous_keys_follow_byte_order(int seed)
    {
        var random = new Random(seed);
        var model = new SortedDictionary<byte[], byte[]>(TestData.KeyOrder);
        var trie = new PatriciaTrie();
        for (var i = 0; i < 300; i++)
        {
            var key = TestData.RandomShortKey(random);
            var value = TestData.RandomValue(random);
            model[key] = value;
            trie.Set(key, value);
        }

        var sorted = model.Keys.ToList();
        for (var probe = 0; probe < 500; probe++)
        {
            var target = TestData.RandomShortKey(random);
            var index = sorted.BinarySearch(target, TestData.KeyOrder);
            var nextIndex = index >= 0 ? index + 1 : ~index;
            var previousIndex = index >= 0 ? index - 1 : ~index - 1;

            Assert.Equal(nextIndex < sorted.Count, trie.TryGetNext(target, out var next, out var nextValue));
            if (nextIndex < sorted.Count)
            {
                Assert.Equal(sorted[nextIndex], next);
                Assert.Equal(model[sorted[nextIndex]], nextValue);
            }

            Assert.Equal(previousIndex >= 0, trie.TryGetPrevious(target, out var previous, out var previousValue));
            if (previousIndex >= 0)
            {
                Assert.Equal(sorted[previousIndex], previous);
                Assert.Equal(model[sorted[previousIndex]], previousValue);
            }
        }
    }

    [Fact]
    public void Walking_forward_from_the_smallest_key_visits_every_key_in_order()
    {
        var random = new Random(31);
        var model = new SortedDictionary<byte[], byte[]>(TestData.KeyOrder);
        var trie = new PatriciaTrie();
        for (var i = 0; i < 2000; i++)
        {
            var key = Keccak256.Compute(BitConverter.GetBytes(i)).ToArray()[..random.Next(1, 33)];
            model[key] = [1];
            trie.Set(key, [1]);
        }

        var visited = new List<byte[]>();
        var current = model.Keys.First();
        visited.Add(current);
        while (trie.TryGetNext(current, out var next, out _))
        {
            visited.Add(next);
            current = next;
        }

        Assert.Equal(model.Keys, visited);
    }

    private static byte[] PickKey(Random random, List<byte[]> pool)
    {
        if (pool.Count > 0 && random.Next(3) == 0)
        {
            return pool[random.Next(pool.Count)];
        }

        var key = random.Next(2) == 0 ? TestData.RandomShortKey(random) : TestData.RandomBytes(random, 32);
        pool.Add(key);
        return key;
    }
}
