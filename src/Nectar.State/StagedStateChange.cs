using Nectar.Core.Primitives;

namespace Nectar.State;

/// <summary>
/// A block's commit, or a roll back, written into a caller's write batch but not yet applied to the
/// <see cref="StateStore"/>'s head. The caller writes the batch, then hands this to <see cref="StateStore.Apply"/>;
/// if the batch is not written, to <see cref="StateStore.Abandon"/>.
/// </summary>
public sealed class StagedStateChange
{
    internal StagedStateChange(Hash256 stateRoot, ulong? blockNumber)
    {
        StateRoot = stateRoot;
        BlockNumber = blockNumber;
    }

    /// <summary>The state root once the change is applied.</summary>
    public Hash256 StateRoot { get; }

    /// <summary>The head block once the change is applied (<see langword="null"/> when a roll back empties the store).</summary>
    public ulong? BlockNumber { get; }
}
