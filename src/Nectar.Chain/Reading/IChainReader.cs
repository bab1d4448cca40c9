using Nectar.Chain.Execution;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Core.Numerics;
using Nectar.State;

namespace Nectar.Chain.Reading;

/// <summary>
/// Read access to the canonical chain for everything that serves reads (the RPC modules, followers' status
/// pages): blocks, receipts, transaction locations, senders and state at any stored block. The node's chain store
/// implements it; tests implement it over an in-memory chain.
/// </summary>
/// <remarks>
/// Implementations are safe for many concurrent readers while one writer appends blocks, and never show a block
/// before its receipts, indexes and state are stored: whatever <see cref="Head"/> returns can be read in full.
/// </remarks>
public interface IChainReader : IHeaderSource
{
    /// <summary>The canonical head: the latest stored block's header.</summary>
    BlockHeader Head { get; }

    /// <summary>The latest block committed on the settlement layer (<c>safe</c>); the head until settlement exists.</summary>
    BlockHeader Safe { get; }

    /// <summary>The latest final block (<c>finalized</c>); the head until settlement exists.</summary>
    BlockHeader Finalized { get; }

    /// <summary>Finds a canonical header by number.</summary>
    /// <param name="number">The block number.</param>
    /// <returns>The header, or <see langword="null"/> above the head.</returns>
    BlockHeader? FindHeader(ulong number);

    /// <summary>Finds a block (header and body) by hash.</summary>
    /// <param name="hash">The block hash.</param>
    /// <returns>The block, or <see langword="null"/> when unknown.</returns>
    Block? FindBlock(in Hash256 hash);

    /// <summary>Finds a canonical block by number.</summary>
    /// <param name="number">The block number.</param>
    /// <returns>The block, or <see langword="null"/> above the head.</returns>
    Block? FindBlock(ulong number);

    /// <summary>The receipts of a block, in transaction order.</summary>
    /// <param name="blockHash">The block hash.</param>
    /// <returns>The receipts, or <see langword="null"/> when the block is unknown.</returns>
    IReadOnlyList<Receipt>? FindReceipts(in Hash256 blockHash);

    /// <summary>The recovered senders of a block's transactions, in transaction order.</summary>
    /// <param name="blockHash">The block hash.</param>
    /// <returns>The senders, or <see langword="null"/> when the block is unknown.</returns>
    IReadOnlyList<Address>? FindSenders(in Hash256 blockHash);

    /// <summary>Where a canonical transaction is.</summary>
    /// <param name="transactionHash">The transaction hash.</param>
    /// <returns>Its location, or <see langword="null"/> when no canonical block holds it.</returns>
    TransactionLocation? FindTransaction(in Hash256 transactionHash);

    /// <summary>The state as of the end of a canonical block.</summary>
    /// <param name="number">The block number.</param>
    /// <returns>A reader of that state, or <see langword="null"/> when the block is above the head or its state is no longer kept.</returns>
    IStateReader? GetState(ulong number);

    /// <summary>Merkle proofs of an account and some of its storage slots as of the end of a canonical block.</summary>
    /// <param name="number">The block number.</param>
    /// <param name="address">The account.</param>
    /// <param name="slots">The storage slots.</param>
    /// <returns>The proofs, or <see langword="null"/> when proofs for that block cannot be produced (only the head's are kept).</returns>
    StateProof? GetProof(ulong number, Address address, IReadOnlyList<UInt256> slots);
}
