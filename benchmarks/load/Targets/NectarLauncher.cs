using System.Diagnostics;
using System.Text.Json;
using Nectar.Benchmarks.Load.Rpc;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.Benchmarks.Load.Targets;

/// <summary>
/// Starts <c>nectar devnet --info-file PATH --port 0 --data-dir DIR</c> and waits for the info file it writes once
/// ready: <c>{rpcUrl, wsUrl, chainId, accounts: [{address, privateKey, token}] x10}</c>.
/// </summary>
internal static class NectarLauncher
{
    /// <summary>Starts the devnet and reads its info file.</summary>
    /// <param name="executable">The <c>nectar</c> command (the repository's <c>./nectar</c> builds the node first).</param>
    /// <param name="workingDirectory">Where to run it (the repository root).</param>
    /// <param name="extraArguments">Further devnet arguments, as given on the command line.</param>
    /// <param name="startTimeout">How long to wait for the info file, build included.</param>
    /// <param name="logPath">A file for the devnet's output, or null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The running node.</returns>
    /// <exception cref="InvalidOperationException">The devnet exited or did not become ready in time; the message has its last output.</exception>
    public static async Task<RunningTarget> StartAsync(string executable, string workingDirectory, IReadOnlyList<string> extraArguments, TimeSpan startTimeout, string? logPath, CancellationToken cancellationToken)
    {
        var scratch = ScratchDirectory.Create("nectar-load-devnet-");
        var infoFile = Path.Combine(scratch, "info.json");
        NodeProcess? process = null;
        try
        {
            process = NodeProcess.Start(
                "nectar devnet",
                executable,
                ["devnet", "--info-file", infoFile, "--port", "0", "--data-dir", Path.Combine(scratch, "data"), .. extraArguments],
                workingDirectory,
                logPath);
            var endpoint = await WaitForInfoAsync(process, infoFile, startTimeout, cancellationToken).ConfigureAwait(false);
            if (extraArguments.Count > 0)
            {
                endpoint = endpoint with { Mode = $"{endpoint.Mode}; extra arguments: {string.Join(' ', extraArguments)}" };
            }

            return new RunningTarget(endpoint, process, scratch);
        }
        catch
        {
            process?.Dispose();
            ScratchDirectory.Delete(scratch);
            throw;
        }
    }

    /// <summary>Reads an info file as the devnet writes it.</summary>
    /// <param name="utf8Json">The file's content.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="InvalidOperationException">A field is missing or malformed; the message names it.</exception>
    public static TargetEndpoint ParseInfo(ReadOnlySpan<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json.ToArray());
        var root = document.RootElement;
        var rpcUrl = new Uri(Text(root, "rpcUrl"));
        var wsUrl = new Uri(Text(root, "wsUrl"));
        if (!root.TryGetProperty("chainId", out var chainIdElement) || !TryReadQuantity(chainIdElement, out var chainId))
        {
            throw new InvalidOperationException("The devnet info file has no valid chainId.");
        }

        if (!root.TryGetProperty("accounts", out var accountsElement) || accountsElement.ValueKind != JsonValueKind.Array || accountsElement.GetArrayLength() < 10)
        {
            throw new InvalidOperationException("The devnet info file must list ten accounts.");
        }

        var accounts = new List<DevAccount>();
        foreach (var account in accountsElement.EnumerateArray())
        {
            accounts.Add(new DevAccount(Address.Parse(Text(account, "address")), Hex.Decode(Text(account, "privateKey")), Text(account, "token")));
        }

        return new TargetEndpoint(TargetKind.Nectar, rpcUrl, wsUrl, chainId, accounts, "the devnet's sequencer (its default window)");
    }

    private static async Task<TargetEndpoint> WaitForInfoAsync(NodeProcess process, string infoFile, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nectar devnet exited with code {process.ExitCode} before it was ready.{Environment.NewLine}{process.RecentOutput()}");
            }

            if (File.Exists(infoFile))
            {
                try
                {
                    return ParseInfo(await File.ReadAllBytesAsync(infoFile, cancellationToken).ConfigureAwait(false));
                }
                catch (JsonException) when (clock.Elapsed < timeout)
                {
                    // Still being written: read again shortly.
                }
            }

            if (clock.Elapsed >= timeout)
            {
                throw new InvalidOperationException($"nectar devnet wrote no info file within {timeout.TotalSeconds:0} s.{Environment.NewLine}{process.RecentOutput()}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidOperationException($"The devnet info file has no valid {name}.");

    private static bool TryReadQuantity(JsonElement element, out ulong value)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            return element.TryGetUInt64(out value);
        }

        value = 0;
        return element.ValueKind == JsonValueKind.String && element.GetString() is { } text && Quantity.TryParseUInt64(text, out value);
    }
}
