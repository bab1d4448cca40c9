using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Core.Transactions;

namespace Nectar.JsonRpc.Eth;

/// <summary>A receipt with what its JSON needs from around it: the block, the sender, the gas before it and its first log's index.</summary>
internal readonly record struct ReceiptContext(
    BlockHeader Header, Transaction Transaction, Address Sender, Receipt Receipt, int Index, ulong PreviousCumulativeGasUsed, int FirstLogIndex);
