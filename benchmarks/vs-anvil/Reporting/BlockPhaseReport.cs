using Nectar.Benchmarks.VsAnvil.InProcess;
using Nectar.Benchmarks.VsAnvil.Measurement;

namespace Nectar.Benchmarks.VsAnvil.Reporting;

/// <summary>Nectar's ERC-20 block split by phase over several runs, in milliseconds.</summary>
internal sealed class BlockPhaseReport
{
    /// <summary>Block start and every transaction.</summary>
    public Samples Execution { get; } = new();

    /// <summary>The transactions root.</summary>
    public Samples TransactionsRoot { get; } = new();

    /// <summary>The receipts root.</summary>
    public Samples ReceiptsRoot { get; } = new();

    /// <summary>The state commit and its root.</summary>
    public Samples StateCommit { get; } = new();

    /// <summary>The whole block.</summary>
    public Samples Total { get; } = new();

    /// <summary>Records one run.</summary>
    /// <param name="phases">The run's phases.</param>
    public void Add(BlockPhases phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        Execution.Add(phases.Execution.TotalMilliseconds);
        TransactionsRoot.Add(phases.TransactionsRoot.TotalMilliseconds);
        ReceiptsRoot.Add(phases.ReceiptsRoot.TotalMilliseconds);
        StateCommit.Add(phases.StateCommit.TotalMilliseconds);
        Total.Add(phases.Total.TotalMilliseconds);
    }
}
