using System.Diagnostics;
using System.Text;

namespace Nectar.Chain.Tests.Persistence.Support;

/// <summary>
/// This test assembly run as a separate process (its entry point is <see cref="CrashChild"/>), read through its
/// standard output. Every wait is bounded; disposing kills the child if it still runs.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private ChildProcess(Process process) => _process = process;

    public int ExitCode => _process.ExitCode;

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

    public static ChildProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CrashChild).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
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

    /// <summary>The next line the child writes; fails when it ends or stays silent past the bound.</summary>
    public async Task<string> ReadLineAsync()
    {
        try
        {
            return await _process.StandardOutput.ReadLineAsync().WaitAsync(Bound)
                ?? throw new InvalidOperationException($"The child ended early. Its error output: {Errors}");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The child wrote nothing for {Bound}. Its error output: {Errors}");
        }
    }

    /// <summary>Sends SIGKILL and waits until the child is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(Bound);
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
