using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Nectar.Benchmarks.Chain;

/// <summary>
/// Transfers per second and MGas/s from the mean time per transfer. The gas of the workload block is measured once
/// in the reporting process by building the block, so the figure follows the contract and the fork exactly.
/// </summary>
public static class BlockThroughputColumns
{
    private static readonly Lazy<double> GasPerTransfer = new(() =>
    {
        var fixture = new Erc20Block();
        var built = fixture.Build(fixture.Parent, fixture.TransferTransactions);
        return (double)built.Block.Header.GasUsed / Erc20Block.Transfers;
    });

    /// <summary>Adds both columns: <c>[Config(typeof(BlockThroughputColumns.Config))]</c>.</summary>
    public sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new Column("transfers/s", "Transfers per second (1 s / Mean per transfer)", static meanNs => 1e9 / meanNs));
            AddColumn(new Column("MGas/s", "Million gas per second (gas per transfer / Mean per transfer)", static meanNs => GasPerTransfer.Value / meanNs * 1e3));
            AddColumn(new Column("gas/transfer", "Gas used per transfer, from the block's header", static _ => GasPerTransfer.Value));
        }
    }

    private sealed class Column(string name, string legend, Func<double, double> fromMean) : IColumn
    {
        public string Id => "BlockThroughput." + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            return statistics is null || statistics.Mean <= 0 ? "-" : fromMean(statistics.Mean).ToString("N0", CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
