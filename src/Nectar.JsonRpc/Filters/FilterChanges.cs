using System.Text.Json.Serialization;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Logs;

namespace Nectar.JsonRpc.Filters;

/// <summary>What <c>eth_getFilterChanges</c> returns: block (or transaction) hashes, or log objects, as one JSON array.</summary>
[JsonConverter(typeof(FilterChangesConverter))]
public sealed class FilterChanges
{
    private FilterChanges(IReadOnlyList<Hash256>? hashes, IReadOnlyList<LogObject>? logs)
    {
        Hashes = hashes;
        Logs = logs;
    }

    /// <summary>No changes.</summary>
    public static FilterChanges None { get; } = new([], null);

    /// <summary>The hashes, for block and pending-transaction filters; otherwise <see langword="null"/>.</summary>
    public IReadOnlyList<Hash256>? Hashes { get; }

    /// <summary>The logs, for log filters; otherwise <see langword="null"/>.</summary>
    public IReadOnlyList<LogObject>? Logs { get; }

    /// <summary>Hashes of new blocks.</summary>
    /// <param name="hashes">The hashes, oldest first.</param>
    /// <returns>The changes.</returns>
    public static FilterChanges OfHashes(IReadOnlyList<Hash256> hashes) => new(hashes, null);

    /// <summary>New (or removed) logs.</summary>
    /// <param name="logs">The logs, in delivery order.</param>
    /// <returns>The changes.</returns>
    public static FilterChanges OfLogs(IReadOnlyList<LogObject> logs) => new(null, logs);
}
