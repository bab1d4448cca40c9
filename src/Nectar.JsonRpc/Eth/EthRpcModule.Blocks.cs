using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.JsonRpc.Json;
using Nectar.Privacy.Access;

namespace Nectar.JsonRpc.Eth;

public sealed partial class EthRpcModule
{
    /// <inheritdoc />
    public RpcBlock? GetBlockByNumber(BlockParameter block, bool fullTransactions, RpcCallContext context)
    {
        var caller = Caller(context);
        return FindHeader(block) is { } header && _chain.FindBlock(header.Hash) is { } found ? View(found, fullTransactions, caller) : null;
    }

    /// <inheritdoc />
    public RpcBlock? GetBlockByHash(Hash256 blockHash, bool fullTransactions, RpcCallContext context)
    {
        var caller = Caller(context);
        return _chain.FindBlock(blockHash) is { } block ? View(block, fullTransactions, caller) : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<RpcReceipt>? GetBlockReceipts(BlockParameter block, RpcCallContext context)
    {
        var caller = Caller(context);
        var found = block.Kind == BlockParameterKind.Hash
            ? _chain.FindBlock(block.Hash)
            : FindHeader(block) is { } header ? _chain.FindBlock(header.Hash) : null;
        if (found is null || _chain.FindReceipts(found.Hash) is not { } receipts || _chain.FindSenders(found.Hash) is not { } senders)
        {
            return null;
        }

        var result = new List<RpcReceipt>();
        var logIndex = 0;
        for (var i = 0; i < receipts.Count; i++)
        {
            var transaction = found.Transactions[i];
            if (_authorizer.CanSeeTransaction(caller, senders[i], transaction.To))
            {
                result.Add(new RpcReceipt(found.Header, transaction, senders[i], receipts[i], i, i == 0 ? 0 : receipts[i - 1].CumulativeGasUsed, logIndex));
            }

            logIndex += receipts[i].Logs.Length;
        }

        return result;
    }

    /// <inheritdoc />
    public ulong? GetBlockTransactionCountByNumber(BlockParameter block, RpcCallContext context)
    {
        var caller = Caller(context);
        return FindHeader(block) is { } header && _chain.FindBlock(header.Hash) is { } found ? CountVisible(found, caller) : null;
    }

    /// <inheritdoc />
    public ulong? GetBlockTransactionCountByHash(Hash256 blockHash, RpcCallContext context)
    {
        var caller = Caller(context);
        return _chain.FindBlock(blockHash) is { } block ? CountVisible(block, caller) : null;
    }

    /// <inheritdoc />
    public RpcTransaction? GetTransactionByBlockNumberAndIndex(BlockParameter block, ulong index, RpcCallContext context)
    {
        var caller = Caller(context);
        return FindHeader(block) is { } header && _chain.FindBlock(header.Hash) is { } found ? AtIndex(found, index, caller) : null;
    }

    /// <inheritdoc />
    public RpcTransaction? GetTransactionByBlockHashAndIndex(Hash256 blockHash, ulong index, RpcCallContext context)
    {
        var caller = Caller(context);
        return _chain.FindBlock(blockHash) is { } block ? AtIndex(block, index, caller) : null;
    }

    private RpcBlock View(Block block, bool fullTransactions, in ReadCaller caller)
    {
        var senders = Senders(block);
        var visible = new List<int>(block.Transactions.Length);
        for (var i = 0; i < block.Transactions.Length; i++)
        {
            if (_authorizer.CanSeeTransaction(caller, senders[i], block.Transactions[i].To))
            {
                visible.Add(i);
            }
        }

        return new RpcBlock(block, senders, visible, fullTransactions, VisibleBloom(block, visible));
    }

    private Bloom VisibleBloom(Block block, List<int> visible)
    {
        if (visible.Count == block.Transactions.Length)
        {
            return block.Header.LogsBloom;
        }

        var bloom = Bloom.Empty;
        if (visible.Count > 0 && _chain.FindReceipts(block.Hash) is { } receipts)
        {
            foreach (var index in visible)
            {
                bloom.Accumulate(receipts[index].Bloom);
            }
        }

        return bloom;
    }

    /// <summary>
    /// Counts only the transactions the caller may see, consistent with the block's <c>transactions</c> list: counting
    /// all would tell every caller how busy each block was with other people's transactions.
    /// </summary>
    private ulong CountVisible(Block block, in ReadCaller caller)
    {
        var senders = Senders(block);
        var count = 0UL;
        for (var i = 0; i < block.Transactions.Length; i++)
        {
            if (_authorizer.CanSeeTransaction(caller, senders[i], block.Transactions[i].To))
            {
                count++;
            }
        }

        return count;
    }

    private RpcTransaction? AtIndex(Block block, ulong index, in ReadCaller caller)
    {
        if (index >= (ulong)block.Transactions.Length)
        {
            return null;
        }

        var position = (int)index;
        var senders = Senders(block);
        var transaction = block.Transactions[position];
        return _authorizer.CanSeeTransaction(caller, senders[position], transaction.To)
            ? new RpcTransaction(transaction, senders[position], block.Header, position)
            : null;
    }

    private IReadOnlyList<Address> Senders(Block block) =>
        _chain.FindSenders(block.Hash) ?? throw new InvalidOperationException($"The senders of stored block {block.Number} are missing.");

    /// <summary>The receipt of the transaction at <paramref name="index"/>, with the gas and log counts before it.</summary>
    private static RpcReceipt ReceiptAt(Block block, IReadOnlyList<Receipt> receipts, Address sender, int index)
    {
        var logIndex = 0;
        for (var i = 0; i < index; i++)
        {
            logIndex += receipts[i].Logs.Length;
        }

        var previous = index == 0 ? 0 : receipts[index - 1].CumulativeGasUsed;
        return new RpcReceipt(block.Header, block.Transactions[index], sender, receipts[index], index, previous, logIndex);
    }
}
