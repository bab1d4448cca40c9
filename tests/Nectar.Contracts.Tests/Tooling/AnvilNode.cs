using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Tests.Tooling;

/// <summary>
/// A private anvil chain (the pinned npm build) started from a genesis file, with every sender impersonated,
/// driven over JSON-RPC. It stands in for Nectar's own EVM until that lands.
/// </summary>
internal sealed class AnvilNode : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly DirectoryInfo _directory;
    private readonly HttpClient _http;
    private int _nextId;

    private AnvilNode(Process process, DirectoryInfo directory, int port)
    {
        _process = process;
        _directory = directory;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public static AnvilNode Start(JsonObject genesis)
    {
        var anvil = NodeTools.Anvil;
        var directory = Directory.CreateTempSubdirectory("nectar-anvil-");
        var genesisPath = Path.Combine(directory.FullName, "genesis.json");
        File.WriteAllText(genesisPath, genesis.ToJsonString());
        var port = FreePort();

        var info = new ProcessStartInfo(anvil)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--init", genesisPath, "--auto-impersonate", "--hardfork", "cancun" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("anvil did not start.");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("anvil exited: " + log));
                return;
            }

            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data.Contains("Listening on", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Event-driven: anvil prints its address once it accepts connections.
        if (!listening.Task.Wait(StartTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("anvil did not start listening: " + log);
        }

        return new AnvilNode(process, directory, port);
    }

    public JsonElement Rpc(string method, params object[] parameters)
    {
        var request = new { jsonrpc = "2.0", id = Interlocked.Increment(ref _nextId), method, @params = parameters };
        using var response = _http.PostAsJsonAsync(string.Empty, request).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            throw new RpcException(error.GetProperty("message").GetString()!, error.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String ? Hex.Decode(data.GetString()) : []);
        }

        return root.GetProperty("result").Clone();
    }

    /// <summary>eth_call from <paramref name="from"/>: the return data, or an <see cref="RpcException"/> carrying the revert data.</summary>
    public byte[] Call(Address from, Address to, byte[] data) =>
        Hex.Decode(Rpc("eth_call", new { from = from.ToString(), to = to.ToString(), data = Hex.ToHexString(data) }, "latest").GetString());

    /// <summary>Sends and mines a transaction (automine) and returns its receipt.</summary>
    public JsonElement Send(Address from, Address to, byte[] data)
    {
        var hash = Rpc("eth_sendTransaction", new { from = from.ToString(), to = to.ToString(), data = Hex.ToHexString(data), gas = "0x1000000" }).GetString()!;

        // Automining answers the send before the mined block is always queryable: poll for the receipt, with a bound.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var receipt = Rpc("eth_getTransactionReceipt", hash);
            if (receipt.ValueKind == JsonValueKind.Object)
            {
                return receipt;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"anvil gave no receipt for {hash} within 30 s.");
            }

            Thread.Yield();
        }
    }

    public string Snapshot() => Rpc("evm_snapshot").GetString()!;

    public void Revert(string snapshot)
    {
        if (!Rpc("evm_revert", snapshot).GetBoolean())
        {
            throw new InvalidOperationException($"anvil could not revert to snapshot {snapshot}.");
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _directory.Delete(recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A JSON-RPC error; for reverts, <see cref="RevertData"/> holds the revert data.</summary>
internal sealed class RpcException(string message, byte[] revertData) : Exception(message)
{
    public byte[] RevertData { get; } = revertData;
}
