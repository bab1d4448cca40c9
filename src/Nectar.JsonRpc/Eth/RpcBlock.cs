using System.Text.Json.Serialization;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;

namespace Nectar.JsonRpc.Eth;

/// <summary>
/// A block as <c>eth_getBlockByNumber</c> and <c>eth_getBlockByHash</c> answer it: every header field, and the
/// transactions the caller may see (hashes, or full objects).
/// </summary>
[JsonConverter(typeof(RpcBlockConverter))]
public sealed class RpcBlock
{
    internal RpcBlock(Block block, IReadOnlyList<Address> senders, IReadOnlyList<int> visibleIndexes, bool fullTransactions, Bloom logsBloom)
    {
        Block = block;
        LogsBloom = logsBloom;
        Senders = senders;
        VisibleIndexes = visibleIndexes;
        FullTransactions = fullTransactions;
    }

    /// <summary>The block.</summary>
    public Block Block { get; }

    /// <summary>The senders of the block's transactions, in block order.</summary>
    public IReadOnlyList<Address> Senders { get; }

    /// <summary>The positions of the transactions shown, in block order.</summary>
    public IReadOnlyList<int> VisibleIndexes { get; }

    /// <summary>
    /// The bloom shown as <c>logsBloom</c>: the header's when the caller sees every transaction, otherwise the union of
    /// the visible transactions' receipt blooms. The full bloom would let anyone test whether an address or an indexed
    /// value (an account, a record identifier) appeared in other people's logs.
    /// </summary>
    public Bloom LogsBloom { get; }

    /// <summary>Whether transactions are written as objects rather than hashes.</summary>
    public bool FullTransactions { get; }
}
