using Nectar.Chain.Building;
using Nectar.Chain.Execution;
using Nectar.Chain.Genesis;
using Nectar.Chain.Storage;
using Nectar.Chain.Validation;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Chain.Tree;

/// <summary>
/// A chain of blocks over one state: imports received blocks (validated by the <see cref="BlockValidator"/>),
/// appends blocks it produces (by the <see cref="BlockBuilder"/>), keeps every valid block in a
/// <see cref="BlockTree"/>, and keeps <see cref="State"/> at the head. A block on a side branch is validated on a
/// scratch copy of the state; <see cref="SetHead"/> switches branches by reverting to the common ancestor and
/// re-executing the other branch.
/// </summary>
/// <remarks>Not thread-safe for writers: import, produce and switch heads from one thread. The tree may be read from any.</remarks>
public sealed class Blockchain
{
    private readonly BlockValidator _validator;
    private readonly BlockBuilder _builder;

    /// <summary>Creates a chain whose state already holds its genesis block.</summary>
    /// <param name="processor">The execution core.</param>
    /// <param name="forks">Which rules apply to which block.</param>
    /// <param name="state">The state, at the genesis block's state root.</param>
    /// <param name="genesis">The genesis block.</param>
    /// <exception cref="ArgumentException">The state is not at the genesis state root.</exception>
    public Blockchain(BlockProcessor processor, ForkSchedule forks, IChainState state, Block genesis)
    {
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(forks);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(genesis);
        if (state.StateRoot != genesis.Header.StateRoot)
        {
            throw new ArgumentException($"The state is at root {state.StateRoot}, not at the genesis state root {genesis.Header.StateRoot}.", nameof(state));
        }

        Processor = processor;
        Forks = forks;
        State = state;
        Tree = new BlockTree(genesis);
        _validator = new BlockValidator(processor);
        _builder = new BlockBuilder(processor);
    }

    /// <summary>The execution core.</summary>
    public BlockProcessor Processor { get; }

    /// <summary>Which rules apply to which block.</summary>
    public ForkSchedule Forks { get; }

    /// <summary>The state, at the head.</summary>
    public IChainState State { get; }

    /// <summary>Every valid block and the canonical chain.</summary>
    public BlockTree Tree { get; }

    /// <summary>The head of the canonical chain.</summary>
    public Block Head => Tree.Head;

    /// <summary>Builds the genesis block from a specification into an empty state and opens the chain on it.</summary>
    /// <param name="processor">The execution core.</param>
    /// <param name="forks">Which rules apply to which block.</param>
    /// <param name="emptyState">An empty state.</param>
    /// <param name="genesis">The genesis allocation and header fields.</param>
    /// <returns>The chain, its head the genesis block.</returns>
    public static Blockchain Create(BlockProcessor processor, ForkSchedule forks, IChainState emptyState, GenesisSpec genesis)
    {
        ArgumentNullException.ThrowIfNull(forks);
        ArgumentNullException.ThrowIfNull(genesis);
        var block = GenesisBuilder.Build(genesis, forks.At(genesis.Timestamp), emptyState);
        return new Blockchain(processor, forks, emptyState, block);
    }

    /// <summary>
    /// Imports a received block: a valid child of the head becomes the new head; a valid block elsewhere is stored on
    /// a side branch; an invalid block changes nothing.
    /// </summary>
    /// <param name="block">The block.</param>
    /// <returns>What happened.</returns>
    public BlockImportResult Import(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (Tree.Contains(block.Hash))
        {
            return new BlockImportResult { Block = block, Status = BlockImportStatus.AlreadyKnown };
        }

        if (Tree.FindBlock(block.Header.ParentHash) is not { } parent)
        {
            return Invalid(block, BlockValidationResult.Invalid(BlockError.UnknownParent, $"Parent {block.Header.ParentHash} is not known."));
        }

        var spec = Forks.At(block.Header.Timestamp);
        var hashes = new AncestorHashes(parent.Header, Tree);
        var head = Head;
        if (parent.Hash == head.Hash)
        {
            var verdict = _validator.ValidateAndApply(block, parent.Header, spec, State, hashes);
            if (!verdict.IsValid)
            {
                return Invalid(block, verdict);
            }

            Tree.Add(block, verdict.Execution!.Receipts);
            Tree.SetHead(block.Hash);
            return new BlockImportResult { Block = block, Status = BlockImportStatus.NewHead, Execution = verdict.Execution };
        }

        using var scratch = State.Fork();
        MoveState(scratch, head, parent);
        var sideVerdict = _validator.ValidateAndApply(block, parent.Header, spec, scratch, hashes);
        if (!sideVerdict.IsValid)
        {
            return Invalid(block, sideVerdict);
        }

        Tree.Add(block, sideVerdict.Execution!.Receipts);
        return new BlockImportResult { Block = block, Status = BlockImportStatus.SideBranch, Execution = sideVerdict.Execution };
    }

    /// <summary>
    /// Builds the next block on the head from candidate transactions and makes it the head (the sequencer's path).
    /// </summary>
    /// <param name="timestamp">The block's timestamp.</param>
    /// <param name="coinbase">The fee recipient.</param>
    /// <param name="candidates">Candidate transactions in the order to try them.</param>
    /// <param name="configure">Adjusts the rest of the request (gas limit, extra data, randomness, beacon root, withdrawals).</param>
    /// <returns>The built block and the skipped candidates.</returns>
    public BuiltBlock Produce(ulong timestamp, Address coinbase, IEnumerable<Transaction> candidates, Func<BlockBuildRequest, BlockBuildRequest>? configure = null)
    {
        var head = Head;
        var request = new BlockBuildRequest { Parent = head.Header, Spec = Forks.At(timestamp), Timestamp = timestamp, Coinbase = coinbase };
        if (configure is not null)
        {
            request = configure(request);
            if (request.Parent.Hash != head.Hash || request.Spec != Forks.At(timestamp) || request.Timestamp != timestamp)
            {
                throw new ArgumentException("The request must keep the head as parent, the scheduled fork and the timestamp.", nameof(configure));
            }
        }

        var built = _builder.Build(request, candidates, State, new AncestorHashes(head.Header, Tree));
        Tree.Add(built.Block, built.Execution.Receipts);
        Tree.SetHead(built.Block.Hash);
        return built;
    }

    /// <summary>
    /// Makes a known block the head: the state reverts to the common ancestor of the old and new heads and
    /// re-executes the new branch.
    /// </summary>
    /// <param name="hash">The new head's hash.</param>
    /// <exception cref="ArgumentException">The block is unknown.</exception>
    public void SetHead(Hash256 hash)
    {
        var target = Tree.FindBlock(hash) ?? throw new ArgumentException($"Block {hash} is not known.", nameof(hash));
        MoveState(State, Head, target);
        Tree.SetHead(hash);
    }

    /// <summary>The state roots inside a canonical block (see <see cref="IntermediateStateRoots"/>), derived by re-executing it on a scratch state.</summary>
    /// <param name="hash">A canonical block's hash, not genesis.</param>
    /// <returns>The roots after the system calls, after each transaction and after the withdrawals.</returns>
    /// <exception cref="ArgumentException">The block is not canonical or is the genesis block.</exception>
    public IReadOnlyList<Hash256> GetIntermediateStateRoots(Hash256 hash)
    {
        var block = Tree.FindBlock(hash);
        if (block is null || !Tree.IsCanonical(hash) || block.Hash == Tree.Genesis.Hash)
        {
            throw new ArgumentException($"Block {hash} is not a canonical block after genesis.", nameof(hash));
        }

        var parent = Tree.FindBlock(block.Header.ParentHash)!;
        using var scratch = State.Fork();
        MoveState(scratch, Head, parent);
        return IntermediateStateRoots.Compute(Processor, parent.Header, block, Forks.At(block.Header.Timestamp), scratch, new AncestorHashes(parent.Header, Tree));
    }

    /// <summary>Moves a state from one block to another: back to their common ancestor, then forward along the target's branch.</summary>
    private void MoveState(IChainState state, Block from, Block to)
    {
        var ancestor = Tree.FindCommonAncestor(from, to);
        for (var number = from.Number; number > ancestor.Number; number--)
        {
            state.RevertLastBlock();
        }

        foreach (var block in Tree.PathBetween(ancestor, to))
        {
            var parent = Tree.FindBlock(block.Header.ParentHash)!;

            // Every block in the tree was validated when added, so re-executing it cannot fail unless the state is damaged.
            Processor.Process(parent.Header, block, Forks.At(block.Header.Timestamp), state, new AncestorHashes(parent.Header, Tree));
        }
    }

    private static BlockImportResult Invalid(Block block, BlockValidationResult verdict) => new()
    {
        Block = block,
        Status = BlockImportStatus.Invalid,
        Error = verdict.Error,
        Message = verdict.Message,
        TransactionIndex = verdict.TransactionIndex,
    };
}
