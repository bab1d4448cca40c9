namespace Nectar.Benchmarks.VsAnvil.InProcess;

/// <summary>What one in-process call returned and cost.</summary>
/// <param name="Output">The return data.</param>
/// <param name="GasUsed">Gas used, intrinsic gas included (what a transaction making the call would use).</param>
/// <param name="Elapsed">Wall-clock time of the call.</param>
internal sealed record CallMeasurement(byte[] Output, ulong GasUsed, TimeSpan Elapsed);
