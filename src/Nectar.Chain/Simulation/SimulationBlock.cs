using Nectar.Core.Blocks;

namespace Nectar.Chain.Simulation;

/// <summary>
/// Where a simulation runs: on the state at the end of <see cref="Header"/>'s block, either in that block's own
/// context (a historical call: its number, timestamp, coinbase, gas limit and base fee) or, when
/// <see cref="IsPending"/>, in the context of the next block (number + 1, a later timestamp, the next base fee), as
/// anvil answers <c>latest</c> and <c>pending</c>.
/// </summary>
/// <param name="Header">The block whose post-state the simulation reads.</param>
/// <param name="IsPending">Whether the simulation runs as part of the block after <paramref name="Header"/>.</param>
public readonly record struct SimulationBlock(BlockHeader Header, bool IsPending)
{
    /// <summary>The block's own context, on its post-state.</summary>
    /// <param name="header">The block.</param>
    /// <returns>The target.</returns>
    public static SimulationBlock At(BlockHeader header) => new(header, false);

    /// <summary>The context of the block after <paramref name="head"/>, on the head's post-state.</summary>
    /// <param name="head">The head block.</param>
    /// <returns>The target.</returns>
    public static SimulationBlock After(BlockHeader head) => new(head, true);
}
