namespace Nectar.JsonRpc.Server.Health;

/// <summary>Whether the node can serve requests now, and why not.</summary>
/// <param name="IsReady">Whether the node is ready.</param>
/// <param name="Reason">A short reason when not ready (e.g. "syncing"); never sensitive data.</param>
public readonly record struct RpcReadiness(bool IsReady, string? Reason = null)
{
    /// <summary>Ready.</summary>
    public static RpcReadiness Ready => new(true);
}
