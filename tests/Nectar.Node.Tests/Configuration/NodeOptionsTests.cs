using Microsoft.Extensions.Logging;
using Nectar.Core.Primitives;
using Nectar.Node.Configuration;
using Nectar.Node.Tests.Support;

namespace Nectar.Node.Tests.Configuration;

public sealed class NodeOptionsTests
{
    [Fact]
    public void Binds_every_section_from_json()
    {
        var options = NodeOptions.Parse("""
            {
              // comments are allowed in config files
              "dataDir": "/var/lib/nectar",
              "database": "rocksdb",
              "durability": "synced",
              "chainSpec": "devnet",
              "devMode": false,
              "rpc": {
                "host": "0.0.0.0", "port": 8600, "corsOrigins": ["https://app.example.org"],
                "tls": { "certificatePath": "/etc/nectar/cert.pem", "keyPath": "/etc/nectar/key.pem" },
                "maxRequestBytes": 1048576, "maxBatchLength": 100, "health": true, "metrics": false
              },
              "sessions": { "idleTimeout": "10m", "absoluteTimeout": "4h", "domain": "node.example.org", "uri": "https://node.example.org" },
              "sequencer": { "window": "100ms", "heartbeat": "0", "coinbase": "0x00000000000000000000000000000000000000c0" },
              "txPool": { "capacity": 2048, "perSenderLimit": 16 },
              "logging": { "level": "warning", "format": "simple" },
            }
            """);

        Assert.Equal("/var/lib/nectar", options.DataDirectory);
        Assert.Equal(DatabaseKind.RocksDb, options.Database);
        Assert.Equal(Nectar.Db.WriteDurability.Synced, options.Durability);
        Assert.Equal(NodeOptions.EmbeddedDevnet, options.ChainSpec);
        Assert.Equal("0.0.0.0", options.Rpc.Host);
        Assert.Equal(8600, options.Rpc.Port);
        Assert.Equal(["https://app.example.org"], options.Rpc.CorsOrigins);
        Assert.Equal("/etc/nectar/cert.pem", options.Rpc.Tls.CertificatePath);
        Assert.Equal(1048576, options.Rpc.MaxRequestBytes);
        Assert.False(options.Rpc.Metrics);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Sessions.IdleTimeout);
        Assert.Equal(TimeSpan.FromHours(4), options.Sessions.AbsoluteTimeout);
        Assert.Equal("node.example.org", options.Sessions.Domain);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.Sequencer.Window);
        Assert.Equal(TimeSpan.Zero, options.Sequencer.Heartbeat);
        Assert.Equal(Address.Parse("0x00000000000000000000000000000000000000c0"), options.Sequencer.Coinbase);
        Assert.Equal(2048, options.TxPool.Capacity);
        Assert.Equal(16, options.TxPool.PerSenderLimit);
        Assert.Equal(LogLevel.Warning, options.Logging.Level);
        Assert.Equal(LogFormat.Simple, options.Logging.Format);
    }

    [Fact]
    public void Defaults_match_the_documented_values()
    {
        var options = NodeOptions.Parse("{}");

        Assert.Equal(DatabaseKind.RocksDb, options.Database);
        Assert.Equal(Nectar.Db.WriteDurability.Buffered, options.Durability);
        Assert.Equal("127.0.0.1", options.Rpc.Host);
        Assert.Equal(8545, options.Rpc.Port);
        Assert.Equal(TimeSpan.FromMinutes(15), options.Sessions.IdleTimeout);
        Assert.Equal(TimeSpan.FromHours(8), options.Sessions.AbsoluteTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.Sequencer.Window);
        Assert.Equal(LogFormat.Json, options.Logging.Format);
        Assert.False(options.DevMode);
    }

    [Fact]
    public void Binding_reports_every_wrong_type_and_unknown_member_with_its_path()
    {
        var exception = Assert.Throws<NodeOptionsException>(() => NodeOptions.Parse("""
            {
              "database": "postgres",
              "rpc": { "port": "8545", "prot": 1, "tls": { "certificate": "x" } },
              "sessions": { "idleTimeout": "15 minutes" },
              "sequencer": { "coinbase": "0x1234" },
              "txPool": { "capacity": 1.5 },
              "devMode": "yes"
            }
            """));

        Assert.Equal(
            [
                "database: must be one of rocksdb, memory (got \"postgres\")",
                "rpc.port: must be a whole number",
                "rpc.prot: unknown option (known here: host, port, tls, allowPlaintextOnNonLoopback, corsOrigins, maxRequestBytes, maxResponseBytes, maxBatchLength, maxWebSocketConnections, maxSubscriptionsPerConnection, health, metrics)",
                "rpc.tls.certificate: unknown option (known here: certificatePath, keyPath, passwordFile)",
                "sessions.idleTimeout: must be a duration such as \"250ms\", \"15s\", \"15m\", \"8h\" or \"0\" (got \"15 minutes\")",
                "sequencer.coinbase: must be a 0x-prefixed 20-byte address (got \"0x1234\")",
                "txPool.capacity: must be a whole number",
                "devMode: must be true or false",
            ],
            exception.Problems);
    }

    [Fact]
    public void Refuses_text_that_is_not_json()
    {
        var exception = Assert.Throws<NodeOptionsException>(() => NodeOptions.Parse("{ \"rpc\": "));

        Assert.StartsWith("config: not valid JSON", exception.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_production_options_have_no_problems()
    {
        using var directory = new TemporaryDirectory();
        var certificate = directory.File("cert.pem", "certificate");
        var key = directory.File("key.pem", "key");
        var options = new NodeOptions
        {
            DataDirectory = directory.Path,
            Rpc = { Host = "0.0.0.0", Tls = { CertificatePath = certificate, KeyPath = key } },
            Sessions = { Domain = "node.example.org", Uri = "https://node.example.org" },
        };

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_lists_every_problem_with_its_path()
    {
        var options = new NodeOptions
        {
            Database = DatabaseKind.RocksDb,
            ChainSpec = "/nonexistent/chain.json",
            Rpc = { Host = "rpc.example.org", Port = 70000, CorsOrigins = ["https://app.example.org/path"], MaxBatchLength = 0 },
            Sessions = { IdleTimeout = TimeSpan.FromHours(1), AbsoluteTimeout = TimeSpan.FromMinutes(30), Uri = "http://node.example.org" },
            Sequencer = { Heartbeat = TimeSpan.FromMilliseconds(10) },
            TxPool = { Capacity = 10, PerSenderLimit = 11 },
        };

        Assert.Equal(
            [
                "dataDir: required when database is rocksdb",
                "chainSpec: file not found: /nonexistent/chain.json",
                "rpc.host: must be an IP address or localhost (got \"rpc.example.org\")",
                "rpc.port: must lie between 0 and 65535 (got 70000)",
                "rpc.corsOrigins[0]: must be * or scheme://host[:port] without a path (got \"https://app.example.org/path\")",
                "rpc.maxBatchLength: must be at least 1 (got 0)",
                "sessions.absoluteTimeout: must be at least sessions.idleTimeout",
                "sessions.domain: required outside dev mode: the domain sign-in messages must name (e.g. node.example.org)",
                "sessions.uri: must use https outside dev mode",
                "sequencer.heartbeat: must be 0 (off) or at least 100 ms",
                "txPool.perSenderLimit: must lie between 1 and txPool.capacity (got 11)",
            ],
            options.Validate());
    }

    [Fact]
    public void Plain_http_on_a_public_address_needs_tls_or_an_explicit_opt_in()
    {
        var options = new NodeOptions { Database = DatabaseKind.Memory, DevMode = true, Rpc = { Host = "0.0.0.0" } };

        Assert.Contains(options.Validate(), p => p.StartsWith("rpc.tls: listening on 0.0.0.0 needs TLS", StringComparison.Ordinal));

        options.Rpc.AllowPlaintextOnNonLoopback = true;
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Dev_mode_needs_no_sign_in_domain_and_allows_http()
    {
        var options = new NodeOptions { Database = DatabaseKind.Memory, DevMode = true, Sessions = { Uri = "http://localhost" } };

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Load_resolves_relative_paths_against_the_config_file()
    {
        using var directory = new TemporaryDirectory();
        var spec = directory.File("chain.json", "{}");
        var config = directory.File("node.json", """{ "dataDir": "data", "chainSpec": "chain.json", "sessions": { "domain": "n.example.org" } }""");

        var options = NodeOptions.Load(config);

        Assert.Equal(Path.Combine(directory.Path, "data"), options.DataDirectory);
        Assert.Equal(spec, options.ChainSpec);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Load_reports_a_missing_file()
    {
        var exception = Assert.Throws<NodeOptionsException>(() => NodeOptions.Load("/nonexistent/node.json"));

        Assert.StartsWith("config: cannot read /nonexistent/node.json", exception.Problems[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("15s", 15_000)]
    [InlineData("15m", 900_000)]
    [InlineData("8h", 28_800_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("0", 0)]
    public void Parses_durations_with_units(string text, long milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
        Assert.Equal(text, DurationText.Format(duration));
    }

    [Theory]
    [InlineData("")]
    [InlineData("15")]
    [InlineData("-5s")]
    [InlineData("1.5h")]
    [InlineData("5 s")]
    [InlineData("5w")]
    public void Refuses_durations_without_a_known_unit(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }
}
