using Nectar.Chain.Execution;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.Chain.Genesis;

/// <summary>The code and addresses of the contracts <see cref="ChainPredeploys"/> switches on.</summary>
public static class Predeploys
{
    /// <summary>Where the CREATE2 deployer lives on every chain (deployed with a pre-EIP-155 transaction whose sender nobody holds a key for).</summary>
    public static readonly Address Create2DeployerAddress = Address.Parse("0x4e59b44847b379578588920ca78fbf26c0b4956c");

    /// <summary>The EIP-2935 history storage contract's address, the one the block-start system call writes to.</summary>
    public static readonly Address HistoryStorageAddress = ProtocolContracts.HistoryStorage;

    private static readonly byte[] Create2DeployerRuntime = Hex.Decode(
        "0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe03601600081602082378035828234f58015156039578182fd5b8082525050506014600cf3");

    private static readonly byte[] HistoryStorageRuntime = Hex.Decode(
        "0x3373fffffffffffffffffffffffffffffffffffffffe14604657602036036042575f35600143038111604257611fff81430311604257611fff9006545f5260205ff35b5f5ffd5b5f35611fff60014303065500");

    /// <summary>
    /// The CREATE2 deployer's runtime code: call data is a 32-byte salt followed by init code; it creates the
    /// contract with CREATE2 and returns its 20-byte address, reverting when the creation fails.
    /// </summary>
    public static ReadOnlyMemory<byte> Create2DeployerCode => Create2DeployerRuntime;

    /// <summary>
    /// The EIP-2935 contract's runtime code as Prague shipped it: called by the system address it stores the parent
    /// hash in a ring of 8,191 slots; called by anyone else with a block number it returns that block's hash.
    /// </summary>
    public static ReadOnlyMemory<byte> HistoryStorageCode => HistoryStorageRuntime;

    /// <summary>The genesis accounts of the switched-on predeploys.</summary>
    /// <param name="predeploys">The switches.</param>
    /// <returns>The accounts by address (nonce 1, no balance, no storage).</returns>
    public static IReadOnlyDictionary<Address, GenesisAccount> Accounts(ChainPredeploys predeploys)
    {
        var accounts = new Dictionary<Address, GenesisAccount>();
        // Nonce 1, as a contract created by a transaction has it since EIP-161 and as OP Stack L2 genesis files place
        // the history contract; anvil places both with nonce 0, which changes the state root and nothing else.
        if ((predeploys & ChainPredeploys.Create2Deployer) != 0)
        {
            accounts[Create2DeployerAddress] = new GenesisAccount { Nonce = 1, Code = Create2DeployerCode };
        }

        if ((predeploys & ChainPredeploys.HistoryStorage) != 0)
        {
            accounts[HistoryStorageAddress] = new GenesisAccount { Nonce = 1, Code = HistoryStorageCode };
        }

        return accounts;
    }

    /// <summary>The address a predeploy occupies.</summary>
    /// <param name="predeploy">One predeploy.</param>
    /// <returns>Its address.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not exactly one known predeploy.</exception>
    public static Address AddressOf(ChainPredeploys predeploy) => predeploy switch
    {
        ChainPredeploys.Create2Deployer => Create2DeployerAddress,
        ChainPredeploys.HistoryStorage => HistoryStorageAddress,
        _ => throw new ArgumentOutOfRangeException(nameof(predeploy), predeploy, "Name exactly one predeploy."),
    };
}
