using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Nectar.Chain.Reading;

namespace Nectar.JsonRpc.Logs;

/// <summary>
/// Moves chain events off the producer's thread: the <see cref="IChainEvents"/> handlers only queue, and one worker
/// hands each new head (as a <see cref="BlockLogView"/>) and each revert to its consumer, in order. The worker remembers
/// the last <see cref="RecentBlocks"/> heads so that a revert can report the logs it removed.
/// </summary>
/// <remarks>
/// The queue is unbounded on purpose: the producer must never block or lose an event, and the work per event is
/// bounded by the number of filters and subscriptions, which are bounded themselves.
/// </remarks>
internal sealed class ChainEventPump : IDisposable
{
    /// <summary>How many recent heads are remembered for reporting removed logs.</summary>
    public const int RecentBlocks = 128;

    private readonly IChainEvents _events;
    private readonly Action<BlockLogView> _onNewHead;
    private readonly Action<ChainRevert> _onReverted;
    private readonly ILogger _logger;
    private readonly string _consumer;
    private readonly Channel<EventArgs> _queue = Channel.CreateUnbounded<EventArgs>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<BlockLogView> _recent = [];
    private long _processed;
    private int _disposed;

    public ChainEventPump(IChainEvents events, string consumer, Action<BlockLogView> onNewHead, Action<ChainRevert> onReverted, ILogger logger)
    {
        _events = events;
        _consumer = consumer;
        _onNewHead = onNewHead;
        _onReverted = onReverted;
        _logger = logger;
        events.NewHead += Enqueue;
        events.Reverted += Enqueue;
        Worker = Task.Run(RunAsync);
    }

    /// <summary>How many events the consumer has handled (tests wait on it instead of sleeping).</summary>
    public long Processed => Volatile.Read(ref _processed);

    /// <summary>The worker; completes after <see cref="Dispose"/> once the queue is drained.</summary>
    public Task Worker { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _events.NewHead -= Enqueue;
        _events.Reverted -= Enqueue;
        _queue.Writer.TryComplete();
    }

    private void Enqueue(object? sender, EventArgs e) => _queue.Writer.TryWrite(e);

    private async Task RunAsync()
    {
        await foreach (var item in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                switch (item)
                {
                    case NewHeadEventArgs head:
                        HandleNewHead(head);
                        break;
                    case ChainRevertedEventArgs revert:
                        HandleRevert(revert);
                        break;
                }
            }
            catch (Exception e)
            {
                // One bad event must not stop delivery of the next ones.
                ChainEventLog.ConsumerFailed(_logger, _consumer, e.GetType().FullName ?? e.GetType().Name, new StackTrace(e, fNeedFileInfo: false).ToString());
            }
            finally
            {
                Interlocked.Increment(ref _processed);
            }
        }
    }

    private void HandleNewHead(NewHeadEventArgs head)
    {
        var view = new BlockLogView(head.Block, head.Receipts, head.Senders);

        // A head at or below a remembered one replaces that branch.
        _recent.RemoveAll(v => v.Number >= view.Number);
        _recent.Add(view);
        if (_recent.Count > RecentBlocks)
        {
            _recent.RemoveAt(0);
        }

        _onNewHead(view);
    }

    private void HandleRevert(ChainRevertedEventArgs revert)
    {
        var removed = new List<BlockLogView>();
        for (var i = _recent.Count - 1; i >= 0 && _recent[i].Number > revert.NewHeadNumber; i--)
        {
            removed.Add(_recent[i].AsRemoved());
            _recent.RemoveAt(i);
        }

        _onReverted(new ChainRevert(revert.NewHeadNumber, revert.PreviousHeadNumber, removed));
    }
}
