using System.Collections.Concurrent;

namespace Nectar.Benchmarks.Load.Measurement;

/// <summary>
/// Errors by kind, for the report: a JSON-RPC error is keyed by its code and the text before the first colon (nodes
/// put the details after it, in go-ethereum's style), so "nonce too low: next nonce 5, tx nonce 4" and the same
/// with other numbers count as one kind. The number of kinds is bounded; further kinds count as "other".
/// </summary>
internal sealed class ErrorCounter
{
    private const int MaxKinds = 40;
    private const int MaxKindLength = 80;
    private const string Other = "other (more kinds than the report keeps)";

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>Errors counted in all.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>The kind of a JSON-RPC error.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="message">The message.</param>
    /// <returns>The key it is counted under.</returns>
    public static string KindOf(long code, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        var head = (colon >= 0 ? message[..colon] : message).Trim();
        if (head.Length > MaxKindLength)
        {
            head = head[..MaxKindLength] + "…";
        }

        return $"{code} {head}";
    }

    /// <summary>Counts one error of a kind.</summary>
    /// <param name="kind">The kind (see <see cref="KindOf"/>, or a transport failure's name).</param>
    public void Add(string kind)
    {
        Interlocked.Increment(ref _total);
        if (_counts.Count >= MaxKinds && !_counts.ContainsKey(kind))
        {
            kind = Other;
        }

        _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    /// <summary>The counts, largest first.</summary>
    /// <returns>Kind and count pairs.</returns>
    public IReadOnlyList<KeyValuePair<string, long>> Snapshot() =>
        [.. _counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)];
}
