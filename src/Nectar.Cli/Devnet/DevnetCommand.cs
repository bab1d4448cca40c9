using System.CommandLine;
using Microsoft.Extensions.Logging;
using Nectar.Cli.Hosting;
using Nectar.Compliance.Devnet;
using Nectar.Core.Encoding;
using Nectar.Node;
using Nectar.Node.Configuration;
using Nectar.Node.Hosting;

namespace Nectar.Cli.Devnet;

/// <summary>
/// <c>nectar devnet</c>: one process running a development network on the embedded devnet chain spec, private by
/// default. It prints the RPC and WebSocket URLs, the chain id, the ten funded and admitted development accounts
/// (anvil's default-mnemonic keys, so tools' defaults work) with a bearer token each, and a <c>cast</c> example;
/// with <c>--info-file</c> it also writes them as JSON once the node is ready. SIGINT or SIGTERM stop it gracefully.
/// </summary>
public static class DevnetCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "Keep the chain in this folder (RocksDB), across restarts; default: a fresh temporary folder deleted at exit." };
        var host = new Option<string>("--host") { Description = "The address the RPC endpoint listens on.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "The RPC port (HTTP and WebSocket); 0 picks a free one.", DefaultValueFactory = _ => 8545 };
        var infoFile = new Option<string?>("--info-file") { Description = "Write {rpcUrl, wsUrl, chainId, accounts:[{address, privateKey, token}]} as JSON to this file once ready." };
        var window = new Option<int>("--window", "--block-time") { Description = "Milliseconds the sequencer collects transactions before it seals a block.", DefaultValueFactory = _ => 50 };
        var heartbeat = new Option<int>("--heartbeat") { Description = "Seconds of quiet after which an empty block is sealed; 0 never seals empty blocks.", DefaultValueFactory = _ => 0 };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "The least severe log level written to standard error.", DefaultValueFactory = _ => LogLevel.Information };

        var command = new Command("devnet", "Run a local development network with ten funded, signed-in accounts.");
        command.Options.Add(dataDir);
        command.Options.Add(host);
        command.Options.Add(port);
        command.Options.Add(infoFile);
        command.Options.Add(window);
        command.Options.Add(heartbeat);
        command.Options.Add(logLevel);
        command.SetAction((parse, cancellationToken) => RunAsync(
            new DevnetSettings
            {
                DataDirectory = parse.GetValue(dataDir),
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                InfoFile = parse.GetValue(infoFile),
                Window = TimeSpan.FromMilliseconds(Math.Max(0, parse.GetValue(window))),
                Heartbeat = TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(heartbeat))),
                LogLevel = parse.GetValue(logLevel),
            },
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    /// <summary>The node options a devnet runs with.</summary>
    /// <param name="settings">The command's settings.</param>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns>The options.</returns>
    public static NodeOptions CreateOptions(DevnetSettings settings, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new NodeOptions
        {
            DataDirectory = dataDirectory,
            Database = DatabaseKind.RocksDb,
            ChainSpec = NodeOptions.EmbeddedDevnet,
            DevMode = true,
            Rpc = { Host = settings.Host, Port = settings.Port },
            Sessions = { IdleTimeout = settings.SessionLifetime, AbsoluteTimeout = settings.SessionLifetime },
            Sequencer = { Window = settings.Window, Heartbeat = settings.Heartbeat },
            Logging = { Level = settings.LogLevel, Format = LogFormat.Simple },
        };
    }

    /// <summary>Runs a devnet until cancelled (SIGINT, SIGTERM, or the caller's token).</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="output">Receives the banner.</param>
    /// <param name="error">Receives errors.</param>
    /// <param name="cancellationToken">Stops the devnet.</param>
    /// <returns>0 after a graceful stop, 1 when it could not start, 2 for invalid options.</returns>
    public static async Task<int> RunAsync(DevnetSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var temporary = settings.DataDirectory is null
            ? Directory.CreateTempSubdirectory("nectar-devnet-").FullName
            : null;
        var wroteInfo = false;
        try
        {
            var options = CreateOptions(settings, settings.DataDirectory ?? temporary!);
            var problems = options.Validate();
            if (problems.Count > 0)
            {
                await NodeRunner.WriteProblemsAsync(error, "invalid options", problems).ConfigureAwait(false);
                return NodeRunner.InvalidConfiguration;
            }

            using var loggerFactory = NodeLogging.CreateFactory(options.Logging);
            var (node, exitCode) = await NodeRunner.TryStartAsync(options, loggerFactory, error, cancellationToken).ConfigureAwait(false);
            if (node is null)
            {
                return exitCode;
            }

            try
            {
                var info = Describe(node);
                info.WriteBanner(output);
                if (settings.InfoFile is { } path)
                {
                    info.WriteFile(path);
                    wroteInfo = true;
                }
            }
            catch
            {
                await node.StopAsync(CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            await NodeRunner.RunUntilStoppedAsync(node, cancellationToken).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            // The tokens in the info file die with the node: a stale file must not look like a running devnet.
            if (wroteInfo)
            {
                TryDelete(() => File.Delete(settings.InfoFile!));
            }

            if (temporary is not null)
            {
                TryDelete(() => Directory.Delete(temporary, recursive: true));
            }
        }
    }

    /// <summary>What the running devnet tells its users: URLs, chain id, and each development account signed in.</summary>
    /// <param name="node">The running node.</param>
    /// <returns>The info.</returns>
    public static DevnetInfo Describe(NectarNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var accounts = new List<DevnetAccount>();
        foreach (var key in DevnetChainSpec.DeriveAccounts())
        {
            var grant = node.IssueSession(key.Address);
            accounts.Add(new DevnetAccount(key.Address, Hex.ToHexString(key.ExportPrivateKey()), grant.Token.Reveal(), grant.Session.Roles));
        }

        return new DevnetInfo(node.RpcUrl, node.WsUrl, node.ChainId, accounts);
    }

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: the system's temporary folder is cleaned anyway.
        }
    }
}
