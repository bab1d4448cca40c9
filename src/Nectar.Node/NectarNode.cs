using Microsoft.Extensions.Logging;
using Nectar.Chain.Genesis;
using Nectar.Chain.Persistence;
using Nectar.Chain.Reading;
using Nectar.Chain.Sequencing;
using Nectar.Chain.TxPool;
using Nectar.Core.Primitives;
using Nectar.Crypto.Secp256k1;
using Nectar.Db;
using Nectar.Node.Configuration;
using Nectar.Node.Hosting;
using Nectar.Privacy.Sessions;

namespace Nectar.Node;

/// <summary>
/// A running Nectar node: the chain in RocksDB (or memory), the transaction pool, the sequencer producing blocks,
/// Sign-In with Ethereum sessions, and the JSON-RPC endpoint (HTTP and WebSocket) with every module wired. Start one
/// with <see cref="StartAsync"/>; stop it with <see cref="StopAsync"/> (graceful) or <see cref="DisposeAsync"/>. Tests
/// start it in-process exactly as <c>nectar node</c> and <c>nectar devnet</c> do.
/// </summary>
/// <remarks>
/// Thread-safe. RPC requests run on the thread pool, blocks are produced on the sequencer's loop, sessions expire on a
/// timer, and RocksDB flushes and compacts on its own threads; see <c>docs/design/node.md</c>.
/// </remarks>
public sealed partial class NectarNode : IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly IDatabase _database;
    private readonly LibSecp256k1 _secp256k1;
    private readonly ChainStore _chain;
    private readonly TransactionPool _pool;
    private readonly Sequencer _sequencer;
    private readonly RpcEndpoint _rpc;
    private readonly NodeHealthProbe _health;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stopping;

    private NectarNode(
        NodeOptions options,
        ChainSpec spec,
        ILogger logger,
        IDatabase database,
        LibSecp256k1 secp256k1,
        ChainStore chain,
        TransactionPool pool,
        Sequencer sequencer,
        RpcEndpoint rpc,
        NodeHealthProbe health)
    {
        Options = options;
        ChainSpec = spec;
        _logger = logger;
        _database = database;
        _secp256k1 = secp256k1;
        _chain = chain;
        _pool = pool;
        _sequencer = sequencer;
        _rpc = rpc;
        _health = health;
    }

    /// <summary>The options the node runs with.</summary>
    public NodeOptions Options { get; }

    /// <summary>The chain spec the node runs (name, chain id, forks, genesis).</summary>
    public ChainSpec ChainSpec { get; }

    /// <summary>The chain id.</summary>
    public ulong ChainId => ChainSpec.ChainId;

    /// <summary>The HTTP JSON-RPC URL, e.g. <c>http://127.0.0.1:8545/</c>.</summary>
    public Uri RpcUrl => _rpc.Server.HttpUri;

    /// <summary>The WebSocket JSON-RPC URL, e.g. <c>ws://127.0.0.1:8545/</c>.</summary>
    public Uri WsUrl => _rpc.Server.WebSocketUri;

    /// <summary>The domain sign-in messages must name.</summary>
    public string SignInDomain => _rpc.Sessions.Domain;

    /// <summary>The stored chain.</summary>
    public IChainReader Chain => _chain;

    /// <summary>Block notifications (new heads, reverts).</summary>
    public IChainEvents Events => _sequencer;

    /// <summary>The transaction pool.</summary>
    public TransactionPool Pool => _pool;

    /// <summary>The session service (sign-in, tokens, revocation).</summary>
    public SessionService Sessions => _rpc.Sessions;

    /// <summary>Completes once the node has stopped, whoever stopped it.</summary>
    public Task Stopped => _stopped.Task;

    /// <summary>
    /// Starts a session for an account without a signature (the devnet's ready-made tokens, tests). The account must be
    /// admitted by the registry; the session obeys every timeout and revocation. Never reachable from clients.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <returns>The grant; <c>Token.Reveal()</c> is the bearer token.</returns>
    /// <exception cref="InvalidOperationException">The account is not admitted.</exception>
    public SessionGrant IssueSession(Address account) => _rpc.Sessions.IssueFor(account);

    /// <summary>
    /// Stops gracefully: readiness turns false, the RPC endpoint stops accepting requests and closes WebSockets, the
    /// sequencer finishes the block it is building (never a partial block), then the database is flushed and closed.
    /// Safe to call more than once and from several threads; later calls wait for the first.
    /// </summary>
    /// <param name="cancellationToken">Cuts the wait for requests in flight short (the stop still completes).</param>
    /// <returns>Completes when the node has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopping, 1) != 0)
        {
            await _stopped.Task.ConfigureAwait(false);
            return;
        }

        try
        {
            NodeLog.Stopping(_logger);
            _health.MarkStopping();
            try
            {
                await _rpc.Server.StopAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Requests in flight were cut short on request; the rest of the stop goes on.
            }

            await _sequencer.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _sequencer.DisposeAsync().ConfigureAwait(false);
            await _rpc.DisposeAsync().ConfigureAwait(false);
            var head = _chain.Head;
            _database.Flush();
            _database.Dispose();
            _secp256k1.Dispose();
            NodeLog.Stopped(_logger, head.Number, head.Hash.ToString());
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    /// <summary>Stops the node (see <see cref="StopAsync"/>).</summary>
    /// <returns>Completes when the node has stopped.</returns>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
