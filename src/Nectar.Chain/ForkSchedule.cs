using Nectar.Core.Specs;

namespace Nectar.Chain;

/// <summary>
/// Which fork's rules apply to a block: a genesis fork and later forks activated by timestamp, as every fork since
/// the Merge is. A single-fork schedule serves tests and chains that never upgrade.
/// </summary>
public sealed class ForkSchedule
{
    private readonly (ulong Timestamp, ForkSpec Spec)[] _activations;

    /// <summary>Creates a schedule.</summary>
    /// <param name="genesis">The rules from genesis on.</param>
    /// <param name="activations">Later forks and the first timestamp each applies at, in increasing fork and timestamp order.</param>
    /// <exception cref="ArgumentException">The activations go backwards in fork or time.</exception>
    public ForkSchedule(ForkSpec genesis, params IEnumerable<(ulong Timestamp, ForkSpec Spec)> activations)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        ArgumentNullException.ThrowIfNull(activations);
        _activations = [(0, genesis), .. activations];
        for (var i = 1; i < _activations.Length; i++)
        {
            var (timestamp, spec) = _activations[i];
            var (previousTimestamp, previous) = _activations[i - 1];
            if (spec.Fork <= previous.Fork || (i > 1 && timestamp <= previousTimestamp))
            {
                throw new ArgumentException($"{spec.Name} at {timestamp} does not follow {previous.Name} at {previousTimestamp}.", nameof(activations));
            }
        }
    }

    /// <summary>The rules from genesis on.</summary>
    public ForkSpec Genesis => _activations[0].Spec;

    /// <summary>A schedule with one fork for every block.</summary>
    /// <param name="spec">The fork's rules.</param>
    /// <returns>The schedule.</returns>
    public static ForkSchedule Single(ForkSpec spec) => new(spec);

    /// <summary>The rules of a block with the given timestamp.</summary>
    /// <param name="timestamp">The block's timestamp.</param>
    /// <returns>The latest fork activated at or before it.</returns>
    public ForkSpec At(ulong timestamp)
    {
        for (var i = _activations.Length - 1; i > 0; i--)
        {
            if (timestamp >= _activations[i].Timestamp)
            {
                return _activations[i].Spec;
            }
        }

        return _activations[0].Spec;
    }
}
