using Nectar.Benchmarks.Shared;
using Nectar.Benchmarks.VsAnvil.Measurement;

namespace Nectar.Benchmarks.VsAnvil.Reporting;

/// <summary>Everything one comparison measured, and the setting it ran in.</summary>
internal sealed class BenchmarkReport
{
    /// <summary>The bar: Nectar's median throughput at least this fraction of anvil's on every workload.</summary>
    public const double TargetRatio = 0.3;

    /// <summary>Anvil's version line.</summary>
    public required string AnvilVersion { get; init; }

    /// <summary>Anvil's arguments (genesis path shown relative).</summary>
    public required IReadOnlyList<string> AnvilArguments { get; init; }

    /// <summary>The .NET runtime.</summary>
    public required string Runtime { get; init; }

    /// <summary>The operating system.</summary>
    public required string Os { get; init; }

    /// <summary>Logical cores.</summary>
    public required int Cores { get; init; }

    /// <summary>The fork both nodes run.</summary>
    public required string Fork { get; init; }

    /// <summary>The chain id.</summary>
    public required ulong ChainId { get; init; }

    /// <summary>Warm-up runs per workload.</summary>
    public required int Warmup { get; init; }

    /// <summary>Measured runs per workload.</summary>
    public required int Runs { get; init; }

    /// <summary>Load averages when the run started.</summary>
    public LoadAverage? LoadBefore { get; init; }

    /// <summary>Load averages when it ended.</summary>
    public LoadAverage? LoadAfter { get; set; }

    /// <summary>The workloads, in the order run.</summary>
    public List<WorkloadResult> Workloads { get; } = [];

    /// <summary>Nectar's ERC-20 block by phase.</summary>
    public BlockPhaseReport? BlockPhases { get; set; }

    /// <summary>Anvil's bare request costs.</summary>
    public RoundTripReport? RoundTrips { get; set; }

    /// <summary>Whether Nectar meets <see cref="TargetRatio"/> on every workload.</summary>
    public bool MeetsTarget => Workloads.TrueForAll(w => w.Ratio >= TargetRatio);
}
