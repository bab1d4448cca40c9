using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Nectar.Benchmarks.Load.Targets;

/// <summary>
/// A node running as a child process of this program (anvil, <c>nectar devnet</c>), stopped on every way out:
/// dispose, normal exit, Ctrl+C, SIGTERM, SIGHUP, SIGQUIT and an unhandled exception. A stop asks politely first
/// (SIGTERM, so a node with a database on disk closes it) and then kills the whole process tree.
/// </summary>
internal sealed partial class NodeProcess : IDisposable
{
    private const int KeptOutputLines = 60;
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly string _name;
    private readonly Queue<string> _output = new();
    private readonly List<PosixSignalRegistration> _signals = [];
    private readonly StreamWriter? _logFile;
    private int _stopped;

    private NodeProcess(Process process, string name, string? logPath)
    {
        _process = process;
        _name = name;
        _logFile = logPath is null ? null : new StreamWriter(logPath, append: false) { AutoFlush = true };
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        AppDomain.CurrentDomain.UnhandledException += OnExit;
        Console.CancelKeyPress += OnCancel;
        foreach (var signal in (ReadOnlySpan<PosixSignal>)[PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT])
        {
            _signals.Add(PosixSignalRegistration.Create(signal, _ => Stop(TimeSpan.FromSeconds(5))));
        }
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once the process has ended.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts a process with its output captured (the last lines are kept for error messages).</summary>
    /// <param name="name">A short name for messages.</param>
    /// <param name="executable">The executable.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="workingDirectory">The working directory, or null for this process's.</param>
    /// <param name="logPath">A file that receives every line the process prints, or null.</param>
    /// <returns>The running process.</returns>
    /// <exception cref="InvalidOperationException">The process could not be started.</exception>
    public static NodeProcess Start(string name, string executable, IEnumerable<string> arguments, string? workingDirectory = null, string? logPath = null)
    {
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"{executable} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{name}: {executable} could not be started: {e.Message}", e);
        }

        var node = new NodeProcess(process, name, logPath);
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>
    /// Stops the process: SIGTERM, up to <paramref name="grace"/> for it to end, then a kill of it and everything
    /// it started. Safe to call more than once and from any thread.
    /// </summary>
    /// <param name="grace">How long a graceful stop may take; zero kills at once.</param>
    public void Stop(TimeSpan grace)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        try
        {
            if (_process.HasExited)
            {
                return;
            }

            if (grace > TimeSpan.Zero && SendSignal(_process.Id, SigTerm) == 0 && _process.WaitForExit(grace))
            {
                return;
            }

            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // The process ended between the check and the kill.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop(TimeSpan.FromSeconds(15));
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }

        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        AppDomain.CurrentDomain.UnhandledException -= OnExit;
        Console.CancelKeyPress -= OnCancel;
        _process.Dispose();
        lock (_output)
        {
            _logFile?.Dispose();
        }
    }

    /// <summary>The last lines the process printed, for error messages.</summary>
    /// <returns>The lines, oldest first, under a header naming the process.</returns>
    public string RecentOutput()
    {
        lock (_output)
        {
            return $"--- last output of {_name} ---{Environment.NewLine}{string.Join(Environment.NewLine, _output)}";
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
            _logFile?.WriteLine(line);
            _output.Enqueue(line);
            if (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    private void OnExit(object? sender, EventArgs e) => Stop(TimeSpan.FromSeconds(5));

    private void OnCancel(object? sender, ConsoleCancelEventArgs e) => Stop(TimeSpan.FromSeconds(5));

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
