using System.Text.RegularExpressions;

namespace Nectar.Cli.Evm;

/// <summary>What <c>nectar evm statetest</c> runs.</summary>
public sealed class StateTestRunOptions
{
    /// <summary>Files or folders.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>The only fork to run, or null for every supported fork.</summary>
    public string? Fork { get; init; }

    /// <summary>Selects tests by name, or null for all.</summary>
    public Regex? NamePattern { get; init; }

    /// <summary>Whether to print struct-log traces.</summary>
    public bool Trace { get; init; }
}
