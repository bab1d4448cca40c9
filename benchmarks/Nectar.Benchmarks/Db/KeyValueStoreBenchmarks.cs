using BenchmarkDotNet.Attributes;
using Nectar.Db;
using Nectar.Db.RocksDb;

namespace Nectar.Benchmarks.Db;

/// <summary>
/// The node's storage access patterns against both stores: random point reads of 32-byte hash keys (hits
/// and misses), one block's batch of 10,000 puts, and an ordered scan of 1,000 keys under one prefix.
/// The RocksDB store is flushed after loading, so reads come from table files through the block cache.
/// </summary>
[MemoryDiagnoser]
public class KeyValueStoreBenchmarks
{
    private const int Loaded = 200_000;
    private const int Probes = 1_000;
    private const int BatchSize = 10_000;
    private const int ScanSize = 1_000;

    private readonly byte[] _buffer = new byte[256];
    private IDatabase _database = null!;
    private IKeyValueStore _state = null!;
    private string? _path;
    private byte[][] _hits = null!;
    private byte[][] _misses = null!;
    private byte[] _scanPrefix = null!;
    private byte[][] _batchKeys = null!;
    private byte[] _batchValue = null!;

    public enum StoreKind
    {
        Memory,
        RocksDb,
    }

    [Params(StoreKind.Memory, StoreKind.RocksDb)]
    public StoreKind Store { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = new DatabaseOptions { Columns = ["state"] };
        if (Store == StoreKind.RocksDb)
        {
            _path = Path.Combine(Path.GetTempPath(), "nectar-bench-" + Guid.NewGuid().ToString("N"));
            _database = RocksDbDatabase.Open(options with { Path = _path });
        }
        else
        {
            _database = new MemoryDatabase(options);
        }

        _state = _database.GetColumn("state");
        var random = new Random(42);
        var keys = new byte[Loaded][];
        using (var batch = _database.CreateWriteBatch())
        {
            for (var i = 0; i < Loaded; i++)
            {
                keys[i] = RandomBytes(random, 32);
                batch.Put(_state, keys[i], RandomBytes(random, 100));
                if (batch.Count == BatchSize)
                {
                    batch.Commit();
                }
            }

            // 1,000 keys under one 20-byte prefix (like one contract's storage slots), between the random keys.
            _scanPrefix = RandomBytes(random, 20);
            for (var i = 0; i < ScanSize; i++)
            {
                batch.Put(_state, [.. _scanPrefix, .. RandomBytes(random, 32)], RandomBytes(random, 32));
            }

            batch.Commit();
        }

        _database.Flush();
        _hits = [.. Enumerable.Range(0, Probes).Select(_ => keys[random.Next(Loaded)])];
        _misses = [.. Enumerable.Range(0, Probes).Select(_ => RandomBytes(random, 32))];
        _batchKeys = [.. Enumerable.Range(0, BatchSize).Select(_ => RandomBytes(random, 32))];
        _batchValue = RandomBytes(random, 100);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.Dispose();
        if (_path is not null)
        {
            Directory.Delete(_path, recursive: true);
        }
    }

    [Benchmark(OperationsPerInvoke = Probes, Description = "read hit (span)")]
    public int ReadHit()
    {
        var total = 0;
        foreach (var key in _hits)
        {
            _state.TryGet(key, _buffer, out var length);
            total += length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Probes, Description = "read hit (array)")]
    public int GetHit()
    {
        var total = 0;
        foreach (var key in _hits)
        {
            total += _state.Get(key)!.Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Probes, Description = "read miss")]
    public int ReadMiss()
    {
        var total = 0;
        foreach (var key in _misses)
        {
            _state.TryGet(key, _buffer, out var length);
            total += length;
        }

        return total;
    }

    [Benchmark(Description = "batch of 10,000 puts")]
    public void CommitBatch()
    {
        // The same keys each time: the store's size stays put across iterations.
        using var batch = _database.CreateWriteBatch();
        foreach (var key in _batchKeys)
        {
            batch.Put(_state, key, _batchValue);
        }

        batch.Commit();
    }

    [Benchmark(Description = "prefix scan of 1,000 keys")]
    public int PrefixScan()
    {
        var total = 0;
        using var cursor = _state.ScanPrefix(_scanPrefix);
        while (cursor.MoveNext())
        {
            total += cursor.Key.Length + cursor.Value.Length;
        }

        return total;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
