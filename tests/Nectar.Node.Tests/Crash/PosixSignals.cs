using System.Runtime.InteropServices;

namespace Nectar.Node.Tests.Crash;

/// <summary>
/// Sends POSIX signals to a process. <see cref="System.Diagnostics.Process.Kill()"/> only sends SIGKILL; a graceful stop
/// of <c>nectar devnet</c> needs SIGTERM, as an operator's <c>kill</c> or a service manager sends it.
/// </summary>
internal static partial class PosixSignals
{
    public const int Terminate = 15;

    /// <summary>Sends <paramref name="signal"/> to the process; fails with the system's error when it cannot.</summary>
    public static void Send(int processId, int signal)
    {
        if (SendSignal(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int processId, int signal);
}
