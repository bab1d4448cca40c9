using Nectar.Chain.Storage;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.State;

namespace Nectar.Chain.Simulation;

/// <summary>
/// An <see cref="IChainState"/> over a reader of committed state, for re-executing a stored block's transactions
/// without committing: the world state's changes stay in memory and vanish with it.
/// </summary>
internal sealed class ReadOnlyChainState(IStateReader reader, BlockHeader parent) : IChainState
{
    public WorldState World { get; } = new(reader);

    public Hash256 StateRoot => parent.StateRoot;

    public ulong? BlockNumber => parent.Number;

    public Hash256 Commit(ulong blockNumber) => throw new InvalidOperationException("A simulation never commits.");

    public void Discard() => World.ClearCache();

    public void RevertLastBlock() => throw new InvalidOperationException("A simulation has no committed block to revert.");

    public IScratchChainState Fork() => throw new NotSupportedException("A simulation's state cannot be forked.");
}
