using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Nectar.Tests;

namespace Nectar.Chain.Tests.Genesis;

/// <summary>A throw-away anvil (the pinned npm build) to read what it predeploys; started and killed per use.</summary>
internal sealed class AnvilProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly HttpClient _http;

    private AnvilProcess(Process process, int port)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public static AnvilProcess Start(string hardfork)
    {
        var anvil = Path.Combine(Fixtures.RepositoryRoot, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
        if (!File.Exists(anvil))
        {
            throw new InvalidOperationException($"anvil is not installed ({anvil} is missing). Run scripts/bootstrap.sh (it runs npm ci).");
        }

        var port = FreePort();
        var info = new ProcessStartInfo(anvil) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--hardfork", hardfork })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("anvil did not start.");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
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
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!listening.Task.Wait(StartTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new TimeoutException("anvil did not start listening: " + log);
        }

        return new AnvilProcess(process, port);
    }

    public string GetCode(string address) => Rpc("eth_getCode", address, "latest").GetString()!;

    public JsonElement Rpc(string method, params object[] parameters)
    {
        var request = new { jsonrpc = "2.0", id = 1, method, @params = parameters };
        using var response = _http.PostAsJsonAsync(string.Empty, request).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        return document.RootElement.GetProperty("result").Clone();
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
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
