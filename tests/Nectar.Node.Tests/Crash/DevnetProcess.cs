using System.Diagnostics;
using Nectar.Tests;

namespace Nectar.Node.Tests.Crash;

/// <summary>
/// The real <c>nectar</c> command-line binary running <c>nectar devnet --data-dir DIR --info-file FILE --port 0</c> as a
/// child process. Every wait is bounded; disposing kills the process if it still runs, so a failed test leaves nothing behind.
/// </summary>
internal sealed class DevnetProcess : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private DevnetProcess(Process process, string infoFile)
    {
        _process = process;
        InfoFile = infoFile;
    }

    public string InfoFile { get; }

    public int Id => _process.Id;

    /// <summary>How long from starting the process until its info file appeared (the devnet answers requests by then).</summary>
    public TimeSpan StartupTime { get; private set; }

    public DevnetEndpoint Endpoint { get; private set; } = null!;

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the devnet wrote (standard output and error), for failure messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>The binary the solution build produces; fails with what to do when it is missing.</summary>
    public static string BinaryPath
    {
        get
        {
            var path = Path.Combine(Fixtures.RepositoryRoot, "src", "Nectar.Cli", "bin", "Release", "net10.0", OperatingSystem.IsWindows() ? "nectar.exe" : "nectar");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The nectar binary is missing at {path}. The crash test runs the real CLI: build it first with " +
                    "`dotnet build src/Nectar.Cli -c Release` (the solution build does).",
                    path);
            }

            return path;
        }
    }

    /// <summary>Starts the devnet and waits until its info file is written; a stale info file is removed first.</summary>
    public static async Task<DevnetProcess> StartAsync(string dataDirectory, string infoFile)
    {
        File.Delete(infoFile);
        var start = new ProcessStartInfo(BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["devnet", "--data-dir", dataDirectory, "--info-file", infoFile, "--port", "0"])
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("nectar devnet did not start.");
        var devnet = new DevnetProcess(process, infoFile);
        process.OutputDataReceived += (_, e) => devnet.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => devnet.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            DevnetEndpoint? endpoint;
            while ((endpoint = DevnetEndpoint.TryRead(infoFile)) is null)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"nectar devnet exited with {process.ExitCode} before it was ready:\n{devnet.RecentOutput}");
                }

                if (clock.Elapsed > Bound)
                {
                    throw new TimeoutException($"nectar devnet wrote no info file within {Bound.TotalSeconds} s:\n{devnet.RecentOutput}");
                }

                await Task.Delay(10);
            }

            devnet.Endpoint = endpoint;
            devnet.StartupTime = clock.Elapsed;
            return devnet;
        }
        catch
        {
            devnet.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, no flush, no close; then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(Bound);
    }

    /// <summary>SIGTERM, as an operator stops the devnet; waits for the graceful stop to finish.</summary>
    public async Task TerminateAsync()
    {
        PosixSignals.Send(_process.Id, PosixSignals.Terminate);
        try
        {
            await _process.WaitForExitAsync().WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"nectar devnet did not stop within {Bound.TotalSeconds} s of SIGTERM:\n{RecentOutput}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(Bound);
        }

        _process.Dispose();
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
            if (_output.Count > 200)
            {
                _output.Dequeue();
            }
        }
    }
}
