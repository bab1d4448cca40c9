namespace Nectar.JsonRpc.Filters;

/// <summary>Bounds on installed filters (<c>eth_newFilter</c>, <c>eth_newBlockFilter</c>, ...).</summary>
public sealed class FilterOptions
{
    /// <summary>The defaults.</summary>
    public static FilterOptions Default { get; } = new();

    /// <summary>A filter not polled for this long is uninstalled (geth's five minutes).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often expired filters are swept; zero sweeps only when filters are used.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most filters one session may have installed.</summary>
    public int MaxFiltersPerSession { get; init; } = 64;

    /// <summary>The most filters installed on the node.</summary>
    public int MaxFilters { get; init; } = 10_000;

    /// <summary>The most unread changes (logs or block hashes) one filter holds; beyond it the filter is dropped.</summary>
    public int MaxPendingChanges { get; init; } = 10_000;

    /// <summary>Lists every problem with the values.</summary>
    /// <returns>The problems; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add("Timeout must be positive.");
        }

        if (SweepInterval < TimeSpan.Zero)
        {
            problems.Add("SweepInterval must not be negative.");
        }

        if (MaxFiltersPerSession < 1 || MaxFilters < 1 || MaxPendingChanges < 1)
        {
            problems.Add("MaxFiltersPerSession, MaxFilters and MaxPendingChanges must be at least 1.");
        }

        if (MaxFiltersPerSession > MaxFilters)
        {
            problems.Add("MaxFiltersPerSession must not exceed MaxFilters.");
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
            throw new ArgumentException("Invalid filter options: " + string.Join(" ", problems));
        }
    }
}
