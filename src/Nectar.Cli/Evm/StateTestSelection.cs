using Nectar.Conformance.StateTests;

namespace Nectar.Cli.Evm;

/// <summary>Finds the files, parses them (in parallel) and selects the cases to run, in a stable order.</summary>
internal static class StateTestSelection
{
    public static List<StateTestCase> Select(StateTestRunOptions options, TextWriter error)
    {
        var files = FixtureFiles.Expand(options.Paths, error);

        var parsed = new IReadOnlyList<StateTest>[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            try
            {
                parsed[i] = StateTestParser.ParseFile(files[i]);
            }
            catch (Exception exception) when (exception is InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                lock (error)
                {
                    error.WriteLine($"Skipped {files[i]}: {exception.Message}");
                }

                parsed[i] = [];
            }
        });

        var cases = new List<StateTestCase>();
        foreach (var tests in parsed)
        {
            foreach (var test in tests)
            {
                if (options.NamePattern is { } pattern && !pattern.IsMatch(test.Name))
                {
                    continue;
                }

                foreach (var testCase in test.Cases)
                {
                    var selected = options.Fork is { } fork
                        ? string.Equals(fork, testCase.Fork, StringComparison.OrdinalIgnoreCase)
                        : StateTestRunner.IsSupported(testCase.Fork);
                    if (selected)
                    {
                        cases.Add(testCase);
                    }
                }
            }
        }

        return cases;
    }
}
