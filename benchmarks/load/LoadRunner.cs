using System.Diagnostics;
using Nectar.Benchmarks.Load.Phases;
using Nectar.Benchmarks.Load.Reporting;
using Nectar.Benchmarks.Load.Rpc;
using Nectar.Benchmarks.Load.Setup;
using Nectar.Benchmarks.Shared;
using Nectar.Benchmarks.Load.Targets;
using Nectar.Benchmarks.Load.Workload;
using Nectar.Core.Numerics;
using Nectar.Crypto.Secp256k1;

namespace Nectar.Benchmarks.Load;

/// <summary>
/// Runs the targets one after the other, each on its own: start the node, prepare it, watch its heads, run phase B
/// (latency) and then phase A (throughput), or the other way round, stop the node. Nectar runs first, so anvil can use Nectar's chain id and the same signed transfers.
/// A target that fails is reported with the reason and the next one still runs.
/// </summary>
internal sealed class LoadRunner : IDisposable
{
    private static readonly UInt256 Gwei = new(1_000_000_000);

    private readonly LoadOptions _options;
    private readonly TextWriter _log;
    private readonly string _repositoryRoot;
    private readonly LibSecp256k1 _secp256k1 = new();

    /// <summary>Creates the runner.</summary>
    /// <param name="options">The options.</param>
    /// <param name="log">Progress.</param>
    /// <param name="repositoryRoot">The repository (for the default nectar and anvil commands).</param>
    public LoadRunner(LoadOptions options, TextWriter log, string repositoryRoot)
    {
        _options = options;
        _log = log;
        _repositoryRoot = repositoryRoot;
    }

    /// <summary>Runs every target.</summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = LoadAverage.Read();
        var scenario = new LoadScenario(_secp256k1, _options.Seed, _options.Senders, new UInt256(_options.MaxFeeGwei) * Gwei, new UInt256(_options.PriorityFeeGwei) * Gwei);
        var setup = new TargetSetup(_options, scenario, _secp256k1, _log);
        var reports = new List<TargetReport>();
        ulong? nectarChainId = null;
        foreach (var kind in _options.Targets)
        {
            var report = await RunTargetAsync(kind, setup, nectarChainId ?? _options.ChainId, cancellationToken).ConfigureAwait(false);
            if (kind == TargetKind.Nectar && report.ChainId != 0)
            {
                nectarChainId = report.ChainId;
            }

            reports.Add(report);
        }

        var transport = $"HTTP/1.1 keep-alive pool of {_options.Connections} connections; phase A sends "
            + (_options.Batch == 1 ? "single eth_sendRawTransaction requests" : $"JSON-RPC batches of up to {_options.Batch} of a sender's next nonces")
            + "; heads over WebSocket (newHeads), block bodies by eth_getBlockByNumber; all on 127.0.0.1";
        var workload = $"{_options.Senders} senders, each transfer to a fresh recipient (one token unit, about 51,600 gas), "
            + $"EIP-1559 with fee cap {_options.MaxFeeGwei} gwei and tip {_options.PriorityFeeGwei} gwei, all signed before the measurement; "
            + (_options.LatencyFirst ? "phase B ran first, then phase A" : "phase A ran first, then phase B");
        return new LoadReport(
            startedAt, workload, transport, _options.Senders, _options.InFlight, _options.Batch, _options.MaxFeeGwei, Environment.ProcessorCount, loadAtStart, LoadAverage.Read(), reports);
    }

    /// <inheritdoc />
    public void Dispose() => _secp256k1.Dispose();

    private async Task<Measurement.ThroughputResult> RunThroughputAsync(
        string name, PreparedTarget prepared, HeadWatcher watcher, bool guarded, int reserved, CancellationToken cancellationToken)
    {
        _log.WriteLine($"[{name}] phase A: {_options.ThroughputDuration.TotalSeconds:0} s, {_options.InFlight} in flight per sender");
        await using var guard = new AnvilStallGuard(prepared, watcher, _options.AnvilStallThreshold, guarded);
        var throughput = await new ThroughputPhase(prepared, _options, reserved).RunAsync(watcher, _log, cancellationToken).ConfigureAwait(false);
        _log.WriteLine($"[{name}] phase A: {throughput.IncludedPerSecond:N0} included/s, {throughput.AcceptedPerSecond:N0} accepted/s");
        return throughput with { StallNudges = guard.Nudges };
    }

    private async Task<Measurement.LatencyResult> RunLatencyAsync(
        string name, PreparedTarget prepared, HeadWatcher watcher, bool guarded, CancellationToken cancellationToken)
    {
        _log.WriteLine($"[{name}] phase B: {_options.LatencyRate:N0} tx/s for {_options.LatencyDuration.TotalSeconds:0} s");
        await using var guard = new AnvilStallGuard(prepared, watcher, _options.AnvilStallThreshold, guarded);
        var latency = await new LatencyPhase(prepared, _options).RunAsync(watcher, _log, cancellationToken).ConfigureAwait(false);
        _log.WriteLine($"[{name}] phase B: p50 {latency.Latency?.P50:0.0} ms, p99 {latency.Latency?.P99:0.0} ms over {latency.Latency?.Count:N0}");
        return latency with { StallNudges = guard.Nudges };
    }

    private async Task<TargetReport> RunTargetAsync(TargetKind kind, TargetSetup setup, ulong chainId, CancellationToken cancellationToken)
    {
        var name = kind == TargetKind.Nectar ? "nectar" : "anvil";
        RunningTarget? node = null;
        PreparedTarget? prepared = null;
        double setupSeconds = 0;
        Measurement.ThroughputResult? throughput = null;
        Measurement.LatencyResult? latency = null;
        try
        {
            _log.WriteLine($"[{name}] starting");
            var logPath = _options.NodeLogDirectory is { } directory ? Path.Combine(Directory.CreateDirectory(directory).FullName, $"{name}.log") : null;
            node = kind == TargetKind.Nectar
                ? await NectarLauncher.StartAsync(_options.NectarPath ?? Path.Combine(_repositoryRoot, "nectar"), _repositoryRoot, _options.NectarArguments, _options.StartTimeout, logPath, cancellationToken).ConfigureAwait(false)
                : await AnvilLauncher.StartAsync(
                    _options.AnvilPath ?? Path.Combine(_repositoryRoot, "node_modules", ".bin", "anvil"),
                    chainId,
                    _options.GasLimit,
                    _options.AnvilBlockTime,
                    _options.AnvilArguments,
                    _options.StartTimeout,
                    logPath,
                    cancellationToken).ConfigureAwait(false);
            _log.WriteLine($"[{name}] up at {node.Endpoint.RpcUrl} (chain {node.Endpoint.ChainId}, {node.Endpoint.Mode})");
            prepared = await setup.PrepareAsync(node.Endpoint, cancellationToken).ConfigureAwait(false);
            setupSeconds = prepared.SetupSeconds;
            await using var watcher = await HeadWatcher.StartAsync(
                node.Endpoint.WsUrl, prepared.Rpc, node.Endpoint.Watcher.Token, prepared.Ledger, cancellationToken).ConfigureAwait(false);

            var guarded = _options.AnvilBlockTime is null;
            if (_options.LatencyFirst)
            {
                latency = await RunLatencyAsync(name, prepared, watcher, guarded, cancellationToken).ConfigureAwait(false);
                throughput = await RunThroughputAsync(name, prepared, watcher, guarded, 0, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // Phase B continues each sender's nonces where phase A stopped: keep its share back.
                var reserved = (int)Math.Ceiling(_options.LatencyRate * _options.LatencyDuration.TotalSeconds / _options.Senders) + 8;
                throughput = await RunThroughputAsync(name, prepared, watcher, guarded, reserved, cancellationToken).ConfigureAwait(false);
                latency = await RunLatencyAsync(name, prepared, watcher, guarded, cancellationToken).ConfigureAwait(false);
            }

            return new TargetReport(name, node.Endpoint.Mode, node.Endpoint.ChainId, setupSeconds, throughput, latency, null);
        }
        catch (Exception e) when (e is InvalidOperationException or JsonRpcException or HttpRequestException
            or System.Net.WebSockets.WebSocketException or System.Text.Json.JsonException or FormatException or IOException)
        {
            var output = node is null ? string.Empty : Environment.NewLine + node.RecentOutput();
            _log.WriteLine($"[{name}] FAILED: {e.Message}{output}");
            return new TargetReport(
                name, node?.Endpoint.Mode ?? "did not start", node?.Endpoint.ChainId ?? 0, setupSeconds, throughput, latency, e.Message);
        }
        finally
        {
            prepared?.Rpc.Dispose();
            if (node is not null)
            {
                var clock = Stopwatch.StartNew();
                node.Dispose();
                _log.WriteLine($"[{name}] stopped ({clock.Elapsed.TotalSeconds:0.0} s)");
            }
        }
    }
}
