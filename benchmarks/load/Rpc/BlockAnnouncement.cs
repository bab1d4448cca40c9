namespace Nectar.Benchmarks.Load.Rpc;

/// <summary>One block as the watcher saw it: its number, when its head arrived, and how many transactions it held.</summary>
/// <param name="Number">The block number.</param>
/// <param name="AnnouncedAt">The <see cref="System.Diagnostics.Stopwatch"/> timestamp at which its head arrived.</param>
/// <param name="TransactionCount">Transactions in the block.</param>
/// <param name="GasUsed">Gas used by the block.</param>
/// <param name="BaseFeeGwei">The block's base fee, in gwei.</param>
internal readonly record struct BlockAnnouncement(ulong Number, long AnnouncedAt, int TransactionCount, ulong GasUsed, double BaseFeeGwei);
