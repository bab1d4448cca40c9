using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Nectar.Benchmarks.Load.Rpc;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.Benchmarks.Load.Targets;

/// <summary>
/// Starts anvil as it comes out of the box (automine: one block per transaction) or with interval mining, on
/// Prague, the given chain id and block gas limit, 127.0.0.1 and a free port; its ten default accounts are read from <c>--config-out</c>.
/// </summary>
internal static class AnvilLauncher
{
    /// <summary>Starts anvil and waits until it answers.</summary>
    /// <param name="executable">The anvil executable.</param>
    /// <param name="chainId">The chain id (Nectar's, so both sides sign for the same chain).</param>
    /// <param name="gasLimit">The block gas limit (the devnet's).</param>
    /// <param name="blockTime">Seconds between blocks for interval mining, or null for automine.</param>
    /// <param name="extraArguments">Further anvil arguments, as given on the command line.</param>
    /// <param name="startTimeout">How long to wait for the first answer.</param>
    /// <param name="logPath">A file for anvil's output, or null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The running node.</returns>
    /// <exception cref="InvalidOperationException">anvil exited or did not answer in time; the message has its last output.</exception>
    public static async Task<RunningTarget> StartAsync(
        string executable, ulong chainId, ulong gasLimit, double? blockTime, IReadOnlyList<string> extraArguments, TimeSpan startTimeout, string? logPath, CancellationToken cancellationToken)
    {
        var scratch = ScratchDirectory.Create("nectar-load-anvil-");
        var configOut = Path.Combine(scratch, "anvil.json");
        var port = FreePort();
        var arguments = new List<string>
        {
            "--hardfork", "prague",
            "--chain-id", chainId.ToString(CultureInfo.InvariantCulture),
            "--gas-limit", gasLimit.ToString(CultureInfo.InvariantCulture),
            "--host", "127.0.0.1",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--config-out", configOut,
        };
        var mode = "automine (one block per transaction, anvil's default)";
        if (blockTime is { } seconds)
        {
            arguments.Add("--block-time");
            arguments.Add(seconds.ToString(CultureInfo.InvariantCulture));
            mode = string.Create(CultureInfo.InvariantCulture, $"interval mining, a block every {seconds} s");
        }

        arguments.AddRange(extraArguments);
        if (extraArguments.Count > 0)
        {
            mode += $"; extra arguments: {string.Join(' ', extraArguments)}";
        }

        NodeProcess? process = null;
        try
        {
            process = NodeProcess.Start("anvil", executable, arguments, logPath: logPath);
            var rpcUrl = new Uri($"http://127.0.0.1:{port}/");
            await WaitUntilAnsweringAsync(process, rpcUrl, startTimeout, cancellationToken).ConfigureAwait(false);
            var accounts = ReadAccounts(configOut);
            var endpoint = new TargetEndpoint(TargetKind.Anvil, rpcUrl, new Uri($"ws://127.0.0.1:{port}/"), chainId, accounts, mode);
            return new RunningTarget(endpoint, process, scratch);
        }
        catch
        {
            process?.Dispose();
            ScratchDirectory.Delete(scratch);
            throw;
        }
    }

    private static async Task WaitUntilAnsweringAsync(NodeProcess process, Uri rpcUrl, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new JsonRpcHttpClient(rpcUrl, 1, TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"anvil exited with code {process.ExitCode} before answering.{Environment.NewLine}{process.RecentOutput()}");
            }

            try
            {
                await client.CallAsync("eth_chainId", null, null, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpRequestException) when (clock.Elapsed < timeout)
            {
                // Not listening yet: poll again shortly, within the bound.
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException($"anvil did not answer within {timeout.TotalSeconds:0} s.{Environment.NewLine}{process.RecentOutput()}", e);
            }
        }
    }

    private static List<DevAccount> ReadAccounts(string configOut)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(configOut));
        var addresses = document.RootElement.GetProperty("available_accounts");
        var keys = document.RootElement.GetProperty("private_keys");
        var accounts = new List<DevAccount>();
        for (var i = 0; i < addresses.GetArrayLength(); i++)
        {
            accounts.Add(new DevAccount(Address.Parse(addresses[i].GetString()), Hex.Decode(keys[i].GetString()), null));
        }

        return accounts.Count >= 10 ? accounts : throw new InvalidOperationException($"anvil offered {accounts.Count} accounts; ten are needed.");
    }

    /// <summary>A port the kernel just handed out, released for anvil to take.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
