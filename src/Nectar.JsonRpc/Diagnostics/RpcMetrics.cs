using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Nectar.JsonRpc.Diagnostics;

/// <summary>
/// The JSON-RPC instruments, on a <see cref="Meter"/> named <see cref="MeterName"/>. Each dispatcher owns one
/// instance, so exporters can listen to exactly their server's instruments.
/// </summary>
public sealed class RpcMetrics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Nectar.JsonRpc";

    /// <summary>Counter of requests, tagged <c>method</c> and <c>outcome</c>.</summary>
    public const string RequestsName = "nectar.rpc.requests";

    /// <summary>Histogram of request durations in seconds, tagged <c>method</c>.</summary>
    public const string DurationName = "nectar.rpc.request.duration";

    /// <summary>Up-down counter of open WebSocket connections.</summary>
    public const string ConnectionsName = "nectar.rpc.websocket.connections";

    /// <summary>Up-down counter of live subscriptions.</summary>
    public const string SubscriptionsName = "nectar.rpc.subscriptions";

    /// <summary>Counter of connections closed by the server, tagged <c>reason</c>.</summary>
    public const string ClosedConnectionsName = "nectar.rpc.websocket.closed";

    /// <summary>The method tag for names that are not registered: unknown names never become tag values.</summary>
    public const string UnknownMethod = "(unknown)";

    private static readonly string[] OutcomeTags =
        ["ok", "error", "parse_error", "invalid_request", "method_not_found", "invalid_params", "unauthorized", "internal_error"];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _connections;
    private readonly UpDownCounter<long> _subscriptions;
    private readonly Counter<long> _closed;

    /// <summary>Creates the instruments on a new meter.</summary>
    public RpcMetrics()
    {
        Meter = new Meter(MeterName);
        _requests = Meter.CreateCounter<long>(RequestsName, "{request}", "JSON-RPC requests by method and outcome");
        _duration = Meter.CreateHistogram<double>(
            DurationName,
            "s",
            "JSON-RPC request duration",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5] });
        _connections = Meter.CreateUpDownCounter<long>(ConnectionsName, "{connection}", "Open WebSocket connections");
        _subscriptions = Meter.CreateUpDownCounter<long>(SubscriptionsName, "{subscription}", "Live subscriptions");
        _closed = Meter.CreateCounter<long>(ClosedConnectionsName, "{connection}", "WebSocket connections closed by the server, by reason");
    }

    /// <summary>The meter holding the instruments.</summary>
    public Meter Meter { get; }

    /// <summary>The tag value for an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>A short snake_case name.</returns>
    public static string TagOf(RpcOutcome outcome) => OutcomeTags[(int)outcome];

    /// <summary>Records one request.</summary>
    /// <param name="method">The registered method name, or <see cref="UnknownMethod"/>.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="seconds">How long it took.</param>
    public void RecordRequest(string method, RpcOutcome outcome, double seconds)
    {
        var methodTag = new KeyValuePair<string, object?>("method", method);
        _requests.Add(1, methodTag, new KeyValuePair<string, object?>("outcome", OutcomeTags[(int)outcome]));
        _duration.Record(seconds, methodTag);
    }

    /// <summary>Records a WebSocket connection opening (+1) or closing (-1).</summary>
    /// <param name="delta">+1 or -1.</param>
    public void ConnectionChanged(int delta) => _connections.Add(delta);

    /// <summary>Records subscriptions created (positive) or ended (negative).</summary>
    /// <param name="delta">The change.</param>
    public void SubscriptionsChanged(int delta) => _subscriptions.Add(delta);

    /// <summary>Records a connection closed by the server.</summary>
    /// <param name="reason">Why, as a short tag.</param>
    public void ConnectionClosed(string reason) => _closed.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>A timestamp for <see cref="ElapsedSeconds"/>.</summary>
    /// <returns>The current high-resolution timestamp.</returns>
    public static long Timestamp() => Stopwatch.GetTimestamp();

    /// <summary>Seconds since <paramref name="start"/>.</summary>
    /// <param name="start">A value from <see cref="Timestamp"/>.</param>
    /// <returns>The elapsed seconds.</returns>
    public static double ElapsedSeconds(long start) => Stopwatch.GetElapsedTime(start).TotalSeconds;

    /// <inheritdoc />
    public void Dispose() => Meter.Dispose();
}
