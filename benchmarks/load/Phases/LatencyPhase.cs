using System.Diagnostics;
using Nectar.Benchmarks.Load.Measurement;
using Nectar.Benchmarks.Load.Rpc;
using Nectar.Benchmarks.Load.Setup;
using Nectar.Benchmarks.Load.Workload;

namespace Nectar.Benchmarks.Load.Phases;

/// <summary>
/// Phase B, latency at a fixed offered load: one pacing thread sends transfer j at j / rate seconds after the start,
/// open loop (it never waits for an answer), round-robin over the senders, each continuing its nonces from phase A.
/// A transfer's latency runs from the moment its request is handed to the HTTP client to the arrival of the head
/// of the block that includes it.
/// </summary>
internal sealed class LatencyPhase
{
    private const byte Phase = 2;

    /// <summary>Requests without an answer beyond which sends are skipped, so a stalled node cannot exhaust the client.</summary>
    private const int MaxOutstanding = 20_000;

    private readonly PreparedTarget _target;
    private readonly LoadOptions _options;
    private readonly TransferLedger _ledger;
    private readonly ErrorCounter _errors = new();
    private long _outstanding;

    /// <summary>Creates the phase.</summary>
    /// <param name="target">The prepared node.</param>
    /// <param name="options">The options.</param>
    public LatencyPhase(PreparedTarget target, LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        _options = options;
        _ledger = target.Ledger;
    }

    /// <summary>Runs the paced sends, drains, and checks a sample of receipts.</summary>
    /// <param name="watcher">The head watcher, already running.</param>
    /// <param name="log">Progress.</param>
    /// <param name="cancellationToken">Cancels the phase.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidOperationException">The watcher failed.</exception>
    public async Task<LatencyResult> RunAsync(HeadWatcher watcher, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        ArgumentNullException.ThrowIfNull(log);
        var total = (long)Math.Round(_options.LatencyRate * _options.LatencyDuration.TotalSeconds);
        var pacer = new RatePacer(_options.LatencyRate, total, Stopwatch.Frequency);
        var lags = new double[total];
        var sent = new List<int>((int)total);
        long skipped = 0, first = 0, last = 0;
        var pacing = new Thread(() => (first, last, skipped) = Pace(pacer, lags, sent, cancellationToken))
        {
            Name = "phase B pacer",
            IsBackground = true,
            Priority = ThreadPriority.AboveNormal,
        };
        pacing.Start();
        await Task.Run(pacing.Join, CancellationToken.None).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        log.WriteLine($"[{_target.Endpoint.Name}] phase B: {sent.Count:N0} transfers sent; waiting for their blocks");

        // Answers first (bounded), then inclusions (bounded).
        var clock = Stopwatch.StartNew();
        while (Interlocked.Read(ref _outstanding) > 0 && clock.Elapsed < _options.Drain)
        {
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        while (clock.Elapsed < _options.Drain && watcher.Fault is null && Missing(sent) > 0)
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        if (watcher.Fault is { } fault)
        {
            throw new InvalidOperationException($"The head watcher failed: {fault.Message}", fault);
        }

        var latencies = new List<double>(sent.Count);
        foreach (var index in sent)
        {
            var includedAt = _ledger.IncludedAt(index);
            if (includedAt != 0)
            {
                latencies.Add((includedAt - _ledger.SentAt(index)) * 1000.0 / Stopwatch.Frequency);
            }
        }

        var sentCount = sent.Count;
        var span = (last - first) / (double)Stopwatch.Frequency;
        var receipts = await ReceiptSampler.CheckAsync(_target, Phase, _options.ReceiptSamples, cancellationToken).ConfigureAwait(false);
        return new LatencyResult(
            _options.LatencyRate,
            _options.LatencyDuration.TotalSeconds,
            sentCount,
            span > 0 ? (sentCount - 1) / span : 0,
            LatencySummary.Of(lags[..sentCount]),
            LatencySummary.Of([.. latencies]),
            sentCount - latencies.Count,
            skipped,
            _errors.Snapshot(),
            BlockStats.Of(watcher.Blocks(), first, last),
            receipts);
    }

    private long Missing(List<int> sent)
    {
        var missing = 0L;
        foreach (var index in sent)
        {
            if (_ledger.IncludedAt(index) == 0)
            {
                missing++;
            }
        }

        return missing;
    }

    /// <summary>The pacing loop, on its own thread: sends whatever is due, then sleeps or spins until the next is.</summary>
    private (long First, long Last, long Skipped) Pace(RatePacer pacer, double[] lags, List<int> sent, CancellationToken cancellationToken)
    {
        var senders = _ledger.Set.SenderCount;
        var start = Stopwatch.GetTimestamp();
        long next = 0, skipped = 0, first = 0, last = 0;
        var millisecond = Stopwatch.Frequency / 1000;
        while (next < pacer.Total && !cancellationToken.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            var due = pacer.DueBy(now - start);
            for (; next < due; next++)
            {
                var sender = (int)(next % senders);
                var nonce = _ledger.NextNonce[sender];
                if (nonce >= _ledger.Set.PerSender || Interlocked.Read(ref _outstanding) >= MaxOutstanding)
                {
                    skipped++;
                    continue;
                }

                _ledger.NextNonce[sender] = nonce + 1;
                var index = _ledger.Set.IndexOf(sender, nonce);
                var sentAt = Stopwatch.GetTimestamp();
                lags[sent.Count] = (sentAt - start - pacer.DueAt(next)) * 1000.0 / Stopwatch.Frequency;
                _ledger.MarkSent(index, Phase, sentAt);
                sent.Add(index);
                first = first == 0 ? sentAt : first;
                last = sentAt;
                Interlocked.Increment(ref _outstanding);
                _ = SendAsync(index, _target.SenderTokens[sender]);
            }

            var wait = start + pacer.DueAt(next) - Stopwatch.GetTimestamp();
            if (wait > 2 * millisecond)
            {
                // The kernel's sleep overshoots by up to about a millisecond; the remainder is spun.
                Thread.Sleep(1);
            }
            else if (wait > 0)
            {
                Thread.SpinWait(20);
            }
        }

        return (first, last, skipped);
    }

    private async Task SendAsync(int index, string? token)
    {
        try
        {
            var (status, response) = await _target.Rpc.PostAsync(_ledger.Set.BodyOf(index), token, CancellationToken.None).ConfigureAwait(false);
            var kinds = new string?[1];
            SendResponses.Classify(status, response, false, _ledger.Set.NonceOf(index), kinds);
            if (kinds[0] is { } kind)
            {
                _errors.Add(kind);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            _errors.Add(SendResponses.KindOf(e));
        }
        finally
        {
            Interlocked.Decrement(ref _outstanding);
        }
    }
}
