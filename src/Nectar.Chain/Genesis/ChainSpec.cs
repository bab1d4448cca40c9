using System.Text.Json;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;

namespace Nectar.Chain.Genesis;

/// <summary>
/// A chain as its spec file describes it: name, chain id, fork schedule, the genesis block (header fields and
/// allocation, predeploys included) and the extension sections other layers interpret. <see cref="ChainSpecLoader"/>
/// reads it from JSON; <see cref="GenesisBuilder"/> turns <see cref="Genesis"/> into block 0 under
/// <see cref="Forks"/>' genesis rules.
/// </summary>
/// <remarks>
/// Immutable. The base fee follows EIP-1559 with Ethereum's fixed parameters (elasticity 2, change denominator 8,
/// see <see cref="Core.Blocks.BaseFee"/>); a spec chooses only the genesis base fee.
/// </remarks>
public sealed class ChainSpec
{
    /// <summary>The gas limit of a spec that names none: 30,000,000, as anvil and mainnet's recent history.</summary>
    public const ulong DefaultGasLimit = 30_000_000;

    internal ChainSpec(
        string name,
        ulong chainId,
        ForkSchedule forks,
        IReadOnlyList<ForkActivation> activations,
        GenesisSpec genesis,
        ChainPredeploys predeploys,
        IReadOnlyDictionary<string, JsonElement> extensions)
    {
        Name = name;
        ChainId = chainId;
        Forks = forks;
        Activations = activations;
        Genesis = genesis;
        Predeploys = predeploys;
        Extensions = extensions;
    }

    /// <summary>The chain's name, for people (logs, status pages).</summary>
    public string Name { get; }

    /// <summary>The EIP-155 chain id transactions must sign.</summary>
    public ulong ChainId { get; }

    /// <summary>Which fork's rules apply at each timestamp.</summary>
    public ForkSchedule Forks { get; }

    /// <summary>The rules of the genesis block (<see cref="Forks"/>' first fork).</summary>
    public ForkSpec GenesisFork => Forks.Genesis;

    /// <summary>The forks scheduled after genesis, in order, as the spec lists them.</summary>
    public IReadOnlyList<ForkActivation> Activations { get; }

    /// <summary>The genesis block: header fields and the allocation, predeploys included.</summary>
    public GenesisSpec Genesis { get; }

    /// <summary>The predeploys switched on (their accounts are in <see cref="Genesis"/>' allocation).</summary>
    public ChainPredeploys Predeploys { get; }

    /// <summary>
    /// Sections the loader was told to accept and leave to other layers (the compliance layer's <c>registry</c>), by
    /// name, as parsed JSON.
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement> Extensions { get; }

    /// <summary>
    /// A copy of this spec with more genesis accounts: how a layer above the chain (the compliance layer's registry)
    /// adds the state its extension section describes, without the chain knowing what it means.
    /// </summary>
    /// <param name="accounts">The accounts to add; none may already be allocated.</param>
    /// <returns>The extended spec.</returns>
    /// <exception cref="ArgumentException">An address is already allocated (by the spec's <c>alloc</c> or a predeploy).</exception>
    public ChainSpec WithAccounts(IReadOnlyDictionary<Address, GenesisAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var alloc = new Dictionary<Address, GenesisAccount>(Genesis.Alloc);
        foreach (var (address, account) in accounts)
        {
            if (!alloc.TryAdd(address, account))
            {
                throw new ArgumentException($"Account {address} is already allocated in the chain spec.", nameof(accounts));
            }
        }

        return new ChainSpec(Name, ChainId, Forks, Activations, Genesis.WithAlloc(alloc), Predeploys, Extensions);
    }
}
