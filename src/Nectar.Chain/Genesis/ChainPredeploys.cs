namespace Nectar.Chain.Genesis;

/// <summary>The contracts a chain spec can place in genesis by name (the <c>predeploys</c> switches).</summary>
[Flags]
public enum ChainPredeploys
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>
    /// The deterministic CREATE2 deployer at <see cref="Predeploys.Create2DeployerAddress"/>, which Foundry and many
    /// deployment scripts expect on every chain (<c>create2Deployer</c>).
    /// </summary>
    Create2Deployer = 1 << 0,

    /// <summary>The EIP-2935 history storage contract at <see cref="Predeploys.HistoryStorageAddress"/> (<c>historyStorage</c>).</summary>
    HistoryStorage = 1 << 1,

    /// <summary>What a spec gets when it names no switch: every predeploy, as anvil has them.</summary>
    Default = Create2Deployer | HistoryStorage,
}
