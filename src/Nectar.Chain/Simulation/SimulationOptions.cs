using Nectar.Core.Blocks;

namespace Nectar.Chain.Simulation;

/// <summary>Limits and defaults of the <see cref="CallSimulator"/>.</summary>
public sealed record SimulationOptions
{
    /// <summary>The default options.</summary>
    public static SimulationOptions Default { get; } = new();

    /// <summary>
    /// The most gas one simulated message may use, and the gas of a message that names none; the block gas limit
    /// caps it as well. 50,000,000 by default, go-ethereum's <c>RPCGasCap</c>.
    /// </summary>
    public ulong GasCap { get; init; } = 50_000_000;

    /// <summary>The most executions <see cref="CallSimulator.CreateAccessList"/> runs before it settles on a list.</summary>
    public int MaxAccessListIterations { get; init; } = 16;

    /// <summary>
    /// The timestamp of the next block for pending simulations, given the head; by default the later of one second
    /// after the head and the clock.
    /// </summary>
    public Func<BlockHeader, ulong>? NextBlockTimestamp { get; init; }

    /// <summary>The problems with these options, empty when valid.</summary>
    /// <returns>One message per problem.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (GasCap < 21_000)
        {
            problems.Add($"GasCap {GasCap} is below the 21,000 gas of the simplest transaction.");
        }

        if (MaxAccessListIterations < 1)
        {
            problems.Add($"MaxAccessListIterations {MaxAccessListIterations} must be at least 1.");
        }

        return problems;
    }
}
