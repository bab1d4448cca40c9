namespace Nectar.Node.Configuration;

/// <summary>The <c>rpc</c> section: where the JSON-RPC endpoint (HTTP and WebSocket on one port) listens and its limits.</summary>
public sealed class NodeRpcOptions
{
    /// <summary>The address to listen on: an IP address or <c>localhost</c>. Default <c>127.0.0.1</c>.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one. Default 8545.</summary>
    public int Port { get; set; } = 8545;

    /// <summary>TLS; required to listen on anything but loopback unless <see cref="AllowPlaintextOnNonLoopback"/>.</summary>
    public NodeTlsOptions Tls { get; set; } = new();

    /// <summary>Allows plain HTTP on a non-loopback address: for isolated test networks only. Default false.</summary>
    public bool AllowPlaintextOnNonLoopback { get; set; }

    /// <summary>Browser origins allowed by CORS (<c>scheme://host[:port]</c>, or <c>*</c>); empty turns CORS off. Default empty.</summary>
    public IList<string> CorsOrigins { get; set; } = [];

    /// <summary>The largest request body in bytes. Default 5 MiB.</summary>
    public int MaxRequestBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The largest response in bytes. Default 25 MiB.</summary>
    public int MaxResponseBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>The most requests in one batch. Default 1,000.</summary>
    public int MaxBatchLength { get; set; } = 1_000;

    /// <summary>The most WebSocket connections at once. Default 1,024.</summary>
    public int MaxWebSocketConnections { get; set; } = 1_024;

    /// <summary>The most subscriptions per WebSocket connection. Default 128.</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 128;

    /// <summary>Whether <c>/health</c>, <c>/health/live</c> and <c>/health/ready</c> answer. Default true.</summary>
    public bool Health { get; set; } = true;

    /// <summary>Whether <c>/metrics</c> answers in the Prometheus text format. Default true.</summary>
    public bool Metrics { get; set; } = true;
}
