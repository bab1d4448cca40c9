namespace Nectar.Chain.Sequencing;

public sealed partial class Sequencer
{
    private enum Wake
    {
        Nothing,
        Transactions,
        Heartbeat,
        Stopped,
    }

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            var handled = 0L;
            var more = false;
            while (!stop.IsCancellationRequested)
            {
                var wake = more ? Wake.Transactions : await WaitForWorkAsync(handled, stop).ConfigureAwait(false);
                if (wake == Wake.Stopped)
                {
                    break;
                }

                if (wake == Wake.Nothing)
                {
                    continue;
                }

                if (wake == Wake.Transactions && !more && _options.CollectionWindow > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(_options.CollectionWindow, _time, stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        // Stopping: the block whose window was open is still built, so accepted transactions get in.
                    }
                }

                await _production.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                ProductionOutcome outcome;
                try
                {
                    // Read before taking: whatever becomes executable from here on wakes the next wait.
                    handled = _pool.ExecutableArrivals;
                    outcome = ProduceBlock(timestamp: null, allowEmpty: wake == Wake.Heartbeat);
                }
#pragma warning disable CA1031 // Whatever else fails (the pool's head update, a port it calls), the loop lives on.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    SequencerLog.ProductionFailed(_logger, e.GetType().Name);
                    outcome = default;
                }
                finally
                {
                    _production.Release();
                }

                // A full block leaves executable transactions behind: they have waited already, so no new window. A
                // dropped culprit leaves the rest of its block to build at once.
                more = outcome.CulpritDropped
                    || (outcome.Block is { } block && block.Transactions.Length > 0 && _pool.ExecutableCount > 0);
            }
        }
        catch (Exception e)
        {
            SequencerLog.LoopFailed(_logger, e, e.GetType().Name);
            throw;
        }
    }

    /// <summary>Waits for an executable transaction not yet handled, the heartbeat, or the stop, without polling.</summary>
    private async Task<Wake> WaitForWorkAsync(long handled, CancellationToken stop)
    {
        var heartbeat = _options.HeartbeatInterval;
        var due = heartbeat - (_time.GetUtcNow() - LastBlockAt);
        if (heartbeat > TimeSpan.Zero && due <= TimeSpan.Zero)
        {
            return Wake.Heartbeat;
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var arrival = _pool.WaitForExecutableAsync(handled, waiting.Token);
        var beat = heartbeat > TimeSpan.Zero ? Task.Delay(due, _time, waiting.Token) : null;
        var first = beat is null ? await Task.WhenAny(arrival).ConfigureAwait(false) : await Task.WhenAny(arrival, beat).ConfigureAwait(false);

        // Releases the other wait's timer or waiter registration.
        await waiting.CancelAsync().ConfigureAwait(false);
        if (stop.IsCancellationRequested)
        {
            return Wake.Stopped;
        }

        if (first == arrival && arrival.IsCompletedSuccessfully)
        {
            return Wake.Transactions;
        }

        // A block mined meanwhile (a development control) moved the heartbeat; the next wait starts from it.
        return _time.GetUtcNow() - LastBlockAt >= heartbeat ? Wake.Heartbeat : Wake.Nothing;
    }
}
