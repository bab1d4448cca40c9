using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Nectar.JsonRpc.Diagnostics;

namespace Nectar.JsonRpc.Server.Metrics;

/// <summary>
/// Aggregates one <see cref="RpcMetrics"/> instance through a <see cref="MeterListener"/> and renders it in the
/// Prometheus text exposition format (version 0.0.4). Label values are only registered method names, fixed outcome
/// and reason tags, so cardinality is bounded by the dispatch table.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private static readonly double[] Buckets = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5];

    private readonly MeterListener _listener = new();
    private readonly Meter _meter;
    private readonly ConcurrentDictionary<(string Method, string Outcome), Cell> _requests = new();
    private readonly ConcurrentDictionary<string, Histogram> _durations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Cell> _closed = new(StringComparer.Ordinal);
    private readonly Cell _connections = new();
    private readonly Cell _subscriptions = new();

    /// <summary>Starts listening to <paramref name="metrics"/>.</summary>
    /// <param name="metrics">The dispatcher's instruments.</param>
    public PrometheusExporter(RpcMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _meter = metrics.Meter;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnLong);
        _listener.SetMeasurementEventCallback<double>(OnDouble);
        _listener.Start();
    }

    /// <summary>The content type of <see cref="Render"/>'s output.</summary>
    public static string ContentType => "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Renders every metric.</summary>
    /// <returns>The exposition text.</returns>
    public string Render()
    {
        var text = new StringBuilder(2048);
        text.Append("# HELP nectar_rpc_requests_total JSON-RPC requests by method and outcome.\n# TYPE nectar_rpc_requests_total counter\n");
        foreach (var ((method, outcome), cell) in _requests.OrderBy(p => p.Key.Method, StringComparer.Ordinal).ThenBy(p => p.Key.Outcome, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"nectar_rpc_requests_total{{method=\"{Escape(method)}\",outcome=\"{Escape(outcome)}\"}} {cell.Value}\n");
        }

        text.Append("# HELP nectar_rpc_request_duration_seconds JSON-RPC request duration.\n# TYPE nectar_rpc_request_duration_seconds histogram\n");
        foreach (var (method, histogram) in _durations.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            histogram.Render(text, Escape(method));
        }

        text.Append("# HELP nectar_rpc_websocket_connections Open WebSocket connections.\n# TYPE nectar_rpc_websocket_connections gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"nectar_rpc_websocket_connections {_connections.Value}\n");
        text.Append("# HELP nectar_rpc_subscriptions Live subscriptions.\n# TYPE nectar_rpc_subscriptions gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"nectar_rpc_subscriptions {_subscriptions.Value}\n");
        text.Append("# HELP nectar_rpc_websocket_closed_total WebSocket connections closed by the server, by reason.\n# TYPE nectar_rpc_websocket_closed_total counter\n");
        foreach (var (reason, cell) in _closed.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"nectar_rpc_websocket_closed_total{{reason=\"{Escape(reason)}\"}} {cell.Value}\n");
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    private void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        switch (instrument.Name)
        {
            case RpcMetrics.RequestsName:
                _requests.GetOrAdd((Tag(tags, "method") ?? RpcMetrics.UnknownMethod, Tag(tags, "outcome") ?? "unknown"), static _ => new Cell()).Add(value);
                break;
            case RpcMetrics.ConnectionsName:
                _connections.Add(value);
                break;
            case RpcMetrics.SubscriptionsName:
                _subscriptions.Add(value);
                break;
            case RpcMetrics.ClosedConnectionsName:
                _closed.GetOrAdd(Tag(tags, "reason") ?? "unknown", static _ => new Cell()).Add(value);
                break;
        }
    }

    private void OnDouble(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == RpcMetrics.DurationName)
        {
            _durations.GetOrAdd(Tag(tags, "method") ?? RpcMetrics.UnknownMethod, static _ => new Histogram()).Record(value);
        }
    }

    private sealed class Cell
    {
        private long _value;

        public long Value => Interlocked.Read(ref _value);

        public void Add(long delta) => Interlocked.Add(ref _value, delta);
    }

    private sealed class Histogram
    {
        private readonly long[] _counts = new long[Buckets.Length + 1];
        private readonly Lock _gate = new();
        private double _sum;
        private long _count;

        public void Record(double seconds)
        {
            var index = 0;
            while (index < Buckets.Length && seconds > Buckets[index])
            {
                index++;
            }

            lock (_gate)
            {
                _counts[index]++;
                _sum += seconds;
                _count++;
            }
        }

        public void Render(StringBuilder text, string method)
        {
            long[] counts;
            double sum;
            long count;
            lock (_gate)
            {
                counts = (long[])_counts.Clone();
                sum = _sum;
                count = _count;
            }

            var cumulative = 0L;
            for (var i = 0; i < Buckets.Length; i++)
            {
                cumulative += counts[i];
                text.Append(CultureInfo.InvariantCulture, $"nectar_rpc_request_duration_seconds_bucket{{method=\"{method}\",le=\"{Buckets[i]}\"}} {cumulative}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"nectar_rpc_request_duration_seconds_bucket{{method=\"{method}\",le=\"+Inf\"}} {count}\n");
            text.Append(CultureInfo.InvariantCulture, $"nectar_rpc_request_duration_seconds_sum{{method=\"{method}\"}} {sum}\n");
            text.Append(CultureInfo.InvariantCulture, $"nectar_rpc_request_duration_seconds_count{{method=\"{method}\"}} {count}\n");
        }
    }
}
