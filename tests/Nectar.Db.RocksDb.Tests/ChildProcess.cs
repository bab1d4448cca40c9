using System.Diagnostics;
using System.Text;

namespace Nectar.Db.RocksDb.Tests;

/// <summary>
/// This test assembly run as a separate process (see <see cref="Program"/>), talked to through its standard
/// streams. Every wait is bounded; disposing kills the child if it is still running.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private ChildProcess(Process process) => _process = process;

    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the child process");
        var child = new ChildProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (child._errors)
            {
                child._errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The next line the child writes, or null when it closes its output.</summary>
    public async Task<string?> ReadLineAsync()
    {
        try
        {
            return await _process.StandardOutput.ReadLineAsync().WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The child wrote nothing for {Bound}. Its error output: {Errors}");
        }
    }

    /// <summary>Reads lines until one satisfies <paramref name="wanted"/>; fails if the child stops first.</summary>
    public async Task<string> ReadUntilAsync(Func<string, bool> wanted)
    {
        while (true)
        {
            var line = await ReadLineAsync() ?? throw new InvalidOperationException($"The child ended early. Its error output: {Errors}");
            if (wanted(line))
            {
                return line;
            }
        }
    }

    /// <summary>Sends SIGKILL and waits for the child to be gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(Bound);
    }

    /// <summary>Closes the child's input, which tells it to close its database and exit, and waits for it.</summary>
    public async Task<int> StopAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().WaitAsync(Bound);
        return _process.ExitCode;
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
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
}
