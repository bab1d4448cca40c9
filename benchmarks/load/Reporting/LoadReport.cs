using Nectar.Benchmarks.Shared;

namespace Nectar.Benchmarks.Load.Reporting;

/// <summary>A whole run: the workload, the machine, and each target's figures.</summary>
/// <param name="StartedAt">When the run started (UTC).</param>
/// <param name="Workload">The workload in words.</param>
/// <param name="Transport">How load was sent and blocks watched, in words.</param>
/// <param name="Senders">Sending accounts.</param>
/// <param name="InFlight">Phase A: transfers in flight per sender.</param>
/// <param name="Batch">Phase A: transfers per request.</param>
/// <param name="FeeCapGwei">The fee cap of every transfer, in gwei.</param>
/// <param name="Cores">Logical processors.</param>
/// <param name="LoadAtStart">Load averages at the start.</param>
/// <param name="LoadAtEnd">Load averages at the end.</param>
/// <param name="Targets">Each target's report, in run order.</param>
internal sealed record LoadReport(
    DateTimeOffset StartedAt,
    string Workload,
    string Transport,
    int Senders,
    int InFlight,
    int Batch,
    ulong FeeCapGwei,
    int Cores,
    LoadAverage? LoadAtStart,
    LoadAverage? LoadAtEnd,
    IReadOnlyList<TargetReport> Targets);
