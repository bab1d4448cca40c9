using System.Globalization;
using System.Text;
using System.Text.Json;
using Nectar.Benchmarks.Shared;
using Nectar.Benchmarks.VsAnvil.Measurement;

namespace Nectar.Benchmarks.VsAnvil.Reporting;

/// <summary>Prints the report as a table for people and as one JSON document for tools.</summary>
internal static class ReportWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the table and the notes.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteTable(BenchmarkReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Nectar vs {report.AnvilVersion}: fork {report.Fork}, chain id {report.ChainId}");
        output.WriteLine($"{report.Runtime}, {report.Os}, {report.Cores} cores; load average before {report.LoadBefore?.ToString() ?? "n/a"}, after {report.LoadAfter?.ToString() ?? "n/a"}");
        output.WriteLine($"{report.Warmup} warm-up runs discarded, {report.Runs} measured runs per workload, interleaved; median (min-max) per side");
        output.WriteLine($"anvil {string.Join(' ', report.AnvilArguments)}");
        output.WriteLine();

        var rows = new List<string[]> { new[] { "workload", "gas/run", "Nectar MGas/s", "anvil MGas/s", "ratio" } };
        foreach (var workload in report.Workloads)
        {
            rows.Add([workload.Name, workload.GasPerRun.ToString("N0", Invariant), Spread(workload.Nectar), Spread(workload.Anvil), Ratio(workload.Ratio)]);
        }

        WriteColumns(output, rows);
        output.WriteLine();
        foreach (var workload in report.Workloads)
        {
            output.WriteLine($"{workload.Name}: {workload.Description}");
            output.WriteLine(string.Create(Invariant,
                $"  {workload.ItemName}/s: Nectar {workload.ItemsPerSecond(workload.Nectar.Median):N0}, anvil {workload.ItemsPerSecond(workload.Anvil.Median):N0}"));
            foreach (var note in workload.Notes)
            {
                output.WriteLine($"  {note}");
            }
        }

        if (report.BlockPhases is { } phases)
        {
            output.WriteLine(string.Create(Invariant,
                $"Nectar's ERC-20 block by phase (median ms): execution {phases.Execution.Median:0.0}, transactions root {phases.TransactionsRoot.Median:0.0}, receipts root {phases.ReceiptsRoot.Median:0.0}, state commit {phases.StateCommit.Median:0.0}, total {phases.Total.Median:0.0}"));
        }

        if (report.RoundTrips is { } trips)
        {
            output.WriteLine(string.Create(Invariant,
                $"anvil round trips (µs): eth_chainId {trips.ChainId.Median:0} ({trips.ChainId.Min:0}-{trips.ChainId.Max:0}), eth_call of KeccakLoop.run(0) {trips.EmptyCall.Median:0} ({trips.EmptyCall.Min:0}-{trips.EmptyCall.Max:0})"));
        }

        output.WriteLine();
        var below = report.Workloads.Where(w => w.Ratio < BenchmarkReport.TargetRatio).Select(w => w.Name).ToList();
        output.WriteLine(below.Count == 0
            ? $"Target met: Nectar is at least {BenchmarkReport.TargetRatio:0.0}x anvil on every workload."
            : $"Target NOT met: Nectar is below {BenchmarkReport.TargetRatio:0.0}x anvil on {string.Join(", ", below)}.");
    }

    /// <summary>Serialises the report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Indented UTF-8 JSON.</returns>
    public static byte[] ToJson(BenchmarkReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("anvil");
            json.WriteString("version", report.AnvilVersion);
            json.WriteStartArray("arguments");
            foreach (var argument in report.AnvilArguments)
            {
                json.WriteStringValue(argument);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("runtime", report.Runtime);
            json.WriteString("os", report.Os);
            json.WriteNumber("cores", report.Cores);
            json.WriteString("fork", report.Fork);
            json.WriteNumber("chainId", report.ChainId);
            json.WriteNumber("warmupRuns", report.Warmup);
            json.WriteNumber("measuredRuns", report.Runs);
            WriteLoad(json, "loadAverageBefore", report.LoadBefore);
            WriteLoad(json, "loadAverageAfter", report.LoadAfter);
            json.WriteStartArray("workloads");
            foreach (var workload in report.Workloads)
            {
                json.WriteStartObject();
                json.WriteString("name", workload.Name);
                json.WriteString("description", workload.Description);
                json.WriteNumber("gasPerRun", workload.GasPerRun);
                json.WriteNumber("itemsPerRun", workload.ItemsPerRun);
                json.WriteString("item", workload.ItemName);
                WriteSide(json, "nectar", workload, workload.Nectar);
                WriteSide(json, "anvil", workload, workload.Anvil);
                json.WriteNumber("ratio", Math.Round(workload.Ratio, 3));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (report.BlockPhases is { } phases)
            {
                json.WriteStartObject("nectarBlockPhasesMs");
                WriteSamples(json, "execution", phases.Execution);
                WriteSamples(json, "transactionsRoot", phases.TransactionsRoot);
                WriteSamples(json, "receiptsRoot", phases.ReceiptsRoot);
                WriteSamples(json, "stateCommit", phases.StateCommit);
                WriteSamples(json, "total", phases.Total);
                json.WriteEndObject();
            }

            if (report.RoundTrips is { } trips)
            {
                json.WriteStartObject("anvilRoundTripMicroseconds");
                WriteSamples(json, "ethChainId", trips.ChainId, includeRuns: false);
                WriteSamples(json, "emptyEthCall", trips.EmptyCall, includeRuns: false);
                json.WriteEndObject();
            }

            json.WriteNumber("targetRatio", BenchmarkReport.TargetRatio);
            json.WriteBoolean("targetMet", report.MeetsTarget);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteSide(Utf8JsonWriter json, string name, WorkloadResult workload, Samples mgas)
    {
        json.WriteStartObject(name);
        WriteSamples(json, "mgasPerSecond", mgas);
        json.WriteNumber("itemsPerSecond", Math.Round(workload.ItemsPerSecond(mgas.Median), 0));
        json.WriteEndObject();
    }

    private static void WriteSamples(Utf8JsonWriter json, string name, Samples samples, bool includeRuns = true)
    {
        json.WriteStartObject(name);
        json.WriteNumber("median", Math.Round(samples.Median, 2));
        json.WriteNumber("min", Math.Round(samples.Min, 2));
        json.WriteNumber("max", Math.Round(samples.Max, 2));
        if (includeRuns)
        {
            json.WriteStartArray("runs");
            foreach (var value in samples.Values)
            {
                json.WriteNumberValue(Math.Round(value, 2));
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteLoad(Utf8JsonWriter json, string name, LoadAverage? load)
    {
        if (load is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartArray(name);
        json.WriteNumberValue(load.OneMinute);
        json.WriteNumberValue(load.FiveMinutes);
        json.WriteNumberValue(load.FifteenMinutes);
        json.WriteEndArray();
    }

    private static string Spread(Samples samples) =>
        string.Create(Invariant, $"{samples.Median:N1} ({samples.Min:N1}-{samples.Max:N1})");

    private static string Ratio(double ratio) => string.Create(Invariant, $"{ratio:0.00}x");

    private static void WriteColumns(TextWriter output, List<string[]> rows)
    {
        var widths = new int[rows[0].Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var i = 0; i < row.Length; i++)
            {
                // Names left-aligned, figures right-aligned.
                line.Append(i == 0 ? row[i].PadRight(widths[i]) : row[i].PadLeft(widths[i]));
                line.Append(i + 1 < row.Length ? "   " : string.Empty);
            }

            output.WriteLine(line.ToString().TrimEnd());
        }
    }
}
