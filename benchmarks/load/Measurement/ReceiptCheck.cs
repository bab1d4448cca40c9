namespace Nectar.Benchmarks.Load.Measurement;

/// <summary>A sample of included transfers whose receipts were fetched: status 1, in the block the watcher saw.</summary>
/// <param name="Checked">Receipts fetched.</param>
/// <param name="Succeeded">Receipts with status 1 in the expected block.</param>
/// <param name="FirstProblem">What was wrong with the first bad one, or null.</param>
internal sealed record ReceiptCheck(int Checked, int Succeeded, string? FirstProblem);
