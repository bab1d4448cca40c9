using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Benchmarks.VsAnvil.Anvil;

/// <summary>The header fields of an anvil block that the comparison checks, and its transaction count.</summary>
/// <param name="Number">The block number.</param>
/// <param name="Timestamp">The timestamp.</param>
/// <param name="Miner">The coinbase.</param>
/// <param name="GasLimit">The gas limit.</param>
/// <param name="GasUsed">The gas used.</param>
/// <param name="BaseFee">The base fee.</param>
/// <param name="StateRoot">The state root.</param>
/// <param name="TransactionsRoot">The transactions root.</param>
/// <param name="ReceiptsRoot">The receipts root.</param>
/// <param name="LogsBloom">The logs bloom, hex.</param>
/// <param name="TransactionCount">How many transactions the block holds.</param>
internal sealed record AnvilBlock(
    ulong Number, ulong Timestamp, Address Miner, ulong GasLimit, ulong GasUsed, UInt256 BaseFee,
    Hash256 StateRoot, Hash256 TransactionsRoot, Hash256 ReceiptsRoot, string LogsBloom, int TransactionCount);
