using System.Text;
using Nectar.Benchmarks.Load;
using Nectar.Benchmarks.Load.Reporting;

// Progress goes to stderr, the report to stdout, so `run.sh > result.txt` keeps only the report.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

// The repository root: the program runs from benchmarks/load/bin/<configuration>/net10.0.
var root = Environment.GetEnvironmentVariable("NECTAR_ROOT")
    ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Let the runner stop the node and report; a second Ctrl+C ends the process at once.
    if (!cancel.IsCancellationRequested)
    {
        e.Cancel = true;
        cancel.Cancel();
    }
};

using var runner = new LoadRunner(options, Console.Error, root);
LoadReport report;
try
{
    report = await runner.RunAsync(cancel.Token);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}

ReportWriter.WriteTable(report, Console.Out);
var json = ReportWriter.ToJson(report);
Console.WriteLine();
Console.WriteLine("JSON summary:");
Console.WriteLine(Encoding.UTF8.GetString(json));
if (options.JsonPath is { } path)
{
    File.WriteAllBytes(path, json);
}

return report.Targets.All(t => t.Failure is null) ? 0 : 1;
