namespace Nectar.Benchmarks.VsAnvil.Measurement;

/// <summary>
/// One workload measured on both nodes: the gas each run does, and each run's throughput in MGas/s (gas over
/// wall-clock time) on each side.
/// </summary>
internal sealed class WorkloadResult
{
    /// <summary>Creates an empty result.</summary>
    /// <param name="name">A short machine-readable name.</param>
    /// <param name="description">What one run does.</param>
    /// <param name="gasPerRun">Gas executed by one run (the same on both sides, checked).</param>
    /// <param name="itemsPerRun">Transactions or calls in one run.</param>
    /// <param name="itemName">What an item is ("transfers", "calls").</param>
    public WorkloadResult(string name, string description, ulong gasPerRun, int itemsPerRun, string itemName)
    {
        Name = name;
        Description = description;
        GasPerRun = gasPerRun;
        ItemsPerRun = itemsPerRun;
        ItemName = itemName;
    }

    /// <summary>A short machine-readable name.</summary>
    public string Name { get; }

    /// <summary>What one run does.</summary>
    public string Description { get; }

    /// <summary>Gas executed by one run.</summary>
    public ulong GasPerRun { get; }

    /// <summary>Transactions or calls in one run.</summary>
    public int ItemsPerRun { get; }

    /// <summary>What an item is.</summary>
    public string ItemName { get; }

    /// <summary>Nectar's MGas/s per measured run.</summary>
    public Samples Nectar { get; } = new();

    /// <summary>Anvil's MGas/s per measured run.</summary>
    public Samples Anvil { get; } = new();

    /// <summary>Remarks printed under the table (what each side's time includes).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Nectar's median over anvil's median.</summary>
    public double Ratio => Nectar.Median / Anvil.Median;

    /// <summary>Records one run of each side.</summary>
    /// <param name="nectar">Nectar's wall-clock time for the run.</param>
    /// <param name="anvil">Anvil's wall-clock time for the run.</param>
    public void Add(TimeSpan nectar, TimeSpan anvil)
    {
        Nectar.Add(MGasPerSecond(nectar));
        Anvil.Add(MGasPerSecond(anvil));
    }

    /// <summary>Items per second at a given MGas/s.</summary>
    /// <param name="mgasPerSecond">The throughput.</param>
    /// <returns>Transactions or calls per second.</returns>
    public double ItemsPerSecond(double mgasPerSecond) => mgasPerSecond * 1e6 / GasPerRun * ItemsPerRun;

    private double MGasPerSecond(TimeSpan elapsed) => GasPerRun / elapsed.TotalSeconds / 1e6;
}
