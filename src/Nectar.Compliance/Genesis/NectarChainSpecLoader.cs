using Nectar.Chain.Genesis;
using Nectar.Contracts;
using Nectar.Core.Primitives;

namespace Nectar.Compliance.Genesis;

/// <summary>
/// Reads a Nectar chain spec: the chain's own format (<see cref="ChainSpecLoader"/>) plus the required
/// <c>registry</c> section (<see cref="RegistrySection"/>), which becomes the account registry contract's genesis
/// account at <see cref="SystemContracts.AccountRegistry"/>. The chain's loader never learns what the section means.
/// </summary>
public static class NectarChainSpecLoader
{
    /// <summary>Reads a Nectar chain spec from JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The chain spec, the registry contract in its allocation.</returns>
    /// <exception cref="ChainSpecException">The JSON is malformed or breaks a rule of either layer; every problem is listed.</exception>
    public static ChainSpec Parse(string json)
    {
        var spec = ChainSpecLoader.Parse(json, RegistrySection.Name);
        return AddRegistry(spec);
    }

    /// <summary>Reads a Nectar chain spec from a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The chain spec.</returns>
    /// <exception cref="ChainSpecException">The JSON is malformed or breaks a rule.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ChainSpec LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path));
    }

    private static ChainSpec AddRegistry(ChainSpec spec)
    {
        var reader = new ChainSpecReader();
        var registry = SystemContracts.AccountRegistry;
        if (spec.Genesis.Alloc.ContainsKey(registry))
        {
            reader.Report(ChainSpecPath.Property("$.alloc", registry.ToString()), "is the account registry's address; its state comes from $.registry.");
        }

        if (!spec.Extensions.TryGetValue(RegistrySection.Name, out var section))
        {
            reader.Report("$.registry", "is required: a Nectar chain admits accounts through its registry, which needs at least one governor.");
            reader.ThrowIfErrors();
        }

        var (organizations, members) = RegistrySection.Read(section, spec.Genesis.Timestamp, reader);
        reader.ThrowIfErrors();
        return spec.WithAccounts(new Dictionary<Address, GenesisAccount> { [registry] = RegistrySection.CreateAccount(organizations, members) });
    }
}
