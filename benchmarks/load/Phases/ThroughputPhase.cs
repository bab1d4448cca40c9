using System.Buffers;
using System.Diagnostics;
using Nectar.Benchmarks.Load.Measurement;
using Nectar.Benchmarks.Load.Rpc;
using Nectar.Benchmarks.Load.Setup;
using Nectar.Benchmarks.Load.Workload;

namespace Nectar.Benchmarks.Load.Phases;

/// <summary>
/// Phase A, sustained throughput: every sender keeps up to K of its transfers in flight (sent, not yet in an
/// announced block), sending the next as soon as one of its earlier ones is included; each sender sends its
/// requests one after another, so its nonces arrive in order. Requests go over the shared HTTP/1.1 keep-alive pool,
/// singly or as batches of the sender's next nonces. A transfer counts when its block is announced within the
/// window. A watchdog resends a sender's oldest transfer when nothing of it was included for a while, so a
/// transfer dropped by the pool cannot stall its sender for the rest of the window.
/// </summary>
internal sealed class ThroughputPhase
{
    private const byte Phase = 1;
    private static readonly TimeSpan StallBeforeResend = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);

    private readonly PreparedTarget _target;
    private readonly LoadOptions _options;
    private readonly TransferLedger _ledger;
    private readonly SemaphoreSlim[] _slots;
    private readonly long[] _lastProgress;
    private readonly ErrorCounter _errors = new();
    private readonly int _limitPerSender;
    private long _accepted;
    private long _requests;
    private long _requestTicks;
    private long _resent;
    private int _exhausted;
    private long _windowEnd = long.MaxValue;

    /// <summary>Creates the phase.</summary>
    /// <param name="target">The prepared node.</param>
    /// <param name="options">The options.</param>
    /// <param name="reservedPerSender">Transfers per sender kept back for phase B.</param>
    public ThroughputPhase(PreparedTarget target, LoadOptions options, int reservedPerSender)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        _options = options;
        _ledger = target.Ledger;
        _limitPerSender = _ledger.Set.PerSender - reservedPerSender;
        _slots = new SemaphoreSlim[_ledger.Set.SenderCount];
        _lastProgress = new long[_slots.Length];
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i] = new SemaphoreSlim(options.InFlight, options.InFlight);
        }
    }

    /// <summary>Runs the window, drains, and checks a sample of receipts.</summary>
    /// <param name="watcher">The head watcher, already running.</param>
    /// <param name="log">Progress.</param>
    /// <param name="cancellationToken">Cancels the phase.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidOperationException">The watcher failed.</exception>
    public async Task<ThroughputResult> RunAsync(HeadWatcher watcher, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        ArgumentNullException.ThrowIfNull(log);
        _ledger.Included += OnIncluded;
        try
        {
            var start = Stopwatch.GetTimestamp();
            Array.Fill(_lastProgress, start);
            using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            window.CancelAfter(_options.ThroughputDuration);
            var end = start + (long)(_options.ThroughputDuration.TotalSeconds * Stopwatch.Frequency);
            Volatile.Write(ref _windowEnd, end);
            var senders = new Task[_slots.Length];
            for (var s = 0; s < senders.Length; s++)
            {
                var sender = s;
                senders[s] = Task.Run(() => SenderLoopAsync(sender, window.Token), CancellationToken.None);
            }

            var watchdog = Task.Run(() => WatchdogAsync(window.Token), CancellationToken.None);
            var progress = Task.Run(() => ReportProgressAsync(watcher, log, start, window.Token), CancellationToken.None);
            await Task.WhenAll(senders).ConfigureAwait(false);
            await Task.WhenAll(watchdog, progress).ConfigureAwait(false);
            var windowSeconds = (end - start) / (double)Stopwatch.Frequency;
            if (watcher.Fault is { } fault)
            {
                throw new InvalidOperationException($"The head watcher failed: {fault.Message}", fault);
            }

            var drainClock = Stopwatch.StartNew();
            var notIncluded = await DrainAsync(watcher, cancellationToken).ConfigureAwait(false);
            var drainSeconds = drainClock.Elapsed.TotalSeconds;
            long sent = 0, included = 0;
            for (var i = 0; i < _ledger.Set.Count; i++)
            {
                var sentAt = _ledger.SentAt(i);
                if (_ledger.PhaseOf(i) != Phase || sentAt == 0)
                {
                    continue;
                }

                if (sentAt <= end)
                {
                    sent++;
                }

                var includedAt = _ledger.IncludedAt(i);
                if (includedAt != 0 && includedAt <= end)
                {
                    included++;
                }
            }

            var requests = Interlocked.Read(ref _requests);
            var receipts = await ReceiptSampler.CheckAsync(_target, Phase, _options.ReceiptSamples, cancellationToken).ConfigureAwait(false);
            return new ThroughputResult(
                windowSeconds,
                sent,
                Interlocked.Read(ref _accepted),
                included,
                requests,
                requests == 0 ? 0 : Interlocked.Read(ref _requestTicks) * 1000.0 / Stopwatch.Frequency / requests,
                Interlocked.Read(ref _resent),
                _exhausted,
                _errors.Snapshot(),
                BlockStats.Of(watcher.Blocks(), start, end),
                drainSeconds,
                notIncluded,
                receipts);
        }
        finally
        {
            _ledger.Included -= OnIncluded;
            foreach (var slot in _slots)
            {
                slot.Dispose();
            }
        }
    }

    private void OnIncluded(int index)
    {
        if (_ledger.PhaseOf(index) != Phase)
        {
            return;
        }

        var sender = _ledger.Set.SenderOf(index);
        Volatile.Write(ref _lastProgress[sender], Stopwatch.GetTimestamp());
        try
        {
            _slots[sender].Release();
        }
        catch (ObjectDisposedException)
        {
            // An inclusion seen after the phase ended.
        }
        catch (SemaphoreFullException)
        {
            // A resent transfer whose slot was already given back; nothing to release.
        }
    }

    private async Task SenderLoopAsync(int sender, CancellationToken window)
    {
        var token = _target.SenderTokens[sender];
        var slot = _slots[sender];
        var kinds = new string?[_options.Batch];
        var body = new ArrayBufferWriter<byte>(_options.Batch * 512);
        try
        {
            while (true)
            {
                await slot.WaitAsync(window).ConfigureAwait(false);
                var count = 1;
                while (count < _options.Batch && slot.Wait(0))
                {
                    count++;
                }

                var first = _ledger.NextNonce[sender];
                if (first + count > _limitPerSender)
                {
                    count = _limitPerSender - first;
                    if (count <= 0)
                    {
                        Interlocked.Increment(ref _exhausted);
                        return;
                    }
                }

                _ledger.NextNonce[sender] = first + count;
                var now = Stopwatch.GetTimestamp();
                for (var k = 0; k < count; k++)
                {
                    _ledger.MarkSent(_ledger.Set.IndexOf(sender, first + k), Phase, now);
                }

                await SendUntilAnsweredAsync(sender, first, count, token, body, kinds, window).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested)
        {
            // The window is over.
        }
    }

    /// <summary>Sends transfers and retries those refused for a reason other than being there already, until the window ends.</summary>
    private async Task SendUntilAnsweredAsync(int sender, int first, int count, string? token, ArrayBufferWriter<byte> body, string?[] kinds, CancellationToken window)
    {
        var pending = new List<int>(count);
        for (var k = 0; k < count; k++)
        {
            pending.Add(first + k);
        }

        while (pending.Count > 0)
        {
            // Runs of consecutive nonces only: a retry after a refusal resends the refused ones.
            var runStart = pending[0];
            var run = 1;
            while (run < pending.Count && pending[run] == runStart + run)
            {
                run++;
            }

            var batched = _options.Batch > 1;
            Build(body, sender, runStart, run, batched);
            var started = Stopwatch.GetTimestamp();
            try
            {
                // Not cancelled by the window's end: an answer on its way is still read, so nothing is left unknown.
                var (status, response) = await _target.Rpc.PostAsync(body.WrittenMemory, token, CancellationToken.None).ConfigureAwait(false);
                var answered = Stopwatch.GetTimestamp();
                CountRequest(started, answered);
                SendResponses.Classify(status, response, batched, runStart, kinds.AsSpan(0, run));
                var retry = new List<int>();
                for (var k = 0; k < run; k++)
                {
                    var kind = kinds[k];
                    if (kind is null)
                    {
                        if (answered <= Volatile.Read(ref _windowEnd))
                        {
                            Interlocked.Increment(ref _accepted);
                        }
                    }
                    else
                    {
                        _errors.Add(kind);
                        if (!SendResponses.IsAlreadyThere(kind))
                        {
                            retry.Add(runStart + k);
                        }
                    }
                }

                pending.RemoveRange(0, run);
                pending.InsertRange(0, retry);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                CountRequest(started, Stopwatch.GetTimestamp());
                _errors.Add(SendResponses.KindOf(e));
            }

            if (pending.Count > 0)
            {
                if (window.IsCancellationRequested)
                {
                    return;
                }

                await Task.Delay(RetryDelay, window).ConfigureAwait(false);
            }
        }
    }

    private void Build(ArrayBufferWriter<byte> body, int sender, int first, int count, bool batched)
    {
        body.ResetWrittenCount();
        if (!batched)
        {
            body.Write(_ledger.Set.BodyOf(_ledger.Set.IndexOf(sender, first)));
            return;
        }

        body.Write("["u8);
        for (var k = 0; k < count; k++)
        {
            if (k > 0)
            {
                body.Write(","u8);
            }

            body.Write(_ledger.Set.BodyOf(_ledger.Set.IndexOf(sender, first + k)));
        }

        body.Write("]"u8);
    }

    private void CountRequest(long started, long answered)
    {
        if (started <= Volatile.Read(ref _windowEnd))
        {
            Interlocked.Increment(ref _requests);
            Interlocked.Add(ref _requestTicks, answered - started);
        }
    }

    /// <summary>Resends a sender's oldest unincluded transfer when none of its transfers was included for a while.</summary>
    private async Task WatchdogAsync(CancellationToken window)
    {
        var lowest = new int[_slots.Length];
        var stall = (long)(StallBeforeResend.TotalSeconds * Stopwatch.Frequency);
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), window).ConfigureAwait(false);
                var now = Stopwatch.GetTimestamp();
                for (var s = 0; s < _slots.Length; s++)
                {
                    var next = Volatile.Read(ref _ledger.NextNonce[s]);
                    while (lowest[s] < next && _ledger.IncludedAt(_ledger.Set.IndexOf(s, lowest[s])) != 0)
                    {
                        lowest[s]++;
                    }

                    if (lowest[s] >= next || now - Volatile.Read(ref _lastProgress[s]) < stall)
                    {
                        continue;
                    }

                    Volatile.Write(ref _lastProgress[s], now);
                    Interlocked.Increment(ref _resent);
                    var index = _ledger.Set.IndexOf(s, lowest[s]);
                    var token = _target.SenderTokens[s];
                    _ = ResendAsync(index, token);
                }
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested)
        {
            // The window is over.
        }
    }

    private async Task ResendAsync(int index, string? token)
    {
        try
        {
            var (status, response) = await _target.Rpc.PostAsync(_ledger.Set.BodyOf(index), token, CancellationToken.None).ConfigureAwait(false);
            var kinds = new string?[1];
            SendResponses.Classify(status, response, false, _ledger.Set.NonceOf(index), kinds);
            if (kinds[0] is { } kind)
            {
                _errors.Add("resend: " + kind);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            _errors.Add("resend: " + SendResponses.KindOf(e));
        }
    }

    private async Task<string> NodeHeadAsync()
    {
        try
        {
            var head = await _target.Rpc.CallAsync("eth_blockNumber", _target.Endpoint.Watcher.Token).ConfigureAwait(false);
            return Quantity.ToUInt64(head).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonRpcException)
        {
            return $"unknown ({e.Message})";
        }
    }

    private async Task<long> DrainAsync(HeadWatcher watcher, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var missing = 0L;
            for (var i = 0; i < _ledger.Set.Count; i++)
            {
                if (_ledger.PhaseOf(i) == Phase && _ledger.SentAt(i) != 0 && _ledger.IncludedAt(i) == 0)
                {
                    missing++;
                }
            }

            if (missing == 0 || clock.Elapsed > _options.Drain || watcher.Fault is not null)
            {
                return missing;
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReportProgressAsync(HeadWatcher watcher, TextWriter log, long start, CancellationToken window)
    {
        var previous = _ledger.IncludedCount;
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), window).ConfigureAwait(false);
                var included = _ledger.IncludedCount;
                var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
                var head = await NodeHeadAsync().ConfigureAwait(false);
                log.WriteLine(
                    $"[{_target.Endpoint.Name}] phase A {elapsed:0} s: {(included - previous) / 10.0:N0} included/s over the last 10 s, "
                    + $"{_errors.Total:N0} errors, node head {head}, watched up to {watcher.LastFetchedBlock}");
                previous = included;
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested)
        {
            // The window is over.
        }
    }
}
