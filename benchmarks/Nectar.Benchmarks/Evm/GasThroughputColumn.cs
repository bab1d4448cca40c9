using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Nectar.Benchmarks.Evm;

/// <summary>An "MGas/s" column: the gas an invocation uses (measured once in the host) over its mean time.</summary>
public sealed class GasThroughputColumn : IColumn
{
    private static readonly ConcurrentDictionary<(string, int), long> Gas = new();

    public string Id => nameof(GasThroughputColumn);

    public string ColumnName => "MGas/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Gas per invocation over the mean time, in millions of gas per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        var iterations = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Iterations")?.Value;
        if (statistics is null || iterations is not int count || statistics.Mean <= 0)
        {
            return "-";
        }

        var workload = benchmarkCase.Descriptor.WorkloadMethod.Name;
        var gas = Gas.GetOrAdd((workload, count), key => InterpreterBenchmarks.GasOf(key.Item1, key.Item2));
        return (gas / (statistics.Mean / 1e9) / 1e6).ToString("N0", CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    /// <summary>Adds the column: <c>[Config(typeof(GasThroughputColumn.Config))]</c>.</summary>
    public sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new GasThroughputColumn());
    }
}
