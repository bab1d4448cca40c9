using Nectar.Chain.Reading;
using Nectar.Chain.Storage;
using Nectar.Chain.Tree;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.State;

namespace Nectar.Chain.Tests.Simulation;

/// <summary>An <see cref="IChainReader"/> over an in-memory <see cref="Blockchain"/> and its state store.</summary>
internal sealed class HarnessChainReader(Blockchain chain, StoreChainState state) : IChainReader
{
    public BlockHeader Head => chain.Head.Header;

    public BlockHeader Safe => Head;

    public BlockHeader Finalized => Head;

    /// <summary>When set, every state read answers "not kept".</summary>
    public bool StatePruned { get; set; }

    public BlockHeader? FindHeader(in Hash256 hash) => chain.Tree.FindHeader(hash);

    public BlockHeader? FindHeader(ulong number) => chain.Tree.FindCanonicalBlock(number)?.Header;

    public Block? FindBlock(in Hash256 hash) => chain.Tree.FindBlock(hash);

    public Block? FindBlock(ulong number) => chain.Tree.FindCanonicalBlock(number);

    public IReadOnlyList<Receipt>? FindReceipts(in Hash256 blockHash) => chain.Tree.FindReceipts(blockHash) is { } receipts ? receipts : null;

    public IReadOnlyList<Address>? FindSenders(in Hash256 blockHash) =>
        FindBlock(blockHash) is { } block ? [.. block.Transactions.Select(ChainHarness.Signer.RecoverSender)] : null;

    public TransactionLocation? FindTransaction(in Hash256 transactionHash)
    {
        for (var number = 0UL; FindBlock(number) is { } block; number++)
        {
            for (var i = 0; i < block.Transactions.Length; i++)
            {
                if (block.Transactions[i].Hash == transactionHash)
                {
                    return new TransactionLocation(block.Hash, number, i);
                }
            }
        }

        return null;
    }

    public IStateReader? GetState(ulong number) => StatePruned || number > Head.Number ? null : state.Store.GetReaderAt(number);

    public StateProof? GetProof(ulong number, Address address, IReadOnlyList<UInt256> slots)
    {
        if (number != Head.Number)
        {
            return null;
        }

        var (account, storage) = state.Store.GetProof(address, slots);
        return new StateProof(account, [.. storage.Select(p => (IReadOnlyList<byte[]>)p)]);
    }
}
