using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Nectar.Chain.Execution;
using Nectar.Chain.Genesis;
using Nectar.Chain.Persistence;
using Nectar.Chain.Sequencing;
using Nectar.Chain.TxPool;
using Nectar.Compliance.Devnet;
using Nectar.Compliance.Genesis;
using Nectar.Compliance.Registry;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;
using Nectar.Db;
using Nectar.Db.RocksDb;
using Nectar.Node.Adapters;
using Nectar.Node.Configuration;
using Nectar.Node.Hosting;

namespace Nectar.Node;

public sealed partial class NectarNode
{
    /// <summary>The folder under <see cref="NodeOptions.DataDirectory"/> that holds the RocksDB database.</summary>
    public const string DatabaseFolder = "db";

    /// <summary>
    /// Validates the options and starts a node: loads the chain spec, opens the database (creating genesis on first
    /// start, resuming at the stored head after), starts the pool and the sequencer, then the RPC endpoint. Anything
    /// opened is closed again when a later step fails.
    /// </summary>
    /// <param name="options">The options; validated first.</param>
    /// <param name="loggerFactory">Where the node logs.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running node, ready for requests.</returns>
    /// <exception cref="NodeOptionsException">The options are invalid.</exception>
    /// <exception cref="ChainSpecException">The chain spec cannot be read.</exception>
    /// <exception cref="ChainStoreException">The stored chain does not match the chain spec or is damaged.</exception>
    /// <exception cref="StorageException">The database cannot be opened (for example, another node holds it).</exception>
    public static async Task<NectarNode> StartAsync(NodeOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.ThrowIfInvalid();
        var clock = Stopwatch.StartNew();
        var logger = loggerFactory.CreateLogger<NectarNode>();
        if (options.DevMode)
        {
            NodeLog.DevMode(logger);
        }

        var spec = LoadChainSpec(options);
        var cleanup = new Stack<Func<ValueTask>>();
        try
        {
            var database = OpenDatabase(options);
            cleanup.Push(() =>
            {
                database.Dispose();
                return ValueTask.CompletedTask;
            });
            var secp256k1 = new LibSecp256k1();
            cleanup.Push(() =>
            {
                secp256k1.Dispose();
                return ValueTask.CompletedTask;
            });

            var chain = ChainStore.Open(database, spec.Genesis, spec.Forks, new ChainStoreOptions { Durability = options.Durability });
            var head = chain.Head;
            NodeLog.ChainOpened(logger, spec.Name, spec.ChainId, head.Number, head.Hash.ToString(), DescribeDatabase(options));

            var registry = new AccountRegistryReader(chain.GetHeadState);
            var pool = new TransactionPool(
                new TxPoolOptions
                {
                    ChainId = spec.ChainId,
                    Spec = chain.Forks.At(head.Timestamp + 1),
                    BlockGasLimit = head.GasLimit,
                    Capacity = options.TxPool.Capacity,
                    MaxTransactionsPerSender = options.TxPool.PerSenderLimit,
                },
                new TransactionSigner(secp256k1),
                new HeadPoolStateReader(chain),
                new RegistryTransactionAdmission(registry));
            var processor = new BlockProcessor(secp256k1, spec.ChainId);
            var metrics = new NodeMetricsSource(chain, pool);
            var sequencer = new Sequencer(
                chain,
                pool,
                processor,
                CreateSequencerOptions(options) with { OnBlockStored = metrics.RecordBlockStored },
                logger: loggerFactory.CreateLogger<Sequencer>());
            sequencer.NewHead += metrics.OnNewHead;
            cleanup.Push(() => sequencer.DisposeAsync());

            var health = new NodeHealthProbe(sequencer);
            var context = new RpcContext(options, spec, chain, pool, sequencer, processor, secp256k1, new RegistryAccountAdmission(registry), health, metrics, loggerFactory);
            var rpc = await StartRpcAsync(context, logger, cancellationToken).ConfigureAwait(false);
            cleanup.Push(() => rpc.DisposeAsync());

            sequencer.Start();
            var node = new NectarNode(options, spec, logger, database, secp256k1, chain, pool, sequencer, rpc, health);
            NodeLog.Ready(logger, node.RpcUrl.ToString(), node.WsUrl.ToString(), rpc.Sessions.Domain, clock.ElapsedMilliseconds);
            return node;
        }
        catch
        {
            while (cleanup.TryPop(out var undo))
            {
                await undo().ConfigureAwait(false);
            }

            throw;
        }
    }

    private static ChainSpec LoadChainSpec(NodeOptions options) =>
        string.Equals(options.ChainSpec, NodeOptions.EmbeddedDevnet, StringComparison.Ordinal)
            ? DevnetChainSpec.Load()
            : NectarChainSpecLoader.LoadFile(options.ChainSpec);

    private static IDatabase OpenDatabase(NodeOptions options)
    {
        var columns = ChainColumns.AllWithState;
        if (options.Database == DatabaseKind.Memory)
        {
            return new MemoryDatabase([.. columns]);
        }

        return RocksDbDatabase.Open(new DatabaseOptions
        {
            Path = Path.Combine(options.DataDirectory!, DatabaseFolder),
            Columns = columns,
        });
    }

    private static string DescribeDatabase(NodeOptions options) =>
        options.Database == DatabaseKind.Memory ? "memory" : "RocksDB at " + Path.Combine(options.DataDirectory!, DatabaseFolder);

    private static SequencerOptions CreateSequencerOptions(NodeOptions options)
    {
        var sequencer = options.Sequencer;
        return new SequencerOptions
        {
            CollectionWindow = sequencer.Window,
            HeartbeatInterval = sequencer.Heartbeat,
            Coinbase = sequencer.Coinbase,
            MaxTransactionsPerBlock = sequencer.MaxTransactionsPerBlock > 0 ? sequencer.MaxTransactionsPerBlock : SequencerOptions.DefaultMaxTransactionsPerBlock,
        };
    }
}
