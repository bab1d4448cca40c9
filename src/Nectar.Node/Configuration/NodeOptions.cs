using System.Net;
using Nectar.Db;

namespace Nectar.Node.Configuration;

/// <summary>
/// Everything that configures a node, typed and validated: storage, chain spec, RPC endpoint, sessions, sequencer,
/// transaction pool, dev mode and logging. Bound from a JSON file (<see cref="Load"/>) with camelCase names matching
/// these properties; <see cref="Validate"/> lists every problem with its JSON path, and the node refuses to start
/// with any.
/// </summary>
public sealed partial class NodeOptions
{
    /// <summary>The <see cref="ChainSpec"/> value that selects the devnet chain spec built into the node.</summary>
    public const string EmbeddedDevnet = "devnet";

    /// <summary>Where the database lives (required for <see cref="DatabaseKind.RocksDb"/>); created when missing.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The storage engine. Default <see cref="DatabaseKind.RocksDb"/>.</summary>
    public DatabaseKind Database { get; set; } = DatabaseKind.RocksDb;

    /// <summary>
    /// How durable a block is once stored, hence once its receipts are served. <see cref="WriteDurability.Buffered"/>
    /// (the default) writes each block's batch to the write-ahead log in the operating system's page cache: it
    /// survives the node being killed at any moment, not a power loss. <see cref="WriteDurability.Synced"/> fsyncs the
    /// log for every block, which survives power loss at the cost of one fsync per block. JSON: <c>"buffered"</c> or
    /// <c>"synced"</c>.
    /// </summary>
    public WriteDurability Durability { get; set; } = WriteDurability.Buffered;

    /// <summary>The chain spec: a path to a chain-spec JSON file, or <see cref="EmbeddedDevnet"/>. Default <see cref="EmbeddedDevnet"/>.</summary>
    public string ChainSpec { get; set; } = EmbeddedDevnet;

    /// <summary>
    /// Development mode: enables the <c>evm_*</c> methods (mine, snapshot, revert, time travel), plain-HTTP sign-in
    /// URIs and a default sign-in domain. Never on a production node. Default false.
    /// </summary>
    public bool DevMode { get; set; }

    /// <summary>The JSON-RPC endpoint.</summary>
    public NodeRpcOptions Rpc { get; set; } = new();

    /// <summary>Sessions and tokens.</summary>
    public NodeSessionOptions Sessions { get; set; } = new();

    /// <summary>Block production.</summary>
    public NodeSequencerOptions Sequencer { get; set; } = new();

    /// <summary>The transaction pool.</summary>
    public NodeTxPoolOptions TxPool { get; set; } = new();

    /// <summary>Logging.</summary>
    public NodeLoggingOptions Logging { get; set; } = new();

    /// <summary>Lists every problem with these options, each prefixed with its JSON path (<c>rpc.port: …</c>).</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Add(string path, string message) => problems.Add($"{path}: {message}");

        if (Database == DatabaseKind.RocksDb && string.IsNullOrWhiteSpace(DataDirectory))
        {
            Add("dataDir", "required when database is rocksdb");
        }

        if (string.IsNullOrWhiteSpace(ChainSpec))
        {
            Add("chainSpec", $"required: a chain-spec file or \"{EmbeddedDevnet}\"");
        }
        else if (!string.Equals(ChainSpec, EmbeddedDevnet, StringComparison.Ordinal) && !File.Exists(ChainSpec))
        {
            Add("chainSpec", $"file not found: {ChainSpec}");
        }

        ValidateRpc(Add);
        ValidateSessions(Add);
        ValidateSequencer(Add);
        if (TxPool.Capacity < 1)
        {
            Add("txPool.capacity", $"must be at least 1 (got {TxPool.Capacity})");
        }

        if (TxPool.PerSenderLimit < 1 || TxPool.PerSenderLimit > Math.Max(1, TxPool.Capacity))
        {
            Add("txPool.perSenderLimit", $"must lie between 1 and txPool.capacity (got {TxPool.PerSenderLimit})");
        }

        if (!Enum.IsDefined(Logging.Level))
        {
            Add("logging.level", $"unknown level {Logging.Level}");
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds problems.</summary>
    /// <exception cref="NodeOptionsException">The options are invalid; it lists every problem.</exception>
    public void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new NodeOptionsException(problems);
        }
    }

    /// <summary>The listen address <see cref="NodeRpcOptions.Host"/> names (<c>localhost</c> is IPv4 loopback).</summary>
    /// <returns>The address, or <see langword="null"/> when the host is not an address.</returns>
    internal IPAddress? ResolveListenAddress() =>
        string.Equals(Rpc.Host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(Rpc.Host, out var address) ? address
        : null;

    private void ValidateRpc(Action<string, string> add)
    {
        var address = ResolveListenAddress();
        if (address is null)
        {
            add("rpc.host", $"must be an IP address or localhost (got \"{Rpc.Host}\")");
        }

        if (Rpc.Port is < 0 or > 65535)
        {
            add("rpc.port", $"must lie between 0 and 65535 (got {Rpc.Port})");
        }

        var tls = Rpc.Tls;
        if (tls.CertificatePath is { } certificate && !File.Exists(certificate))
        {
            add("rpc.tls.certificatePath", $"file not found: {certificate}");
        }

        if (tls.KeyPath is { } key)
        {
            if (tls.CertificatePath is null)
            {
                add("rpc.tls.keyPath", "needs rpc.tls.certificatePath");
            }
            else if (!File.Exists(key))
            {
                add("rpc.tls.keyPath", $"file not found: {key}");
            }
        }

        if (tls.PasswordFile is { } passwordFile && !File.Exists(passwordFile))
        {
            add("rpc.tls.passwordFile", $"file not found: {passwordFile}");
        }

        if (address is not null && !IPAddress.IsLoopback(address) && tls.CertificatePath is null && !Rpc.AllowPlaintextOnNonLoopback)
        {
            add("rpc.tls", $"listening on {Rpc.Host} needs TLS (rpc.tls.certificatePath); plain HTTP is allowed on loopback only, or with rpc.allowPlaintextOnNonLoopback on an isolated test network");
        }

        for (var i = 0; i < Rpc.CorsOrigins.Count; i++)
        {
            var origin = Rpc.CorsOrigins[i];
            if (origin != "*" && (!System.Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || origin.EndsWith('/')))
            {
                add($"rpc.corsOrigins[{i}]", $"must be * or scheme://host[:port] without a path (got \"{origin}\")");
            }
        }

        Positive(add, "rpc.maxRequestBytes", Rpc.MaxRequestBytes, 64);
        Positive(add, "rpc.maxResponseBytes", Rpc.MaxResponseBytes, 1024);
        Positive(add, "rpc.maxBatchLength", Rpc.MaxBatchLength, 1);
        Positive(add, "rpc.maxWebSocketConnections", Rpc.MaxWebSocketConnections, 1);
        Positive(add, "rpc.maxSubscriptionsPerConnection", Rpc.MaxSubscriptionsPerConnection, 1);
    }

    private void ValidateSessions(Action<string, string> add)
    {
        var sessions = Sessions;
        if (sessions.IdleTimeout <= TimeSpan.Zero)
        {
            add("sessions.idleTimeout", "must be positive");
        }

        if (sessions.AbsoluteTimeout < sessions.IdleTimeout)
        {
            add("sessions.absoluteTimeout", "must be at least sessions.idleTimeout");
        }

        if (string.IsNullOrWhiteSpace(sessions.Domain) && !DevMode)
        {
            add("sessions.domain", "required outside dev mode: the domain sign-in messages must name (e.g. node.example.org)");
        }

        if (sessions.Uri is { } text)
        {
            if (!System.Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != System.Uri.UriSchemeHttps && uri.Scheme != System.Uri.UriSchemeHttp))
            {
                add("sessions.uri", $"must be an absolute http(s) URI (got \"{text}\")");
            }
            else if (uri.Scheme != System.Uri.UriSchemeHttps && !DevMode)
            {
                add("sessions.uri", "must use https outside dev mode");
            }
        }

        Positive(add, "sessions.maxSessions", sessions.MaxSessions, 1);
        Positive(add, "sessions.maxSessionsPerAccount", sessions.MaxSessionsPerAccount, 1);
    }

    private void ValidateSequencer(Action<string, string> add)
    {
        var sequencer = Sequencer;
        if (sequencer.Window < TimeSpan.Zero || sequencer.Window > TimeSpan.FromSeconds(60))
        {
            add("sequencer.window", "must lie between 0 and 60 s");
        }

        if (sequencer.Heartbeat < TimeSpan.Zero)
        {
            add("sequencer.heartbeat", "must not be negative (0 turns empty blocks off)");
        }
        else if (sequencer.Heartbeat > TimeSpan.Zero && sequencer.Heartbeat < TimeSpan.FromMilliseconds(100))
        {
            add("sequencer.heartbeat", "must be 0 (off) or at least 100 ms");
        }

        if (sequencer.MaxTransactionsPerBlock < 0)
        {
            add("sequencer.maxTransactionsPerBlock", "must not be negative (0 means no limit beyond gas)");
        }
    }

    private static void Positive(Action<string, string> add, string path, long value, long least)
    {
        if (value < least)
        {
            add(path, $"must be at least {least} (got {value})");
        }
    }
}
