namespace Nectar.Benchmarks.Load.Targets;

/// <summary>A node this program started: its endpoint, its process and its scratch directory, all released on dispose.</summary>
internal sealed class RunningTarget : IDisposable
{
    private readonly NodeProcess _process;
    private readonly string _scratch;

    /// <summary>Takes ownership of a started node.</summary>
    /// <param name="endpoint">How to reach it.</param>
    /// <param name="process">Its process.</param>
    /// <param name="scratch">Its scratch directory, deleted on dispose.</param>
    public RunningTarget(TargetEndpoint endpoint, NodeProcess process, string scratch)
    {
        Endpoint = endpoint;
        _process = process;
        _scratch = scratch;
    }

    /// <summary>How to reach the node.</summary>
    public TargetEndpoint Endpoint { get; }

    /// <summary>Whether the node's process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The node's last output lines, for error messages.</summary>
    /// <returns>The lines.</returns>
    public string RecentOutput() => _process.RecentOutput();

    /// <inheritdoc />
    public void Dispose()
    {
        _process.Dispose();
        ScratchDirectory.Delete(_scratch);
    }
}
