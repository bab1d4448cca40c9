using System.CommandLine;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Nectar.Conformance.StateTests;
using Nectar.Crypto.Secp256k1;
using Nectar.Evm.Tracing;

namespace Nectar.Cli.Evm;

/// <summary>
/// <c>nectar evm statetest PATH...</c>: runs Ethereum GeneralStateTests files (or folders of them, recursively) and
/// prints one JSON object per case, then <c>N passed, N failed</c>; the exit code is 1 when any case fails.
/// </summary>
public static class StateTestCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "State-test files or folders (searched recursively for *.json).",
            Arity = ArgumentArity.OneOrMore,
        };
        var fork = new Option<string?>("--fork") { Description = "Run only this fork (default: every fork a file has that Nectar supports)." };
        var run = new Option<string?>("--run") { Description = "Run only tests whose name matches this regular expression." };
        var trace = new Option<bool>("--trace") { Description = "Print the struct-log trace of the selected cases to stderr." };

        var command = new Command("statetest", "Run Ethereum state tests and report each case.");
        command.Arguments.Add(paths);
        command.Options.Add(fork);
        command.Options.Add(run);
        command.Options.Add(trace);
        command.SetAction(parse =>
        {
            var options = new StateTestRunOptions
            {
                Paths = parse.GetValue(paths) ?? [],
                Fork = parse.GetValue(fork),
                NamePattern = parse.GetValue(run) is { } pattern ? new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) : null,
                Trace = parse.GetValue(trace),
            };
            return Execute(options, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>Runs the selected cases and writes the report.</summary>
    /// <param name="options">What to run.</param>
    /// <param name="output">Where the per-case JSON and the summary go.</param>
    /// <param name="error">Where traces and timing go.</param>
    /// <returns>0 when every case passed, 1 otherwise.</returns>
    public static int Execute(StateTestRunOptions options, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var stopwatch = Stopwatch.StartNew();
        var cases = StateTestSelection.Select(options, error);
        using var secp256k1 = new LibSecp256k1();
        var runner = new StateTestRunner(secp256k1);
        var tracers = options.Trace ? new StructLogTracer?[cases.Count] : null;
        var indexes = new Dictionary<StateTestCase, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < cases.Count; i++)
        {
            indexes[cases[i]] = i;
        }

        var results = runner.RunAll(cases, tracers is null ? null : c => tracers[indexes[c]] = new StructLogTracer(new StructLogOptions { EnableReturnData = false }));

        var passed = 0;
        for (var i = 0; i < results.Count; i++)
        {
            if (tracers?[i] is { } tracer)
            {
                TraceWriter.Write(error, tracer, results[i]);
            }

            output.WriteLine(ResultWriter.Format(results[i]));
            passed += results[i].Pass ? 1 : 0;
        }

        var failed = results.Count - passed;
        output.WriteLine($"{passed} passed, {failed} failed");
        error.WriteLine($"{results.Count} cases in {stopwatch.Elapsed.TotalSeconds:F1} s");
        return failed == 0 ? 0 : 1;
    }
}
