using Nectar.Core.Hashing;
using Nectar.Core.Primitives;
using Nectar.Db;

namespace Nectar.Trie.Tests;

/// <summary>The shared node cache: what commits write and reads load is served from memory, within its capacity.</summary>
public sealed class TrieNodeCacheTests : IDisposable
{
    private readonly MemoryDatabase _database = new("trie");
    private readonly IKeyValueStore _nodes;

    public TrieNodeCacheTests()
    {
        _nodes = _database.GetColumn("trie");
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public void A_trie_reopened_after_a_cached_commit_reads_every_node_from_memory()
    {
        var cache = new TrieNodeCache();
        var (root, model) = CommitRandom(cache, seed: 1, count: 500);
        var counting = new CountingStore(_nodes);

        var reopened = new PatriciaTrie(counting, root, cache);
        foreach (var (key, value) in model)
        {
            Assert.Equal(value, reopened.Get(key));
        }

        Assert.Equal(0, counting.Reads);
        Assert.Equal(0, cache.Misses);
    }

    [Fact]
    public void A_node_read_from_the_store_once_is_served_from_memory_to_the_next_trie()
    {
        var (root, model) = CommitRandom(cache: null, seed: 2, count: 300);
        var cache = new TrieNodeCache();
        var counting = new CountingStore(_nodes);
        var key = model.Keys.First();

        Assert.Equal(model[key], new PatriciaTrie(counting, root, cache).Get(key));
        var firstReads = counting.Reads;
        Assert.Equal(model[key], new PatriciaTrie(counting, root, cache).Get(key));

        Assert.True(firstReads > 0);
        Assert.Equal(firstReads, counting.Reads);
        Assert.Equal(firstReads, cache.Misses);
    }

    [Fact]
    public void Cached_and_uncached_tries_agree_on_roots_after_the_same_updates()
    {
        var cache = new TrieNodeCache();
        var (root, model) = CommitRandom(cache, seed: 3, count: 400);
        var cached = new PatriciaTrie(_nodes, root, cache);
        var plain = new PatriciaTrie(_nodes, root);
        var random = new Random(4);
        foreach (var key in model.Keys.Take(150))
        {
            var value = TestData.RandomValue(random);
            cached.Set(key, value);
            plain.Set(key, value);
        }

        foreach (var key in model.Keys.Skip(150).Take(50))
        {
            Assert.True(cached.Delete(key));
            Assert.True(plain.Delete(key));
        }

        Assert.Equal(plain.RootHash, cached.RootHash);
    }

    [Fact]
    public void Holds_no_more_than_its_capacity_and_keeps_what_stays_in_use()
    {
        var cache = new TrieNodeCache(capacityBytes: 64 * 1024);
        var hot = Keccak256.Compute("hot"u8);
        cache.Add(hot, new byte[100]);
        var added = new List<Hash256>();
        for (var i = 0; i < 2_000; i++)
        {
            var hash = Keccak256.Compute(BitConverter.GetBytes(i));
            cache.Add(hash, new byte[100]);
            added.Add(hash);
            Assert.True(cache.TryGet(hot, out _));
        }

        // 2,000 entries of about 200 bytes with bookkeeping are six times the capacity: most of them are gone.
        var kept = added.Count(h => cache.TryGet(h, out _));
        Assert.InRange(kept, 1, 64 * 1024 / 100);
        Assert.True(cache.TryGet(added[^1], out _));
        Assert.False(cache.TryGet(added[0], out _));
    }

    [Fact]
    public void Concurrent_adds_and_lookups_return_only_the_encoding_added_for_a_hash()
    {
        var cache = new TrieNodeCache(capacityBytes: 256 * 1024);
        Parallel.For(0, 8, worker =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                var value = BitConverter.GetBytes((i * 7) + worker);
                var hash = Keccak256.Compute(value);
                cache.Add(hash, value);
                if (cache.TryGet(hash, out var found))
                {
                    Assert.Equal(hash, Keccak256.Compute(found));
                }
            }
        });

        Assert.True(cache.Hits > 0);
    }

    [Fact]
    public void Refuses_a_capacity_below_64_KiB()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrieNodeCache(capacityBytes: 1_000));
    }

    private (Hash256 Root, Dictionary<byte[], byte[]> Model) CommitRandom(TrieNodeCache? cache, int seed, int count)
    {
        var random = new Random(seed);
        var model = new Dictionary<byte[], byte[]>();
        var trie = new PatriciaTrie(_nodes, cache);
        for (var i = 0; i < count; i++)
        {
            var key = TestData.RandomBytes(random, 32);
            var value = TestData.RandomValue(random);
            model[key] = value;
            trie.Set(key, value);
        }

        using var batch = _database.CreateWriteBatch();
        var root = trie.Commit(batch);
        batch.Commit();
        return (root, model);
    }

    /// <summary>The node column, counting the reads that reach it.</summary>
    private sealed class CountingStore(IKeyValueStore inner) : IKeyValueStore
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public string Name => inner.Name;

        public byte[]? Get(ReadOnlySpan<byte> key)
        {
            Interlocked.Increment(ref _reads);
            return inner.Get(key);
        }

        public bool TryGet(ReadOnlySpan<byte> key, Span<byte> destination, out int length)
        {
            Interlocked.Increment(ref _reads);
            return inner.TryGet(key, destination, out length);
        }

        public bool TryRead<TState, TResult>(ReadOnlySpan<byte> key, TState state, ValueReader<TState, TResult> reader, out TResult result)
            where TState : allows ref struct
        {
            Interlocked.Increment(ref _reads);
            return inner.TryRead(key, state, reader, out result);
        }

        public bool Has(ReadOnlySpan<byte> key) => inner.Has(key);

        public IKeyValueCursor ScanPrefix(ReadOnlySpan<byte> prefix, ScanDirection direction = ScanDirection.Forward) => inner.ScanPrefix(prefix, direction);

        public IKeyValueCursor ScanRange(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, ScanDirection direction = ScanDirection.Forward) =>
            inner.ScanRange(start, end, direction);

        public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => inner.Put(key, value);

        public void Delete(ReadOnlySpan<byte> key) => inner.Delete(key);
    }
}
