using System.Globalization;
using System.Text.Json;
using Nectar.Benchmarks.Load.Measurement;

namespace Nectar.Benchmarks.Load.Reporting;

/// <summary>Writes a run's report: a table with one column per target and the ratio, and a JSON summary.</summary>
internal static class ReportWriter
{
    /// <summary>The sustained throughput Nectar aims at on a 2-core machine, transfers per second.</summary>
    public const double ThroughputTarget = 5_000;

    /// <summary>The median receipt latency Nectar aims at, at 1,000 tx/s offered, in milliseconds.</summary>
    public const double P50Target = 50;

    /// <summary>The 99th percentile Nectar aims at, in milliseconds.</summary>
    public const double P99Target = 250;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the table.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteTable(LoadReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var targets = report.Targets;
        output.WriteLine(string.Create(Invariant, $"ERC-20 transfer load, {report.StartedAt:yyyy-MM-dd HH:mm} UTC: {report.Workload}"));
        output.WriteLine(string.Create(Invariant, $"Transport: {report.Transport}"));
        output.WriteLine(string.Create(Invariant, $"Machine: {report.Cores} logical cores; load average (1/5/15 min) {report.LoadAtStart?.ToString() ?? "n/a"} at the start, {report.LoadAtEnd?.ToString() ?? "n/a"} at the end"));
        foreach (var target in targets)
        {
            output.WriteLine(string.Create(Invariant, $"{target.Name}: {target.Mode}; chain id {target.ChainId}; setup {target.SetupSeconds:0.0} s (not measured)"));
        }

        output.WriteLine();
        var ratio = targets.Count == 2;
        var header = new List<string> { string.Empty };
        header.AddRange(targets.Select(t => t.Name));
        if (ratio)
        {
            header.Add($"{targets[0].Name}/{targets[1].Name}");
        }

        var rows = new List<string[]> { header.ToArray() };
        var a = targets.Select(t => t.Throughput).ToList();
        if (a.Any(r => r is not null))
        {
            var first = a.First(r => r is not null)!;
            rows.Add([string.Create(Invariant, $"Phase A: sustained load, {report.InFlight} in flight per sender, {first.WindowSeconds:0} s window")]);
            rows.Add(Row("  included tx/s (receipt available)", a, r => r.IncludedPerSecond, "N0", ratio));
            rows.Add(Row("  accepted tx/s (eth_sendRawTransaction)", a, r => r.AcceptedPerSecond, "N0", ratio));
            rows.Add(Row("  blocks/s", a, r => r.Blocks.BlocksPerSecond, "N1", ratio));
            rows.Add(Row("  transactions per block, mean", a, r => r.Blocks.MeanTransactions, "N1", ratio));
            rows.Add(Row("  transactions per block, max", a, r => r.Blocks.MaxTransactions, "N0", false));
            rows.Add(Row("  MGas/s", a, r => r.Blocks.GasPerSecond / 1e6, "N1", ratio));
            rows.Add(Row("  base fee, highest, gwei", a, r => r.Blocks.MaxBaseFeeGwei, "G4", false));
            rows.Add(Row("  request round trip, mean ms", a, r => r.MeanRequestMilliseconds, "N2", ratio));
            rows.Add(Row("  sent in window", a, r => r.Sent, "N0", false));
            rows.Add(Row("  errors", a, r => r.Errors.Sum(e => e.Value), "N0", false));
            rows.Add(Row("  resent after a stall", a, r => r.Resent, "N0", false));
            rows.Add(Row("  automine stalls ended with evm_mine", a, r => r.StallNudges, "N0", false));
            rows.Add(Row("  senders out of signed transfers", a, r => r.ExhaustedSenders, "N0", false));
            rows.Add(Row("  drain after the window, s", a, r => r.DrainSeconds, "N1", false));
            rows.Add(Row("  not included after the drain", a, r => r.NotIncluded, "N0", false));
            rows.Add(Text("  receipts sampled: status 1 / checked", a, r => $"{r.Receipts.Succeeded}/{r.Receipts.Checked}"));
        }

        var b = targets.Select(t => t.Latency).ToList();
        if (b.Any(r => r is not null))
        {
            var first = b.First(r => r is not null)!;
            rows.Add([string.Create(Invariant, $"Phase B: {first.OfferedRate:N0} tx/s offered, open loop, {first.DurationSeconds:0} s")]);
            rows.Add(Row("  achieved send rate, tx/s", b, r => r.AchievedRate, "N0", false));
            rows.Add(Row("  pacing lag p99, ms", b, r => r.PacingLag?.P99, "N2", false));
            rows.Add(Row("  latency measured (count)", b, r => r.Latency?.Count, "N0", false));
            rows.Add(Row("  latency p50, ms", b, r => r.Latency?.P50, "N1", ratio));
            rows.Add(Row("  latency p90, ms", b, r => r.Latency?.P90, "N1", ratio));
            rows.Add(Row("  latency p99, ms", b, r => r.Latency?.P99, "N1", ratio));
            rows.Add(Row("  latency max, ms", b, r => r.Latency?.Max, "N1", ratio));
            rows.Add(Row("  blocks/s", b, r => r.Blocks.BlocksPerSecond, "N1", ratio));
            rows.Add(Row("  transactions per block, mean", b, r => r.Blocks.MeanTransactions, "N1", ratio));
            rows.Add(Row("  base fee, highest, gwei", b, r => r.Blocks.MaxBaseFeeGwei, "G4", false));
            rows.Add(Row("  not included after the drain", b, r => r.NotIncluded, "N0", false));
            rows.Add(Row("  skipped (client backlog bound)", b, r => r.SkippedBacklog, "N0", false));
            rows.Add(Row("  automine stalls ended with evm_mine", b, r => r.StallNudges, "N0", false));
            rows.Add(Row("  errors", b, r => r.Errors.Sum(e => e.Value), "N0", false));
            rows.Add(Text("  receipts sampled: status 1 / checked", b, r => $"{r.Receipts.Succeeded}/{r.Receipts.Checked}"));
        }

        WriteAligned(rows, output);
        output.WriteLine();
        output.WriteLine(string.Create(Invariant, $"Targets (reported, not enforced): >= {ThroughputTarget:N0} tx/s sustained; p50 < {P50Target:0} ms and p99 < {P99Target:0} ms at 1,000 tx/s."));
        foreach (var target in targets)
        {
            output.WriteLine(string.Create(Invariant, $"  {target.Name}: {Verdict(target)}"));
        }

        foreach (var target in targets)
        {
            var highest = Math.Max(target.Throughput?.Blocks.MaxBaseFeeGwei ?? 0, target.Latency?.Blocks.MaxBaseFeeGwei ?? 0);
            if (highest >= report.FeeCapGwei / 2.0)
            {
                // Full blocks raise the base fee 12.5 % each; past the cap no transfer of the run can be included.
                output.WriteLine(string.Create(
                    Invariant,
                    $"WARNING {target.Name}: the base fee reached {highest:G4} gwei against the fee cap of {report.FeeCapGwei} gwei; transfers were or were about to be priced out, so the tail of the figures measures the fee market, not the node."));
            }
        }

        foreach (var target in targets)
        {
            WriteErrors(output, target.Name, "phase A", target.Throughput?.Errors);
            WriteErrors(output, target.Name, "phase B", target.Latency?.Errors);
            if (target.Throughput?.Receipts.FirstProblem is { } problemA)
            {
                output.WriteLine(string.Create(Invariant, $"{target.Name} phase A receipt problem: {problemA}"));
            }

            if (target.Latency?.Receipts.FirstProblem is { } problemB)
            {
                output.WriteLine(string.Create(Invariant, $"{target.Name} phase B receipt problem: {problemB}"));
            }

            if (target.Failure is { } failure)
            {
                output.WriteLine(string.Create(Invariant, $"{target.Name} FAILED: {failure}"));
            }
        }
    }

    /// <summary>The JSON summary.</summary>
    /// <param name="report">The report.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] ToJson(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("startedAt", report.StartedAt);
            json.WriteString("workload", report.Workload);
            json.WriteString("transport", report.Transport);
            json.WriteNumber("senders", report.Senders);
            json.WriteNumber("inFlightPerSender", report.InFlight);
            json.WriteNumber("batch", report.Batch);
            json.WriteNumber("feeCapGwei", report.FeeCapGwei);
            json.WriteNumber("cores", report.Cores);
            json.WriteString("loadAverageAtStart", report.LoadAtStart?.ToString());
            json.WriteString("loadAverageAtEnd", report.LoadAtEnd?.ToString());
            json.WriteStartObject("targets");
            foreach (var target in report.Targets)
            {
                json.WriteStartObject(target.Name);
                json.WriteString("mode", target.Mode);
                json.WriteNumber("chainId", target.ChainId);
                json.WriteNumber("setupSeconds", Math.Round(target.SetupSeconds, 1));
                if (target.Throughput is { } a)
                {
                    json.WriteStartObject("throughput");
                    json.WriteNumber("windowSeconds", Math.Round(a.WindowSeconds, 3));
                    json.WriteNumber("includedPerSecond", Math.Round(a.IncludedPerSecond, 1));
                    json.WriteNumber("acceptedPerSecond", Math.Round(a.AcceptedPerSecond, 1));
                    json.WriteNumber("included", a.Included);
                    json.WriteNumber("accepted", a.Accepted);
                    json.WriteNumber("sent", a.Sent);
                    json.WriteNumber("requests", a.Requests);
                    json.WriteNumber("meanRequestMilliseconds", Math.Round(a.MeanRequestMilliseconds, 3));
                    json.WriteNumber("resent", a.Resent);
                    json.WriteNumber("exhaustedSenders", a.ExhaustedSenders);
                    json.WriteNumber("stallNudges", a.StallNudges);
                    WriteBlocks(json, a.Blocks);
                    json.WriteNumber("drainSeconds", Math.Round(a.DrainSeconds, 2));
                    json.WriteNumber("notIncluded", a.NotIncluded);
                    WriteReceipts(json, a.Receipts);
                    WriteErrors(json, a.Errors);
                    json.WriteEndObject();
                }

                if (target.Latency is { } b)
                {
                    json.WriteStartObject("latency");
                    json.WriteNumber("offeredRate", b.OfferedRate);
                    json.WriteNumber("durationSeconds", b.DurationSeconds);
                    json.WriteNumber("sent", b.Sent);
                    json.WriteNumber("achievedRate", Math.Round(b.AchievedRate, 1));
                    WriteSummary(json, "pacingLagMilliseconds", b.PacingLag);
                    WriteSummary(json, "latencyMilliseconds", b.Latency);
                    json.WriteNumber("notIncluded", b.NotIncluded);
                    json.WriteNumber("skippedBacklog", b.SkippedBacklog);
                    json.WriteNumber("stallNudges", b.StallNudges);
                    WriteBlocks(json, b.Blocks);
                    WriteReceipts(json, b.Receipts);
                    WriteErrors(json, b.Errors);
                    json.WriteEndObject();
                }

                json.WriteString("failure", target.Failure);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Verdict(TargetReport target)
    {
        var parts = new List<string>();
        if (target.Throughput is { } a)
        {
            parts.Add(string.Create(Invariant, $"{a.IncludedPerSecond:N0} tx/s {(a.IncludedPerSecond >= ThroughputTarget ? "meets" : "misses")} the throughput target"));
        }

        if (target.Latency?.Latency is { } l)
        {
            parts.Add(string.Create(Invariant, $"p50 {l.P50:0.0} ms {(l.P50 < P50Target ? "meets" : "misses")}, p99 {l.P99:0.0} ms {(l.P99 < P99Target ? "meets" : "misses")}"));
        }

        return parts.Count > 0 ? string.Join("; ", parts) : "no figures";
    }

    private static string[] Row<T>(string label, List<T?> results, Func<T, double?> value, string format, bool withRatio)
        where T : class
    {
        var cells = new List<string> { label };
        var values = results.Select(r => r is null ? null : value(r)).ToList();
        cells.AddRange(values.Select(v => v is { } x ? x.ToString(format, Invariant) : "-"));
        if (withRatio && values[0] is { } left && values[1] is { } right && right != 0)
        {
            var quotient = left / right;
            cells.Add(quotient.ToString(quotient >= 0.1 ? "0.00" : "G2", Invariant) + "x");
        }

        return [.. cells];
    }

    private static string[] Text<T>(string label, List<T?> results, Func<T, string> value)
        where T : class
    {
        var cells = new List<string> { label };
        cells.AddRange(results.Select(r => r is null ? "-" : value(r)));
        return [.. cells];
    }

    private static void WriteAligned(List<string[]> rows, TextWriter output)
    {
        var columns = rows.Max(r => r.Length);
        var widths = new int[columns];
        foreach (var row in rows.Where(r => r.Length > 1))
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        foreach (var row in rows)
        {
            if (row.Length == 1)
            {
                output.WriteLine(row[0]);
                continue;
            }

            var line = row[0].PadRight(widths[0]);
            for (var c = 1; c < row.Length; c++)
            {
                line += "  " + row[c].PadLeft(widths[c]);
            }

            output.WriteLine(line.TrimEnd());
        }
    }

    private static void WriteErrors(TextWriter output, string target, string phase, IReadOnlyList<KeyValuePair<string, long>>? errors)
    {
        if (errors is null || errors.Count == 0)
        {
            return;
        }

        output.WriteLine(string.Create(Invariant, $"{target} {phase} errors by kind:"));
        foreach (var (kind, count) in errors)
        {
            output.WriteLine(string.Create(Invariant, $"  {count,10:N0}  {kind}"));
        }
    }

    private static void WriteBlocks(Utf8JsonWriter json, BlockStats blocks)
    {
        json.WriteStartObject("blocks");
        json.WriteNumber("count", blocks.Count);
        json.WriteNumber("perSecond", Math.Round(blocks.BlocksPerSecond, 2));
        json.WriteNumber("meanTransactions", Math.Round(blocks.MeanTransactions, 2));
        json.WriteNumber("maxTransactions", blocks.MaxTransactions);
        json.WriteNumber("gasPerSecond", Math.Round(blocks.GasPerSecond));
        json.WriteNumber("lastBaseFeeGwei", blocks.LastBaseFeeGwei);
        json.WriteNumber("maxBaseFeeGwei", blocks.MaxBaseFeeGwei);
        json.WriteEndObject();
    }

    private static void WriteReceipts(Utf8JsonWriter json, ReceiptCheck receipts)
    {
        json.WriteStartObject("receiptSample");
        json.WriteNumber("checked", receipts.Checked);
        json.WriteNumber("status1", receipts.Succeeded);
        json.WriteString("firstProblem", receipts.FirstProblem);
        json.WriteEndObject();
    }

    private static void WriteErrors(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, long>> errors)
    {
        json.WriteStartObject("errors");
        foreach (var (kind, count) in errors)
        {
            json.WriteNumber(kind, count);
        }

        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, string name, LatencySummary? summary)
    {
        if (summary is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("count", summary.Count);
        json.WriteNumber("p50", Math.Round(summary.P50, 3));
        json.WriteNumber("p90", Math.Round(summary.P90, 3));
        json.WriteNumber("p99", Math.Round(summary.P99, 3));
        json.WriteNumber("max", Math.Round(summary.Max, 3));
        json.WriteNumber("mean", Math.Round(summary.Mean, 3));
        json.WriteEndObject();
    }
}
