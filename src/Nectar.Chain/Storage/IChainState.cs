using Nectar.Core.Primitives;
using Nectar.State;

namespace Nectar.Chain.Storage;

/// <summary>
/// The state a chain executes its blocks against, wherever it lives: a <see cref="WorldState"/> to execute on, and
/// the committed state under it, one block at a time. Block processing sees only this port, so the same code runs
/// over RocksDB in the node, over memory in tests, and over a throw-away overlay when re-executing.
/// </summary>
/// <remarks>Not thread-safe: one block executes at a time.</remarks>
public interface IChainState
{
    /// <summary>The world state blocks execute on; it reads through to the committed state.</summary>
    WorldState World { get; }

    /// <summary>The state root of the last committed block.</summary>
    Hash256 StateRoot { get; }

    /// <summary>The last committed block, or <see langword="null"/> while nothing (not even genesis) is committed.</summary>
    ulong? BlockNumber { get; }

    /// <summary>
    /// Commits the world state's pending changes (every transaction committed since the last block) as the next
    /// block, computing the state root once.
    /// </summary>
    /// <param name="blockNumber">The block; it must follow <see cref="BlockNumber"/>.</param>
    /// <returns>The new state root.</returns>
    Hash256 Commit(ulong blockNumber);

    /// <summary>Drops the world state's pending, uncommitted changes (a block that failed before its commit).</summary>
    void Discard();

    /// <summary>Undoes the last committed block, returning to its parent's state (a block that failed after its commit, or a reorganisation).</summary>
    /// <exception cref="InvalidOperationException">No block is committed, or its undo record is gone.</exception>
    void RevertLastBlock();

    /// <summary>
    /// A scratch copy of this state: it starts equal to it, and its commits and reverts change only the copy, which
    /// is dropped with it. Re-execution (intermediate state roots, side branches) runs on one.
    /// </summary>
    /// <returns>The copy; dispose it when done.</returns>
    IScratchChainState Fork();
}
