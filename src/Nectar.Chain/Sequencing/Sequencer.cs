using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nectar.Chain.Building;
using Nectar.Chain.Execution;
using Nectar.Chain.Persistence;
using Nectar.Chain.Reading;
using Nectar.Chain.TxPool;

namespace Nectar.Chain.Sequencing;

/// <summary>
/// Produces the node's blocks: waits for the pool's signal that an executable transaction arrived (or for the
/// heartbeat), lets the collection window fill the block, takes executable transactions first come, first served,
/// builds the block on the <see cref="ChainStore"/>'s head, stores it (block and state in one batch), brings the pool
/// to the new head, and only then raises <see cref="NewHead"/>. A transaction's receipt is therefore readable before
/// anyone is told about its block. Development controls (mine now, set the next timestamp, move the clock, snapshot
/// and revert) run one at a time with the loop, never inside a block being built.
/// </summary>
/// <remarks>
/// <para>
/// The sequencer is the chain store's one writer: nothing else may build, import or revert blocks on the store while
/// it runs. <see cref="NewHead"/> and <see cref="Reverted"/> handlers run on the producing thread; they must be quick
/// and must not throw (one that throws is logged and ignored).
/// </para>
/// <para>
/// A block that fails to build does not stop the loop: the transaction that made it fail is found (by building
/// shorter prefixes of the candidates on the same state, each undone), dropped from the pool and logged by hash, and
/// production goes on. A block that fails to store (a database error) leaves the head and the pool as they were.
/// </para>
/// </remarks>
public sealed partial class Sequencer : IChainEvents, IAsyncDisposable
{
    private readonly ChainStore _chain;
    private readonly TransactionPool _pool;
    private readonly BlockBuilder _builder;
    private readonly SequencerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // Held while a block is built and stored, and by every development control: one change to the chain at a time.
    private readonly SemaphoreSlim _production = new(1, 1);
    private readonly Lock _lifecycle = new();
    private CancellationTokenSource? _stop;
    private Task? _loop;

    /// <summary>Creates a sequencer; call <see cref="Start"/> to begin producing blocks.</summary>
    /// <param name="chain">The chain store blocks are built on and stored in; the sequencer is its one writer.</param>
    /// <param name="pool">The pool transactions are taken from; its state reader reads the chain's head (see <see cref="HeadPoolStateReader"/>).</param>
    /// <param name="processor">The execution core, for the chain's id.</param>
    /// <param name="options">Timing, limits, coinbase and extra data; validated here.</param>
    /// <param name="time">The clock for timestamps, the collection window and the heartbeat; the system clock when omitted.</param>
    /// <param name="logger">Where failures and sealed blocks are logged.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public Sequencer(ChainStore chain, TransactionPool pool, BlockProcessor processor, SequencerOptions options, TimeProvider? time = null, ILogger<Sequencer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _chain = chain;
        _pool = pool;
        _builder = new BlockBuilder(processor);
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        LastBlockAt = _time.GetUtcNow();
    }

    /// <inheritdoc />
    /// <remarks>Raised after the block is stored and the pool moved to it: its receipts are readable by then.</remarks>
    public event EventHandler<NewHeadEventArgs>? NewHead;

    /// <inheritdoc />
    public event EventHandler<ChainRevertedEventArgs>? Reverted;

    /// <summary>The chain the sequencer writes.</summary>
    public ChainStore Chain => _chain;

    /// <summary>The options in force.</summary>
    public SequencerOptions Options => _options;

    /// <summary>Whether the production loop runs.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_lifecycle)
            {
                return _loop is { IsCompleted: false };
            }
        }
    }

    /// <summary>Starts the production loop; does nothing when it already runs.</summary>
    public void Start()
    {
        lock (_lifecycle)
        {
            if (_loop is { IsCompleted: false })
            {
                return;
            }

            _stop = new CancellationTokenSource();
            var stop = _stop.Token;
            _loop = Task.Run(() => RunAsync(stop), CancellationToken.None);
        }
    }

    /// <summary>
    /// Stops the production loop gracefully: a block being built is finished and stored (a collection window that is
    /// open is cut short and its block built), no block is left half-done. Development controls keep working after.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the loop (the loop still stops).</param>
    /// <returns>Completes when the loop has ended.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        Task? loop;
        CancellationTokenSource? stop;
        lock (_lifecycle)
        {
            loop = _loop;
            stop = _stop;
            _loop = null;
            _stop = null;
        }

        if (loop is null || stop is null)
        {
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (loop.IsCompleted)
            {
                stop.Dispose();
            }
        }
    }

    /// <summary>Stops the loop (see <see cref="StopAsync"/>).</summary>
    /// <returns>Completes when the loop has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _production.Dispose();
    }

    private void RaiseNewHead(NewHeadEventArgs args) => Raise(NewHead, args, nameof(NewHead));

    private void RaiseReverted(ChainRevertedEventArgs args) => Raise(Reverted, args, nameof(Reverted));

    /// <summary>Calls each subscriber in turn, so that one that throws neither stops production nor starves the others.</summary>
    private void Raise<TArgs>(EventHandler<TArgs>? handlers, TArgs args, string eventName)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((EventHandler<TArgs>)handler)(this, args);
            }
#pragma warning disable CA1031 // A subscriber's failure must not stop block production.
            catch (Exception e)
#pragma warning restore CA1031
            {
                SequencerLog.HandlerFailed(_logger, eventName, e.GetType().Name);
            }
        }
    }
}
