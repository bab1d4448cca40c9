using Nectar.Core.Hashing;
using Nectar.Core.Primitives;
using Nectar.Db;

namespace Nectar.Trie.Tests;

/// <summary>Commit into a write batch, reopen from the store, keep working on the reopened trie.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly MemoryDatabase _database = new("trie");
    private readonly IKeyValueStore _nodes;

    public PersistenceTests()
    {
        _nodes = _database.GetColumn("trie");
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Reopened_trie_has_the_committed_root_and_values()
    {
        var (trie, model) = Build(seed: 1, count: 2000);
        var root = Commit(trie);

        var reopened = new PatriciaTrie(_nodes, root);
        Assert.Equal(root, reopened.RootHash);
        foreach (var entry in model)
        {
            Assert.Equal(entry.Value, reopened.Get(entry.Key));
        }

        Assert.Null(reopened.Get(new byte[32]));
    }

    [Fact]
    public void Reopened_trie_takes_updates_and_deletes_and_commits_again()
    {
        var (trie, model) = Build(seed: 2, count: 1500);
        var root = Commit(trie);
        var random = new Random(3);
        var keys = model.Keys.ToArray();

        var reopened = new PatriciaTrie(_nodes, root);
        for (var i = 0; i < 1200; i++)
        {
            var key = keys[random.Next(keys.Length)];
            switch (random.Next(3))
            {
                case 0:
                    Assert.Equal(model.Remove(key), reopened.Delete(key));
                    break;
                case 1:
                    var value = TestData.RandomValue(random);
                    reopened.Set(key, value);
                    model[key] = value;
                    break;
                default:
                    var fresh = TestData.RandomBytes(random, 32);
                    reopened.Set(fresh, fresh);
                    model[fresh] = fresh;
                    break;
            }
        }

        var second = Commit(reopened);
        Assert.Equal(TestData.BuilderRoot(model), second);

        var again = new PatriciaTrie(_nodes, second);
        foreach (var entry in model)
        {
            Assert.Equal(entry.Value, again.Get(entry.Key));
        }

        // The first version is still readable: nodes are only ever added.
        Assert.Equal(root, new PatriciaTrie(_nodes, root).RootHash);
        Assert.NotNull(new PatriciaTrie(_nodes, root).Get(keys[0]));
    }

    [Fact]
    public void Deleting_down_to_one_key_merges_nodes_loaded_from_the_store()
    {
        var (trie, model) = Build(seed: 4, count: 300);
        var root = Commit(trie);
        var reopened = new PatriciaTrie(_nodes, root);
        var keys = model.Keys.ToArray();
        for (var i = 1; i < keys.Length; i++)
        {
            Assert.True(reopened.Delete(keys[i]));
        }

        Assert.Equal(model[keys[0]], reopened.Get(keys[0]));
        var single = new PatriciaTrie();
        single.Set(keys[0], model[keys[0]]);
        Assert.Equal(single.RootHash, reopened.RootHash);

        Assert.True(reopened.Delete(keys[0]));
        Assert.Equal(Hash256.EmptyTrieRoot, reopened.RootHash);
        Assert.True(reopened.IsEmpty);
    }

    [Fact]
    public void Committing_again_without_changes_writes_nothing()
    {
        var (trie, model) = Build(seed: 5, count: 500);
        using var batch = _database.CreateWriteBatch();
        trie.Commit(batch);
        Assert.True(batch.Count > 500);
        batch.Commit();

        foreach (var entry in model)
        {
            trie.Set(entry.Key, entry.Value);
        }

        trie.Commit(batch);
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public void Updating_one_key_rewrites_only_the_hashed_nodes_on_its_path()
    {
        var (trie, model) = Build(seed: 6, count: 1000);
        Commit(trie);
        var key = model.Keys.First();
        trie.Set(key, [0x42, 0x43]);

        using var batch = _database.CreateWriteBatch();
        trie.Commit(batch);

        // The proof lists exactly the root and the hashed nodes on the key's path.
        Assert.Equal(trie.GetProof(key).Length, batch.Count);
        Assert.InRange(batch.Count, 2, 6);
    }

    [Fact]
    public void Root_shorter_than_a_hash_is_stored_under_its_hash()
    {
        var trie = new PatriciaTrie(_nodes);
        trie.Set("k"u8, "v"u8);
        using var batch = _database.CreateWriteBatch();
        var root = trie.Commit(batch);
        Assert.Equal(1, batch.Count);
        batch.Commit();

        Assert.Equal(Keccak256.Compute([0xc4, 0x82, 0x20, 0x6b, 0x76]), root);
        Assert.Equal([0xc4, 0x82, 0x20, 0x6b, 0x76], _nodes.Get(root.Bytes));
        Assert.Equal("v"u8.ToArray(), new PatriciaTrie(_nodes, root).Get("k"u8));
    }

    [Fact]
    public void Short_root_loaded_from_the_store_can_grow_and_shrink()
    {
        var trie = new PatriciaTrie(_nodes);
        trie.Set([0x12], [1]);
        trie.Set([0x13], [2]);
        var root = Commit(trie);

        var reopened = new PatriciaTrie(_nodes, root);
        var expected = new PatriciaTrie();
        foreach (var (key, value) in new (byte[], byte[])[] { ([0x12], [1]), ([0x13], [2]), ([0x24], [3]), ([0x12, 0x01], [4]) })
        {
            reopened.Set(key, value);
            expected.Set(key, value);
        }

        Assert.Equal(expected.RootHash, reopened.RootHash);
        var grown = Commit(reopened);

        var again = new PatriciaTrie(_nodes, grown);
        again.Delete([0x24]);
        again.Delete([0x12, 0x01]);
        Assert.Equal(root, again.RootHash);
        Assert.Equal(root, Commit(again));
        Assert.Equal(new byte[] { 2 }, new PatriciaTrie(_nodes, root).Get([0x13]));
    }

    [Fact]
    public void Missing_root_is_reported_with_its_hash_on_first_access()
    {
        var root = Keccak256.Compute("not committed"u8);
        var trie = new PatriciaTrie(_nodes, root);
        Assert.Equal(root, trie.RootHash);

        var error = Assert.Throws<MissingTrieNodeException>(() => trie.Get([1, 2, 3]));
        Assert.Equal(root, error.NodeHash);
        Assert.Equal("(root)", error.Path);
        Assert.Contains(root.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_inner_node_is_reported_with_its_hash_and_path_by_every_operation()
    {
        var (trie, model) = Build(seed: 7, count: 1000);
        var root = Commit(trie);
        var key = model.Keys.First();
        var proof = trie.GetProof(key);
        var lost = Keccak256.Compute(proof[1]);
        _nodes.Delete(lost.Bytes);

        var reopened = new PatriciaTrie(_nodes, root);
        var onGet = Assert.Throws<MissingTrieNodeException>(() => reopened.Get(key));
        Assert.Equal(lost, onGet.NodeHash);
        Assert.StartsWith(Convert.ToHexStringLower(key)[..1], onGet.Path, StringComparison.Ordinal);
        Assert.Equal(lost, Assert.Throws<MissingTrieNodeException>(() => reopened.Set(key, [1])).NodeHash);
        Assert.Equal(lost, Assert.Throws<MissingTrieNodeException>(() => reopened.Delete(key)).NodeHash);
        Assert.Equal(lost, Assert.Throws<MissingTrieNodeException>(() => reopened.GetProof(key)).NodeHash);
    }

    [Fact]
    public void Nodes_present_in_the_store_are_read_back_without_error()
    {
        var (trie, model) = Build(seed: 8, count: 1000);
        var root = Commit(trie);
        var reopened = new PatriciaTrie(_nodes, root);
        Assert.Equal(model.First().Value, reopened.Get(model.First().Key));
    }

    [Fact]
    public void Corrupt_node_in_the_store_is_reported_as_invalid_data()
    {
        var (trie, model) = Build(seed: 9, count: 100);
        var root = Commit(trie);
        _nodes.Put(root.Bytes, [0xc2, 0x80, 0x80]);

        var error = Assert.Throws<InvalidDataException>(() => new PatriciaTrie(_nodes, root).Get(model.First().Key));
        Assert.Contains(root.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trie_without_a_store_cannot_commit()
    {
        var trie = new PatriciaTrie();
        trie.Set([1], [2]);
        using var batch = _database.CreateWriteBatch();
        Assert.Throws<InvalidOperationException>(() => trie.Commit(batch));
    }

    [Fact]
    public void Trie_opened_at_the_empty_root_is_empty_and_reads_nothing()
    {
        var trie = new PatriciaTrie(_nodes, Hash256.EmptyTrieRoot);
        Assert.True(trie.IsEmpty);
        Assert.Null(trie.Get([1]));
        Assert.Empty(trie.GetProof([1]));
        using var batch = _database.CreateWriteBatch();
        Assert.Equal(Hash256.EmptyTrieRoot, trie.Commit(batch));
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public void Proofs_from_a_reopened_trie_equal_those_of_the_trie_in_memory()
    {
        var (trie, model) = Build(seed: 10, count: 800);
        var root = Commit(trie);
        var reopened = new PatriciaTrie(_nodes, root);
        foreach (var key in model.Keys.Take(50).Append(new byte[32]))
        {
            Assert.Equal(trie.GetProof(key), reopened.GetProof(key));
        }
    }

    [Fact]
    public void Secure_trie_commits_and_reopens()
    {
        var trie = new SecureTrie(_nodes);
        for (byte i = 0; i < 200; i++)
        {
            trie.Set([i], [i, i]);
        }

        using var batch = _database.CreateWriteBatch();
        var root = trie.Commit(batch);
        batch.Commit();

        var reopened = new SecureTrie(_nodes, root);
        Assert.Equal(root, reopened.RootHash);
        for (byte i = 0; i < 200; i++)
        {
            Assert.Equal(new byte[] { i, i }, reopened.Get([i]));
        }
    }

    private (PatriciaTrie Trie, SortedDictionary<byte[], byte[]> Model) Build(int seed, int count)
    {
        var random = new Random(seed);
        var model = new SortedDictionary<byte[], byte[]>(TestData.KeyOrder);
        var trie = new PatriciaTrie(_nodes);
        for (var i = 0; i < count; i++)
        {
            var key = TestData.RandomBytes(random, 32);
            var value = TestData.RandomValue(random);
            model[key] = value;
            trie.Set(key, value);
        }

        return (trie, model);
    }

    private Hash256 Commit(PatriciaTrie trie)
    {
        using var batch = _database.CreateWriteBatch();
        var root = trie.Commit(batch);
        batch.Commit();
        return root;
    }
}
