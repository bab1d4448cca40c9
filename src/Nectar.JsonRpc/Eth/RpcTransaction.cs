using System.Text.Json.Serialization;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.JsonRpc.Eth;

/// <summary>A transaction as <c>eth_getTransactionByHash</c> answers it, mined (with its block) or pending.</summary>
[JsonConverter(typeof(RpcTransactionConverter))]
public sealed class RpcTransaction
{
    internal RpcTransaction(Transaction transaction, Address sender, BlockHeader? header, int index)
    {
        Transaction = transaction;
        Sender = sender;
        Header = header;
        Index = index;
    }

    /// <summary>The transaction.</summary>
    public Transaction Transaction { get; }

    /// <summary>Its recovered sender.</summary>
    public Address Sender { get; }

    /// <summary>The header of the block that holds it, or <see langword="null"/> while it is pending.</summary>
    public BlockHeader? Header { get; }

    /// <summary>Its position in the block.</summary>
    public int Index { get; }
}
