using Nectar.Chain.Execution;
using Nectar.Chain.Storage;
using Nectar.Core.Blocks;
using Nectar.Core.Specs;
using Nectar.Evm;

namespace Nectar.Chain.Validation;

/// <summary>
/// The import path: checks a received block's header against its parent and its body against its header, executes
/// it through the shared <see cref="BlockProcessor"/>, and requires every root, the bloom and the gas used to match.
/// A block that fails any rule leaves the state exactly as it was; a valid one leaves the state at the block.
/// </summary>
/// <remarks>
/// The rules are those of chains after the Merge: difficulty, nonce and ommers must be empty, and no proof-of-work
/// seal is checked. Nectar carries no blobs, so any blob gas used is invalid.
/// </remarks>
public sealed partial class BlockValidator
{
    private readonly BlockProcessor _processor;

    /// <summary>Creates a validator.</summary>
    /// <param name="processor">The execution core.</param>
    public BlockValidator(BlockProcessor processor)
    {
        ArgumentNullException.ThrowIfNull(processor);
        _processor = processor;
    }

    /// <summary>
    /// Validates a block against its parent and, when valid, leaves <paramref name="state"/> at the block: header
    /// rules, body roots, execution, then the execution's results against the header.
    /// </summary>
    /// <param name="block">The block.</param>
    /// <param name="parent">Its parent's header.</param>
    /// <param name="spec">The block's fork rules.</param>
    /// <param name="state">The state at the parent.</param>
    /// <param name="blockHashes">BLOCKHASH's source.</param>
    /// <returns>Valid with the execution, or the first rule broken (the state then is unchanged).</returns>
    public BlockValidationResult ValidateAndApply(Block block, BlockHeader parent, ForkSpec spec, IChainState state, IBlockHashProvider? blockHashes = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(state);

        var verdict = ValidateHeader(block.Header, parent, spec);
        if (verdict.IsValid)
        {
            verdict = ValidateBody(block, spec);
        }

        if (!verdict.IsValid)
        {
            return verdict;
        }

        BlockExecutionResult execution;
        try
        {
            execution = _processor.Run(parent, block, spec, state, blockHashes, transactionsRootVerified: true);
        }
        catch (InvalidBlockException invalid)
        {
            return BlockValidationResult.Invalid(invalid.Error, invalid.Message, invalid.TransactionIndex);
        }

        verdict = CompareWithHeader(block.Header, execution);
        if (!verdict.IsValid)
        {
            // The execution committed the block's state to compute its root; the block is rejected, so undo it.
            state.RevertLastBlock();
            return verdict;
        }

        return BlockValidationResult.Valid(execution);
    }
}
