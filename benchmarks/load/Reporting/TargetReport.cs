using Nectar.Benchmarks.Load.Measurement;

namespace Nectar.Benchmarks.Load.Reporting;

/// <summary>Everything measured on one node, or why it could not be.</summary>
/// <param name="Name">nectar or anvil.</param>
/// <param name="Mode">How the node produced blocks.</param>
/// <param name="ChainId">The chain id, or 0 when the node did not start.</param>
/// <param name="SetupSeconds">How long the setup took.</param>
/// <param name="Throughput">Phase A, or null.</param>
/// <param name="Latency">Phase B, or null.</param>
/// <param name="Failure">What went wrong, or null.</param>
internal sealed record TargetReport(
    string Name, string Mode, ulong ChainId, double SetupSeconds, ThroughputResult? Throughput, LatencyResult? Latency, string? Failure);
