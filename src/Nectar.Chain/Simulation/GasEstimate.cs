namespace Nectar.Chain.Simulation;

/// <summary>The outcome of gas estimation: the least gas limit that succeeds, or the revert that no gas limit avoids.</summary>
public sealed class GasEstimate
{
    private GasEstimate(ulong gas, SimulationResult? revert)
    {
        Gas = gas;
        Revert = revert;
    }

    /// <summary>The estimated gas limit; zero when <see cref="Revert"/> is set.</summary>
    public ulong Gas { get; }

    /// <summary>The reverted execution at the highest gas limit tried, when the message reverts whatever its gas.</summary>
    public SimulationResult? Revert { get; }

    /// <summary>Whether an estimate was found.</summary>
    public bool IsSuccess => Revert is null;

    internal static GasEstimate Found(ulong gas) => new(gas, null);

    internal static GasEstimate Reverted(SimulationResult revert) => new(0, revert);
}
