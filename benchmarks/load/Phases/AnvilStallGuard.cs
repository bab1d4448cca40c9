using System.Diagnostics;
using Nectar.Benchmarks.Load.Rpc;
using Nectar.Benchmarks.Load.Setup;
using Nectar.Benchmarks.Load.Targets;

namespace Nectar.Benchmarks.Load.Phases;

/// <summary>
/// anvil 1.7.1's automine misses ready transactions under concurrent load from many senders (foundry issue
/// #10122): they stay in its pool while it mines nothing, or mines empty blocks on each new arrival, until
/// something else mines them. A closed-loop phase, whose senders all wait for inclusions, would then wait forever.
/// While active, this guard watches for a stall (transfers in flight and none of them included for
/// a threshold (250 ms by default)) and mines one block with <c>evm_mine</c>, which takes every ready transaction,
/// counting each such nudge for the report. It never acts on Nectar, whose stalls are reported as they are.
/// </summary>
internal sealed class AnvilStallGuard : IAsyncDisposable
{

    private readonly PreparedTarget _target;
    private readonly HeadWatcher _watcher;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly TimeSpan _threshold;
    private long _nudges;

    /// <summary>Starts guarding (a no-op guard on anything but anvil in automine).</summary>
    /// <param name="target">The prepared node.</param>
    /// <param name="watcher">Its head watcher.</param>
    /// <param name="threshold">How long without an inclusion, with transfers in flight, counts as a stall.</param>
    /// <param name="enabled">Whether the node is anvil in automine.</param>
    public AnvilStallGuard(PreparedTarget target, HeadWatcher watcher, TimeSpan threshold, bool enabled)
    {
        _target = target;
        _watcher = watcher;
        _threshold = threshold;
        _loop = enabled && target.Endpoint.Kind == TargetKind.Anvil ? Task.Run(LoopAsync) : Task.CompletedTask;
    }

    /// <summary>Blocks mined with evm_mine to end a stall.</summary>
    public long Nudges => Interlocked.Read(ref _nudges);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        var threshold = (long)(_threshold.TotalSeconds * Stopwatch.Frequency);
        var ledger = _target.Ledger;
        var included = ledger.IncludedCount;
        var progressAt = Stopwatch.GetTimestamp();
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromTicks(Math.Max(_threshold.Ticks / 5, TimeSpan.TicksPerMillisecond)), _stop.Token).ConfigureAwait(false);
                var now = Stopwatch.GetTimestamp();
                if (ledger.IncludedCount != included || ledger.SentCount <= ledger.IncludedCount || _watcher.Fault is not null)
                {
                    included = ledger.IncludedCount;
                    progressAt = now;
                    continue;
                }

                if (now - progressAt < threshold)
                {
                    continue;
                }

                try
                {
                    await _target.Rpc.CallAsync("evm_mine", null, null, _stop.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref _nudges);
                }
                catch (Exception e) when (e is HttpRequestException or JsonRpcException or TaskCanceledException && !_stop.IsCancellationRequested)
                {
                    // Tried again on the next round.
                }

                // The block's inclusions need a moment to reach the ledger: judge again a full threshold later.
                progressAt = Stopwatch.GetTimestamp();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped.
        }
    }
}
