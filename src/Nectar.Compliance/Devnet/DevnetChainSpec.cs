using Nectar.Chain.Genesis;
using Nectar.Compliance.Genesis;
using Nectar.Crypto.Keys;

namespace Nectar.Compliance.Devnet;

/// <summary>
/// The embedded default devnet (<c>nectar devnet</c>): Prague from genesis, chain id <see cref="NectarChainId.Default"/>,
/// a 30M gas limit, a 1 gwei initial base fee, both predeploys, and the ten development accounts of
/// <see cref="DevKeys.DefaultMnemonic"/>, each with 10,000 ETH, admitted to the organization "Nectar Devnet".
/// </summary>
/// <remarks>
/// Roles: account 0 is user, organization admin, node operator and governor; accounts 1-6 are users; account 7 is
/// user and authorizer; account 8 user and auditor; account 9 user and node operator. Every role exists once at
/// least, and the authorizer and the auditor are different accounts.
/// </remarks>
public static class DevnetChainSpec
{
    private const string ResourceName = "Nectar.Compliance.Devnet.devnet.json";

    private static readonly Lazy<string> Text = new(ReadResource);

    /// <summary>The spec's JSON, to print or to start an operator's own spec from.</summary>
    public static string Json => Text.Value;

    /// <summary>Reads the devnet spec (a new instance per call; cheap).</summary>
    /// <returns>The spec, the registry in its allocation.</returns>
    public static ChainSpec Load() => NectarChainSpecLoader.Parse(Json);

    /// <summary>
    /// The devnet's accounts with their keys, in index order (derivation costs a few milliseconds). The keys are public
    /// knowledge: they belong on a devnet and nowhere else.
    /// </summary>
    /// <returns>The ten development accounts.</returns>
    public static IReadOnlyList<DevKey> DeriveAccounts() => DevKeys.Derive(DevKeys.DefaultCount);

    private static string ReadResource()
    {
        using var stream = typeof(DevnetChainSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded devnet spec {ResourceName} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
