using Nectar.Chain.Genesis;
using Nectar.Chain.Reading;
using Nectar.Chain.Storage;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Db;
using Nectar.Evm;
using Nectar.State;
using Nectar.Trie;

namespace Nectar.Chain.Persistence;

/// <summary>
/// The canonical chain kept in a database (RocksDB in the node, memory in tests): headers, bodies, receipts, senders,
/// the canonical index, the transaction index, the head pointer and the state, each block written in one atomic
/// write batch together with its state. It serves every read of the chain (<see cref="IChainReader"/>) and BLOCKHASH
/// for blocks built on the head (<see cref="IBlockHashProvider"/>).
/// </summary>
/// <remarks>
/// <para>
/// One writer, many readers. The writer (the sequencer) builds or imports a block on <see cref="State"/>, whose
/// commit stages the block's state into a write batch, then calls <see cref="CommitBlock(Block, IReadOnlyList{Core.Receipts.Receipt}, IReadOnlyList{Address})"/>,
/// which adds the block, receipts, senders, indexes and head to the same batch, writes it, and only then publishes
/// the new head. Readers on any thread see the head before or after a block, never a part of one: lookups above the
/// published head answer nothing, and state reads are checked against the write version (see
/// <see cref="GetState"/>).
/// </para>
/// <para>
/// Durability: when <see cref="CommitBlock(Block, IReadOnlyList{Core.Receipts.Receipt}, IReadOnlyList{Address})"/>
/// returns, the block is in the database's write-ahead log (<see cref="ChainStoreOptions.Durability"/>), so a process
/// killed at any point after a receipt was served loses nothing.
/// </para>
/// </remarks>
public sealed partial class ChainStore : IChainReader, IBlockHashProvider
{
    /// <summary>The layout version this code writes and reads; a database with another is refused.</summary>
    public const byte LayoutVersion = 1;

    private static readonly byte[] HeadKey = "head"u8.ToArray();
    private static readonly byte[] GenesisKey = "genesis"u8.ToArray();
    private static readonly byte[] VersionKey = "version"u8.ToArray();

    private readonly Lock _writeLock = new();
    private readonly IDatabase _database;
    private readonly IKeyValueStore _headers;
    private readonly IKeyValueStore _bodies;
    private readonly IKeyValueStore _canonical;
    private readonly IKeyValueStore _receipts;
    private readonly IKeyValueStore _senders;
    private readonly IKeyValueStore _transactions;
    private readonly IKeyValueStore _meta;
    private readonly ChainStoreState _state;
    private readonly RecentBlocks _recent;
    private volatile Block _head = null!;
    private Block _genesis = null!;

    // Even while no write is in flight; odd while a batch is being written. See HeadStateReader.
    private long _version;

    private ChainStore(IDatabase database, ForkSchedule forks, ChainStoreOptions options)
    {
        _database = database;
        Forks = forks;
        Options = options;
        try
        {
            _headers = database.GetColumn(ChainColumns.Headers);
            _bodies = database.GetColumn(ChainColumns.Bodies);
            _canonical = database.GetColumn(ChainColumns.Canonical);
            _receipts = database.GetColumn(ChainColumns.Receipts);
            _senders = database.GetColumn(ChainColumns.Senders);
            _transactions = database.GetColumn(ChainColumns.Transactions);
            _meta = database.GetColumn(ChainColumns.Meta);
            _state = new ChainStoreState(this, database, new StateStore(database, new TrieNodeCache(options.TrieNodeCacheBytes)));
        }
        catch (KeyNotFoundException e)
        {
            throw new ChainStoreException($"The database lacks a column the chain store needs: open it with ChainColumns.AllWithState. {e.Message}", e);
        }

        _recent = new RecentBlocks(options.RecentBlocks, options.RecentTransactions);
    }

    /// <summary>Which rules apply to which block.</summary>
    public ForkSchedule Forks { get; }

    /// <summary>The options the store was opened with.</summary>
    public ChainStoreOptions Options { get; }

    /// <summary>The genesis block.</summary>
    public Block Genesis => _genesis;

    /// <summary>The head block: the latest block stored and published.</summary>
    public Block HeadBlock => _head;

    /// <summary>
    /// The state blocks are built and imported on, at the head. Its commit stages the block's state into the write
    /// batch that <see cref="CommitBlock(Block, IReadOnlyList{Core.Receipts.Receipt}, IReadOnlyList{Address})"/> then
    /// writes; reverting it before that drops the staged state. For the one writer only.
    /// </summary>
    public IChainState State => _state;

    /// <summary>The committed state store (the head's flat state, tries and reverse diffs); for the writer and tools.</summary>
    public StateStore StateStore => _state.Store;

    /// <summary>
    /// Opens the chain kept in <paramref name="database"/>. An empty database receives the genesis block built from
    /// <paramref name="genesis"/> (block and state in one batch). A database that holds a chain must hold this
    /// genesis; the store then resumes at the stored head after checking that the head's state root is the state's.
    /// </summary>
    /// <param name="database">A database opened with <see cref="ChainColumns.AllWithState"/>; the caller keeps ownership and disposes it after the store is no longer used.</param>
    /// <param name="genesis">The chain's genesis allocation and header fields.</param>
    /// <param name="forks">Which rules apply to which block (the genesis block's are those at its timestamp).</param>
    /// <param name="options">Durability and caching; defaults when omitted.</param>
    /// <returns>The store, its head the stored head (or genesis).</returns>
    /// <exception cref="ChainStoreException">
    /// The database holds another genesis, its head and state disagree, a stored block is missing, it holds state but
    /// no chain, its layout version is unknown, or it lacks a column.
    /// </exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static ChainStore Open(IDatabase database, GenesisSpec genesis, ForkSchedule forks, ChainStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(genesis);
        ArgumentNullException.ThrowIfNull(forks);
        options ??= new ChainStoreOptions();
        options.Validate();
        var store = new ChainStore(database, forks, options);
        if (store._meta.Get(GenesisKey) is { } storedGenesis)
        {
            store.Resume(new Hash256(storedGenesis), genesis);
        }
        else
        {
            store.WriteGenesis(genesis);
        }

        return store;
    }

    /// <summary>Computes the hash of the genesis block a specification produces, without touching any database.</summary>
    /// <param name="genesis">The genesis allocation and header fields.</param>
    /// <param name="forks">Which rules apply to which block.</param>
    /// <returns>The genesis block.</returns>
    public static Block BuildGenesis(GenesisSpec genesis, ForkSchedule forks)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        ArgumentNullException.ThrowIfNull(forks);
        return GenesisBuilder.Build(genesis, forks.At(genesis.Timestamp), StoreChainState.CreateInMemory());
    }

    private void WriteGenesis(GenesisSpec genesis)
    {
        if (_state.Store.BlockNumber is { } number)
        {
            throw new ChainStoreException($"The database holds state up to block {number} but no chain: it was not written by a chain store. Use an empty database.");
        }

        if (_meta.Get(HeadKey) is not null)
        {
            throw new ChainStoreException("The database has a head but no genesis: it is damaged.");
        }

        var block = GenesisBuilder.Build(genesis, Forks.At(genesis.Timestamp), _state);
        lock (_writeLock)
        {
            var batch = _state.Pending!.Batch;
            try
            {
                WriteBlock(batch, block, [], []);
                batch.Put(_meta, GenesisKey, block.Hash.Bytes);
                batch.Put(_meta, VersionKey, [LayoutVersion]);
            }
            catch
            {
                _state.AbandonPending();
                throw;
            }

            _genesis = block;
            WriteAndPublish(block, [], []);
        }
    }

    private void Resume(Hash256 storedGenesis, GenesisSpec genesis)
    {
        var version = _meta.Get(VersionKey);
        if (version is not [LayoutVersion])
        {
            throw new ChainStoreException($"The database's chain layout version is {(version is null ? "missing" : string.Join('.', version))}; this node reads version {LayoutVersion}.");
        }

        var expected = BuildGenesis(genesis, Forks);
        if (expected.Hash != storedGenesis)
        {
            throw new ChainStoreException(
                $"The database holds a chain whose genesis is {storedGenesis}, but the configured genesis is {expected.Hash}. " +
                "Use the chain specification the database was created with, or another data directory.");
        }

        _genesis = ReadBlock(storedGenesis) ?? throw new ChainStoreException($"The genesis block {storedGenesis} is missing from the database.");
        var headHash = _meta.Get(HeadKey) is { } bytes ? new Hash256(bytes) : throw new ChainStoreException("The database has a genesis but no head: it is damaged.");
        var head = ReadBlock(headHash) ?? throw new ChainStoreException($"The head block {headHash} is missing from the database.");
        var state = _state.Store;
        if (state.BlockNumber != head.Number || state.StateRoot != head.Header.StateRoot)
        {
            throw new ChainStoreException(
                $"The stored head is block {head.Number} with state root {head.Header.StateRoot}, but the stored state is at block " +
                $"{(state.BlockNumber is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")} with root {state.StateRoot}: the database is damaged.");
        }

        if (ReadCanonicalHash(head.Number) != head.Hash)
        {
            throw new ChainStoreException($"The head block {head.Number} ({head.Hash}) is not in the canonical index: the database is damaged.");
        }

        _head = head;
    }
}
