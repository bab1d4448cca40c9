using System.Text;
using Nectar.Benchmarks.VsAnvil;
using Nectar.Benchmarks.VsAnvil.Reporting;

// Progress goes to stderr, the report to stdout, so `run.sh > result.txt` keeps only the report.
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

try
{
    using var runner = new BenchmarkRunner(options, Console.Error);
    if (options.ProfileWorkload is { } workload)
    {
        runner.Profile(workload, Console.Out);
        return 0;
    }

    var report = runner.Run();
    ReportWriter.WriteTable(report, Console.Out);
    var json = ReportWriter.ToJson(report);
    Console.WriteLine();
    Console.WriteLine("JSON summary:");
    Console.WriteLine(Encoding.UTF8.GetString(json));
    if (options.JsonPath is { } path)
    {
        File.WriteAllBytes(path, json);
    }

    return 0;
}
catch (Exception e) when (e is InvalidOperationException or ArgumentException)
{
    Console.Error.WriteLine($"FAILED: {e.Message}");
    return 1;
}
