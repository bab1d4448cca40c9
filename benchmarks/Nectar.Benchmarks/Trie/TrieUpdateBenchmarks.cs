using BenchmarkDotNet.Attributes;
using Nectar.Core.Primitives;
using Nectar.Db;
using Nectar.Trie;

namespace Nectar.Benchmarks.Trie;

/// <summary>
/// A block's worth of work on a 100,000-key state trie held in memory: 5,000 updates of existing keys and the
/// new root; the same plus writing the new nodes into a batch; 1,000 reads; 1,000 proofs. Each invocation writes
/// different values, so every update really changes the trie.
/// </summary>
[MemoryDiagnoser]
public class TrieUpdateBenchmarks
{
    private const int Size = 100_000;
    private const int Updates = 5_000;
    private const int Probes = 1_000;

    private MemoryDatabase _database = null!;
    private PatriciaTrie _trie = null!;
    private IWriteBatch _batch = null!;
    private byte[][] _keys = [];
    private byte[][] _updateKeys = [];
    private byte[][] _probeKeys = [];
    private readonly byte[] _value = new byte[70];
    private byte _round;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _database = new MemoryDatabase("trie");
        _trie = new PatriciaTrie(_database.GetColumn("trie"));
        _keys = new byte[Size][];
        for (var i = 0; i < Size; i++)
        {
            _keys[i] = new byte[32];
            random.NextBytes(_keys[i]);
            var value = new byte[70];
            random.NextBytes(value);
            _trie.Set(_keys[i], value);
        }

        _ = _trie.RootHash;
        _updateKeys = [.. Enumerable.Range(0, Updates).Select(_ => _keys[random.Next(Size)])];
        _probeKeys = [.. Enumerable.Range(0, Probes).Select(_ => _keys[random.Next(Size)])];
        random.NextBytes(_value);
        _batch = _database.CreateWriteBatch();
        using var batch = _database.CreateWriteBatch();
        _trie.Commit(batch);
        batch.Commit();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _batch.Dispose();
        _database.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Hash256 Update5000AndHash()
    {
        ApplyUpdates();
        return _trie.RootHash;
    }

    [Benchmark]
    public Hash256 Update5000AndCommitToBatch()
    {
        ApplyUpdates();
        var root = _trie.Commit(_batch);
        _batch.Clear();
        return root;
    }

    [Benchmark]
    public int Get1000()
    {
        var found = 0;
        foreach (var key in _probeKeys)
        {
            found += _trie.TryGet(key, out var value) ? value.Length : 0;
        }

        return found;
    }

    [Benchmark]
    public int Prove1000()
    {
        var nodes = 0;
        foreach (var key in _probeKeys)
        {
            nodes += _trie.GetProof(key).Length;
        }

        return nodes;
    }

    private void ApplyUpdates()
    {
        _value[0] = ++_round;
        foreach (var key in _updateKeys)
        {
            _value[1] = key[0];
            _trie.Set(key, _value);
        }
    }
}
