using System.Globalization;
using BenchmarkDotNet.Attributes;
using Nectar.Chain;
using Nectar.Chain.Building;
using Nectar.Chain.Execution;
using Nectar.Chain.Genesis;
using Nectar.Chain.Persistence;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Crypto.Secp256k1;
using Nectar.Db;
using Nectar.Db.RocksDb;

namespace Nectar.Benchmarks.Chain;

/// <summary>
/// Storing a block of 5,000 ether transfers (one sender, 5,000 fresh recipients) in a <see cref="ChainStore"/> on
/// RocksDB: <see cref="CommitBlock"/> times the store's part alone (encoding the body, receipts, senders and
/// transaction index, and writing them with the block's staged state in one batch to the write-ahead log), and
/// <see cref="BuildAndCommit"/> the sequencer's whole path (execute, hash the state, store). Each iteration stores the
/// same block on the same parent; the store is reverted to the parent afterwards. The batch's size (entries and bytes
/// of keys and values) is printed once at setup.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[InvocationCount(1, 1)]
public class ChainStoreCommitBenchmarks
{
    public const int Transfers = 5_000;

    private static readonly byte[] SenderKey = Convert.FromHexString("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");

    private string _directory = null!;
    private RocksDbDatabase _rocksDb = null!;
    private CountingDatabase _database = null!;
    private ChainStore _store = null!;
    private BlockBuilder _builder = null!;
    private Transaction[] _transfers = null!;
    private BuiltBlock? _built;

    [GlobalSetup]
    public void Setup()
    {
        var processor = new BlockProcessor(new LibSecp256k1(), 1);
        _builder = new BlockBuilder(processor);
        var sender = processor.Signer.AddressOf(SenderKey);
        _transfers = new Transaction[Transfers];
        for (var i = 0; i < Transfers; i++)
        {
            _transfers[i] = processor.Signer.Sign(
                new Transaction
                {
                    Type = TransactionType.DynamicFee,
                    ChainId = 1,
                    Nonce = (ulong)i,
                    MaxFeePerGas = 10_000_000_000,
                    MaxPriorityFeePerGas = 1_000_000_000,
                    GasLimit = 21_000,
                    To = Address.Create(sender, (ulong)i + 1_000_000),
                    Value = UInt256.One,
                },
                SenderKey);
        }

        processor.Signer.RecoverSenders(_transfers);
        _directory = Path.Combine(Path.GetTempPath(), "nectar-bench-chainstore-" + Guid.NewGuid().ToString("N"));
        _rocksDb = RocksDbDatabase.Open(new DatabaseOptions { Path = _directory, Columns = ChainColumns.AllWithState });
        _database = new CountingDatabase(_rocksDb);
        var genesis = new GenesisSpec
        {
            Alloc = new Dictionary<Address, GenesisAccount> { [sender] = new() { Balance = UInt256.Parse("1000000000000000000000000") } },
            Timestamp = 1_700_000_000,
            GasLimit = 1_000_000_000,
            BaseFeePerGas = 1_000_000_000,
        };
        _store = ChainStore.Open(_database, genesis, ForkSchedule.Single(ForkSpec.For(Fork.Prague)));

        // One measured-once run: the block must hold every transfer, and its batch's size is reported.
        _database.Reset();
        Build();
        CommitBlock();
        if (_store.HeadBlock.Transactions.Length != Transfers)
        {
            throw new InvalidOperationException($"The block holds {_store.HeadBlock.Transactions.Length} transfers, not {Transfers}.");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// CommitBlock batch: {_database.Entries:N0} entries, {_database.Bytes:N0} bytes of keys and values ({_database.Bytes / (double)Transfers:N0} per transfer)"));
        foreach (var (column, (entries, bytes)) in _database.ByColumn.OrderByDescending(c => c.Value.Bytes))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"//   {column}: {entries:N0} entries, {bytes:N0} bytes"));
        }

        RevertToParent();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rocksDb.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [IterationSetup(Target = nameof(CommitBlock))]
    public void Build() => _built = _builder.Build(
        new BlockBuildRequest { Parent = _store.Head, Spec = ForkSpec.For(Fork.Prague), Timestamp = _store.Head.Timestamp + 1, Coinbase = default },
        _transfers,
        _store.State,
        _store);

    [IterationCleanup]
    public void RevertToParent() => _store.RevertToBlock(0);

    /// <summary>The store's part: block, receipts, senders, indexes and the staged state, one batch to the write-ahead log.</summary>
    [Benchmark]
    public void CommitBlock() => _store.CommitBlock(_built!);

    /// <summary>The sequencer's path on RocksDB: execute the transfers, compute every root, store.</summary>
    [Benchmark]
    public void BuildAndCommit()
    {
        Build();
        CommitBlock();
    }

    /// <summary>Counts what the store's batches write, without changing how they are written.</summary>
    private sealed class CountingDatabase(IDatabase inner) : IDatabase
    {
        private long _entries;
        private long _bytes;

        public long Entries => Interlocked.Read(ref _entries);

        public long Bytes => Interlocked.Read(ref _bytes);

        public Dictionary<string, (long Entries, long Bytes)> ByColumn { get; } = new(StringComparer.Ordinal);

        public IReadOnlyList<string> ColumnNames => inner.ColumnNames;

        public void Reset()
        {
            Interlocked.Exchange(ref _entries, 0);
            Interlocked.Exchange(ref _bytes, 0);
            lock (ByColumn)
            {
                ByColumn.Clear();
            }
        }

        private void Count(string column, int bytes)
        {
            Interlocked.Increment(ref _entries);
            Interlocked.Add(ref _bytes, bytes);
            lock (ByColumn)
            {
                var (entries, total) = ByColumn.GetValueOrDefault(column);
                ByColumn[column] = (entries + 1, total + bytes);
            }
        }

        public IKeyValueStore GetColumn(string name) => inner.GetColumn(name);

        public IWriteBatch CreateWriteBatch() => new Batch(this, inner.CreateWriteBatch());

        public ISnapshot CreateSnapshot() => inner.CreateSnapshot();

        public void Flush() => inner.Flush();

        public void Dispose() => inner.Dispose();

        private sealed class Batch(CountingDatabase owner, IWriteBatch inner) : IWriteBatch
        {
            public int Count => inner.Count;

            public void Put(IKeyValueStore column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
            {
                owner.Count(column.Name, key.Length + value.Length);
                inner.Put(column, key, value);
            }

            public void Delete(IKeyValueStore column, ReadOnlySpan<byte> key)
            {
                owner.Count(column.Name, key.Length);
                inner.Delete(column, key);
            }

            public void Commit(WriteDurability durability = WriteDurability.Buffered) => inner.Commit(durability);

            public void Clear() => inner.Clear();

            public void Dispose() => inner.Dispose();
        }
    }
}
