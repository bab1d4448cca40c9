namespace Nectar.JsonRpc.Subscriptions;

/// <summary>
/// Limits for one long-lived connection. A client that lets its outbound queue fill (by messages or bytes) is
/// disconnected: the node never buffers without bound for a slow reader.
/// </summary>
public sealed class RpcConnectionOptions
{
    /// <summary>The most live subscriptions per connection (default 128).</summary>
    public int MaxSubscriptions { get; init; } = 128;

    /// <summary>The most messages waiting to be sent (default 4,096).</summary>
    public int MaxQueuedMessages { get; init; } = 4_096;

    /// <summary>The most bytes waiting to be sent (default 32 MiB).</summary>
    public long MaxQueuedBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>The defaults.</summary>
    public static RpcConnectionOptions Default { get; } = new();

    /// <summary>Lists what is wrong with these options.</summary>
    /// <returns>One message per invalid setting; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxSubscriptions < 1)
        {
            errors.Add($"{nameof(MaxSubscriptions)} must be at least 1, got {MaxSubscriptions}.");
        }

        if (MaxQueuedMessages < 1)
        {
            errors.Add($"{nameof(MaxQueuedMessages)} must be at least 1, got {MaxQueuedMessages}.");
        }

        if (MaxQueuedBytes < 1024)
        {
            errors.Add($"{nameof(MaxQueuedBytes)} must be at least 1024, got {MaxQueuedBytes}.");
        }

        return errors;
    }
}
