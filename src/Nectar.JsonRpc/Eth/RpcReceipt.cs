using System.Text.Json.Serialization;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Core.Transactions;

namespace Nectar.JsonRpc.Eth;

/// <summary>A receipt as <c>eth_getTransactionReceipt</c> and <c>eth_getBlockReceipts</c> answer it.</summary>
[JsonConverter(typeof(RpcReceiptConverter))]
public sealed class RpcReceipt
{
    internal RpcReceipt(BlockHeader header, Transaction transaction, Address sender, Receipt receipt, int index, ulong previousCumulativeGasUsed, int firstLogIndex)
    {
        Context = new ReceiptContext(header, transaction, sender, receipt, index, previousCumulativeGasUsed, firstLogIndex);
    }

    /// <summary>The transaction.</summary>
    public Transaction Transaction => Context.Transaction;

    /// <summary>The consensus receipt.</summary>
    public Receipt Receipt => Context.Receipt;

    internal ReceiptContext Context { get; }
}
