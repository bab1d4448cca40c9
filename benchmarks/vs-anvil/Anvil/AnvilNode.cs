using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Nectar.Benchmarks.VsAnvil.Anvil;

/// <summary>
/// An anvil process on 127.0.0.1 and a free port, owned by this program: started with the given arguments, and
/// killed on every way out (dispose, normal exit, Ctrl+C, SIGTERM, an unhandled exception).
/// </summary>
internal sealed class AnvilNode : IDisposable
{
    private const int KeptOutputLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly List<PosixSignalRegistration> _signals = [];
    private int _stopped;

    private AnvilNode(Process process, int port)
    {
        _process = process;
        Port = port;
        Rpc = new JsonRpcClient(new Uri($"http://127.0.0.1:{port}/"), TimeSpan.FromMinutes(10));
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        AppDomain.CurrentDomain.UnhandledException += OnExit;
        Console.CancelKeyPress += OnCancel;
        foreach (var signal in (ReadOnlySpan<PosixSignal>)[PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT])
        {
            _signals.Add(PosixSignalRegistration.Create(signal, _ => Stop()));
        }
    }

    /// <summary>The port anvil listens on.</summary>
    public int Port { get; }

    /// <summary>A client for the node's JSON-RPC endpoint.</summary>
    public JsonRpcClient Rpc { get; }

    /// <summary>Starts anvil and waits until it answers eth_chainId.</summary>
    /// <param name="executable">The anvil executable.</param>
    /// <param name="arguments">Its arguments, without --host and --port (chosen here).</param>
    /// <param name="startTimeout">How long to wait for the first answer.</param>
    /// <returns>The running node.</returns>
    /// <exception cref="InvalidOperationException">Anvil exited or did not answer in time; the message has its last output.</exception>
    public static AnvilNode Start(string executable, IEnumerable<string> arguments, TimeSpan startTimeout)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.ArgumentList.Add("--host");
        info.ArgumentList.Add("127.0.0.1");
        info.ArgumentList.Add("--port");
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{executable} did not start.");
        var node = new AnvilNode(process, port);
        try
        {
            process.OutputDataReceived += (_, e) => node.Keep(e.Data);
            process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            node.WaitUntilReady(startTimeout);
            return node;
        }
        catch
        {
            node.Dispose();
            throw;
        }
    }

    /// <summary>Kills the process (and anything it started) and waits for it to end; safe to call more than once.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // The process ended between the check and the kill.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        Rpc.Dispose();
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }

        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        AppDomain.CurrentDomain.UnhandledException -= OnExit;
        Console.CancelKeyPress -= OnCancel;
        _process.Dispose();
    }

    /// <summary>The last lines anvil printed, for error messages.</summary>
    /// <returns>The lines, oldest first.</returns>
    public string RecentOutput()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    private void WaitUntilReady(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"anvil exited with code {_process.ExitCode} before answering:{Environment.NewLine}{RecentOutput()}");
            }

            try
            {
                Rpc.Call("eth_chainId");
                return;
            }
            catch (HttpRequestException) when (clock.Elapsed < timeout)
            {
                // Not listening yet: poll again shortly, within the bound.
                Thread.Sleep(50);
            }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException($"anvil did not answer within {timeout.TotalSeconds:0} s:{Environment.NewLine}{RecentOutput()}", e);
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    private void OnExit(object? sender, EventArgs e) => Stop();

    private void OnCancel(object? sender, ConsoleCancelEventArgs e) => Stop();

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
