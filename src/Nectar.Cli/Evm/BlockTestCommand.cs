using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nectar.Conformance.Blockchain;
using Nectar.Crypto.Secp256k1;

namespace Nectar.Cli.Evm;

/// <summary>
/// <c>nectar evm blocktest PATH...</c>: runs Ethereum BlockchainTests files (or folders of them, recursively) and
/// prints one JSON object per test (name, pass, lastBlockHash, error), then <c>N passed, N failed</c>; the exit code
/// is 1 when any test fails.
/// </summary>
public static class BlockTestCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Blockchain-test files or folders (searched recursively for *.json).",
            Arity = ArgumentArity.OneOrMore,
        };
        var run = new Option<string?>("--run") { Description = "Run only tests whose name matches this regular expression." };

        var command = new Command("blocktest", "Run Ethereum blockchain tests and report each test.");
        command.Arguments.Add(paths);
        command.Options.Add(run);
        command.SetAction(parse =>
        {
            var pattern = parse.GetValue(run) is { } text ? new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) : null;
            return Execute(parse.GetValue(paths) ?? [], pattern, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>Runs the selected tests and writes the report.</summary>
    /// <param name="paths">Files or folders.</param>
    /// <param name="namePattern">Selects tests by name, or null for all.</param>
    /// <param name="output">Where the per-test JSON and the summary go.</param>
    /// <param name="error">Where skipped files and timing go.</param>
    /// <returns>0 when every test passed, 1 otherwise.</returns>
    public static int Execute(IReadOnlyList<string> paths, Regex? namePattern, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var stopwatch = Stopwatch.StartNew();
        var tests = Select(paths, namePattern, error);
        using var secp256k1 = new LibSecp256k1();
        var results = new BlockchainTestRunner(secp256k1).RunAll(tests);

        var passed = 0;
        foreach (var result in results)
        {
            output.WriteLine(Format(result));
            passed += result.Pass ? 1 : 0;
        }

        var failed = results.Count - passed;
        output.WriteLine($"{passed} passed, {failed} failed");
        error.WriteLine($"{results.Count} tests in {stopwatch.Elapsed.TotalSeconds:F1} s");
        return failed == 0 ? 0 : 1;
    }

    private static List<BlockchainTest> Select(IReadOnlyList<string> paths, Regex? namePattern, TextWriter error)
    {
        var files = FixtureFiles.Expand(paths, error);

        var tests = new List<BlockchainTest>();
        foreach (var file in files)
        {
            try
            {
                tests.AddRange(BlockchainTestParser.ParseFile(file).Where(test => namePattern is null || namePattern.IsMatch(test.Name)));
            }
            catch (Exception exception) when (exception is InvalidDataException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                error.WriteLine($"Skipped {file}: {exception.Message}");
            }
        }

        return tests;
    }

    private static string Format(BlockchainTestResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("name", result.Test.Name);
            json.WriteBoolean("pass", result.Pass);
            json.WriteString("lastBlockHash", result.LastBlockHash.ToString());
            if (result.Error is { } message && !result.Pass)
            {
                json.WriteString("error", message);
            }
            else
            {
                json.WriteNull("error");
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
