namespace Nectar.JsonRpc.Logs;

/// <summary>Bounds on one log query (<c>eth_getLogs</c>, <c>eth_getFilterLogs</c>), so a single call cannot make the node scan or return without limit.</summary>
public sealed class LogQueryOptions
{
    /// <summary>The defaults: 10,000 blocks per query and 10,000 results.</summary>
    public static LogQueryOptions Default { get; } = new();

    /// <summary>The most blocks one range query may span (both ends included).</summary>
    public ulong MaxBlockRange { get; init; } = 10_000;

    /// <summary>The most logs one query may return; the count is over the logs the caller may see.</summary>
    public int MaxResults { get; init; } = 10_000;

    /// <summary>Lists every problem with the values.</summary>
    /// <returns>The problems; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxBlockRange == 0)
        {
            problems.Add("MaxBlockRange must be at least 1.");
        }

        if (MaxResults < 1)
        {
            problems.Add("MaxResults must be at least 1.");
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds problems.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid log query options: " + string.Join(" ", problems));
        }
    }
}
