using System.Collections.Concurrent;

namespace Nectar.Contracts;

/// <summary>
/// The compiled contracts of <c>contracts/</c>, embedded in this assembly: one accessor per contract, each
/// artifact parsed once on first use.
/// </summary>
public static class ContractArtifacts
{
    private const string ResourcePrefix = "Nectar.Contracts.Artifacts.";
    private const string ResourceSuffix = ".json";

    private static readonly ConcurrentDictionary<string, ContractArtifact> Cache = new(StringComparer.Ordinal);
    private static readonly Lazy<string[]> EmbeddedNames = new(ListEmbeddedNames);

    /// <summary>The account registry system contract (<c>contracts/system/AccountRegistry.sol</c>).</summary>
    public static ContractArtifact AccountRegistry => Get(nameof(AccountRegistry));

    /// <summary>A standard ERC-20 token for benchmarks and end-to-end tests (<c>contracts/bench/Erc20.sol</c>).</summary>
    public static ContractArtifact Erc20 => Get(nameof(Erc20));

    /// <summary>The Keccak-256 loop benchmark, <c>run(n)</c> (<c>contracts/bench/KeccakLoop.sol</c>).</summary>
    public static ContractArtifact KeccakLoop => Get(nameof(KeccakLoop));

    /// <summary>The compute benchmark: sieve, heap sort and modular mix with checksums (<c>contracts/bench/Compute.sol</c>).</summary>
    public static ContractArtifact Compute => Get(nameof(Compute));

    /// <summary>The end-to-end test counter with events and each kind of revert (<c>contracts/test/Counter.sol</c>).</summary>
    public static ContractArtifact Counter => Get(nameof(Counter));

    /// <summary>The names of every embedded artifact, in ordinal order.</summary>
    public static IReadOnlyList<string> Names => EmbeddedNames.Value;

    /// <summary>The artifact of the named contract.</summary>
    /// <param name="name">The contract name, e.g. <c>Counter</c>.</param>
    /// <returns>The artifact, parsed on first use and cached.</returns>
    /// <exception cref="KeyNotFoundException">No contract of that name is embedded.</exception>
    public static ContractArtifact Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Cache.GetOrAdd(name, static n => Load(n));
    }

    private static ContractArtifact Load(string name)
    {
        using var stream = typeof(ContractArtifacts).Assembly.GetManifestResourceStream(ResourcePrefix + name + ResourceSuffix)
            ?? throw new KeyNotFoundException($"No contract artifact named {name} is embedded; the embedded ones are {string.Join(", ", Names)}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var artifact = ContractArtifact.Parse(bytes);
        if (!string.Equals(artifact.Name, name, StringComparison.Ordinal))
        {
            throw new FormatException($"The artifact embedded as {name} describes contract {artifact.Name}.");
        }

        return artifact;
    }

    private static string[] ListEmbeddedNames()
    {
        var names = new List<string>();
        foreach (var resource in typeof(ContractArtifacts).Assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            {
                names.Add(resource[ResourcePrefix.Length..^ResourceSuffix.Length]);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return [.. names];
    }
}
