using System.Text.Json;
using Microsoft.Extensions.Logging;
using Nectar.Core.Primitives;
using Nectar.Db;

namespace Nectar.Node.Configuration;

public sealed partial class NodeOptions
{
    /// <summary>
    /// Reads options from a JSON config file. Comments and trailing commas are allowed; unknown members are errors
    /// (a misspelt option must not silently fall back to its default). Relative paths in the file (data directory,
    /// chain spec, TLS files) are resolved against the file's folder.
    /// </summary>
    /// <param name="path">The config file.</param>
    /// <returns>The bound options; call <see cref="Validate"/> before use.</returns>
    /// <exception cref="NodeOptionsException">The file cannot be read, is not JSON, or has members of the wrong type or unknown; every problem is listed.</exception>
    public static NodeOptions Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new NodeOptionsException($"config: cannot read {path}: {exception.Message}", exception);
        }

        return Parse(json, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Reads options from JSON text; see <see cref="Load"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="baseDirectory">The folder relative paths are resolved against; <see langword="null"/> keeps them as given.</param>
    /// <returns>The bound options.</returns>
    /// <exception cref="NodeOptionsException">The text is not JSON, or has members of the wrong type or unknown.</exception>
    public static NodeOptions Parse(string json, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
        }
        catch (JsonException exception)
        {
            throw new NodeOptionsException($"config: not valid JSON (line {exception.LineNumber + 1}): {exception.Message}", exception);
        }

        using (document)
        {
            var options = new NodeOptions();
            var binder = new Binder(baseDirectory);
            binder.Bind(document.RootElement, options);
            if (binder.Problems.Count > 0)
            {
                throw new NodeOptionsException(binder.Problems);
            }

            return options;
        }
    }

    /// <summary>Binds JSON members onto the option objects, collecting every problem instead of stopping at the first.</summary>
    private sealed class Binder(string? baseDirectory)
    {
        public List<string> Problems { get; } = [];

        public void Bind(JsonElement root, NodeOptions options)
        {
            Members(root, string.Empty, new()
            {
                ["dataDir"] = (e, p) => options.DataDirectory = PathValue(e, p) ?? options.DataDirectory,
                ["database"] = (e, p) => options.Database = EnumValue(e, p, options.Database, ("rocksdb", DatabaseKind.RocksDb), ("memory", DatabaseKind.Memory)),
                ["durability"] = (e, p) => options.Durability = EnumValue(e, p, options.Durability, ("buffered", WriteDurability.Buffered), ("synced", WriteDurability.Synced)),
                ["chainSpec"] = (e, p) => options.ChainSpec = String(e, p) is { } spec
                    ? spec == EmbeddedDevnet ? spec : Resolve(spec)
                    : options.ChainSpec,
                ["devMode"] = (e, p) => options.DevMode = Bool(e, p) ?? options.DevMode,
                ["rpc"] = (e, p) => BindRpc(e, p, options.Rpc),
                ["sessions"] = (e, p) => BindSessions(e, p, options.Sessions),
                ["sequencer"] = (e, p) => BindSequencer(e, p, options.Sequencer),
                ["txPool"] = (e, p) => Members(e, p, new()
                {
                    ["capacity"] = (e2, p2) => options.TxPool.Capacity = Int(e2, p2) ?? options.TxPool.Capacity,
                    ["perSenderLimit"] = (e2, p2) => options.TxPool.PerSenderLimit = Int(e2, p2) ?? options.TxPool.PerSenderLimit,
                }),
                ["logging"] = (e, p) => Members(e, p, new()
                {
                    ["level"] = (e2, p2) => options.Logging.Level = EnumValue(
                        e2,
                        p2,
                        options.Logging.Level,
                        ("trace", LogLevel.Trace),
                        ("debug", LogLevel.Debug),
                        ("information", LogLevel.Information),
                        ("warning", LogLevel.Warning),
                        ("error", LogLevel.Error),
                        ("critical", LogLevel.Critical),
                        ("none", LogLevel.None)),
                    ["format"] = (e2, p2) => options.Logging.Format = EnumValue(e2, p2, options.Logging.Format, ("json", LogFormat.Json), ("simple", LogFormat.Simple)),
                }),
            });
        }

        private void BindRpc(JsonElement element, string path, NodeRpcOptions rpc) => Members(element, path, new()
        {
            ["host"] = (e, p) => rpc.Host = String(e, p) ?? rpc.Host,
            ["port"] = (e, p) => rpc.Port = Int(e, p) ?? rpc.Port,
            ["tls"] = (e, p) => Members(e, p, new()
            {
                ["certificatePath"] = (e2, p2) => rpc.Tls.CertificatePath = PathValue(e2, p2),
                ["keyPath"] = (e2, p2) => rpc.Tls.KeyPath = PathValue(e2, p2),
                ["passwordFile"] = (e2, p2) => rpc.Tls.PasswordFile = PathValue(e2, p2),
            }),
            ["allowPlaintextOnNonLoopback"] = (e, p) => rpc.AllowPlaintextOnNonLoopback = Bool(e, p) ?? rpc.AllowPlaintextOnNonLoopback,
            ["corsOrigins"] = (e, p) => rpc.CorsOrigins = StringList(e, p) ?? rpc.CorsOrigins,
            ["maxRequestBytes"] = (e, p) => rpc.MaxRequestBytes = Int(e, p) ?? rpc.MaxRequestBytes,
            ["maxResponseBytes"] = (e, p) => rpc.MaxResponseBytes = Int(e, p) ?? rpc.MaxResponseBytes,
            ["maxBatchLength"] = (e, p) => rpc.MaxBatchLength = Int(e, p) ?? rpc.MaxBatchLength,
            ["maxWebSocketConnections"] = (e, p) => rpc.MaxWebSocketConnections = Int(e, p) ?? rpc.MaxWebSocketConnections,
            ["maxSubscriptionsPerConnection"] = (e, p) => rpc.MaxSubscriptionsPerConnection = Int(e, p) ?? rpc.MaxSubscriptionsPerConnection,
            ["health"] = (e, p) => rpc.Health = Bool(e, p) ?? rpc.Health,
            ["metrics"] = (e, p) => rpc.Metrics = Bool(e, p) ?? rpc.Metrics,
        });

        private void BindSessions(JsonElement element, string path, NodeSessionOptions sessions) => Members(element, path, new()
        {
            ["idleTimeout"] = (e, p) => sessions.IdleTimeout = Duration(e, p) ?? sessions.IdleTimeout,
            ["absoluteTimeout"] = (e, p) => sessions.AbsoluteTimeout = Duration(e, p) ?? sessions.AbsoluteTimeout,
            ["domain"] = (e, p) => sessions.Domain = String(e, p) ?? sessions.Domain,
            ["uri"] = (e, p) => sessions.Uri = String(e, p) ?? sessions.Uri,
            ["maxSessions"] = (e, p) => sessions.MaxSessions = Int(e, p) ?? sessions.MaxSessions,
            ["maxSessionsPerAccount"] = (e, p) => sessions.MaxSessionsPerAccount = Int(e, p) ?? sessions.MaxSessionsPerAccount,
        });

        private void BindSequencer(JsonElement element, string path, NodeSequencerOptions sequencer) => Members(element, path, new()
        {
            ["window"] = (e, p) => sequencer.Window = Duration(e, p) ?? sequencer.Window,
            ["heartbeat"] = (e, p) => sequencer.Heartbeat = Duration(e, p) ?? sequencer.Heartbeat,
            ["coinbase"] = (e, p) => sequencer.Coinbase = AddressValue(e, p) ?? sequencer.Coinbase,
            ["maxTransactionsPerBlock"] = (e, p) => sequencer.MaxTransactionsPerBlock = Int(e, p) ?? sequencer.MaxTransactionsPerBlock,
        });

        private void Members(JsonElement element, string path, Dictionary<string, Action<JsonElement, string>> members)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Problems.Add($"{Name(path)}: must be an object");
                return;
            }

            foreach (var property in element.EnumerateObject())
            {
                var childPath = path.Length == 0 ? property.Name : path + "." + property.Name;
                if (members.TryGetValue(property.Name, out var bind))
                {
                    bind(property.Value, childPath);
                }
                else
                {
                    var known = string.Join(", ", members.Keys);
                    Problems.Add($"{childPath}: unknown option (known here: {known})");
                }
            }
        }

        private string? String(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                return element.GetString();
            }

            Problems.Add($"{path}: must be a string");
            return null;
        }

        private string? PathValue(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.Null ? null : String(element, path) is { } text ? Resolve(text) : null;

        private string Resolve(string path) =>
            baseDirectory is null || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(baseDirectory, path));

        private int? Int(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value))
            {
                return value;
            }

            Problems.Add($"{path}: must be a whole number");
            return null;
        }

        private bool? Bool(JsonElement element, string path)
        {
            if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return element.GetBoolean();
            }

            Problems.Add($"{path}: must be true or false");
            return null;
        }

        private List<string>? StringList(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                Problems.Add($"{path}: must be an array of strings");
                return null;
            }

            var list = new List<string>();
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (String(item, $"{path}[{index++}]") is { } text)
                {
                    list.Add(text);
                }
            }

            return list;
        }

        private T EnumValue<T>(JsonElement element, string path, T current, params (string Name, T Value)[] choices)
        {
            if (String(element, path) is not { } text)
            {
                return current;
            }

            foreach (var (name, value) in choices)
            {
                if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            Problems.Add($"{path}: must be one of {string.Join(", ", choices.Select(c => c.Name))} (got \"{text}\")");
            return current;
        }

        private TimeSpan? Duration(JsonElement element, string path)
        {
            if (String(element, path) is not { } text)
            {
                return null;
            }

            if (DurationText.TryParse(text, out var duration))
            {
                return duration;
            }

            Problems.Add($"{path}: must be a duration such as \"250ms\", \"15s\", \"15m\", \"8h\" or \"0\" (got \"{text}\")");
            return null;
        }

        private Address? AddressValue(JsonElement element, string path)
        {
            if (String(element, path) is not { } text)
            {
                return null;
            }

            if (text.Length == Address.TextLength && Address.TryParse(text, out var address))
            {
                return address;
            }

            Problems.Add($"{path}: must be a 0x-prefixed 20-byte address (got \"{text}\")");
            return null;
        }

        private static string Name(string path) => path.Length == 0 ? "config" : path;
    }
}
