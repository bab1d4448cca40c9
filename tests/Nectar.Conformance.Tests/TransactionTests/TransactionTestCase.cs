using System.Collections.Concurrent;
using System.Text.Json;
using Nectar.Tests;

namespace Nectar.Conformance.Tests.TransactionTests;

/// <summary>One (file, test, fork) case of the ethereum/tests TransactionTests and its expected result.</summary>
internal sealed record TransactionTestCase(string File, string Test, string Fork, string TxBytes, TransactionTestExpectation Expected)
{
    private static readonly ConcurrentDictionary<string, JsonDocument> Documents = new(StringComparer.Ordinal);

    /// <summary>The fixtures folder.</summary>
    public static string Root => Fixtures.Shared("ethereum-tests", "TransactionTests");

    /// <summary>The case's name in ExpectedFailures.json.</summary>
    public string Name => NameOf(File, Test, Fork);

    public static string NameOf(string file, string test, string fork) => $"TransactionTests/{file}::{test}::{fork}";

    /// <summary>Every (file, test, fork) triple, files in ordinal order.</summary>
    public static IEnumerable<(string File, string Test, string Fork)> Enumerate()
    {
        foreach (var path in Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(Root, path).Replace('\\', '/');
            foreach (var test in Load(file).RootElement.EnumerateObject())
            {
                foreach (var fork in test.Value.GetProperty("result").EnumerateObject())
                {
                    yield return (file, test.Name, fork.Name);
                }
            }
        }
    }

    public static TransactionTestCase Get(string file, string test, string fork)
    {
        var element = Load(file).RootElement.GetProperty(test);
        var result = element.GetProperty("result").GetProperty(fork);
        var expected = result.TryGetProperty("exception", out var exception)
            ? new TransactionTestExpectation(exception.GetString()!, null, null, Optional(result, "intrinsicGas"))
            : new TransactionTestExpectation(null, result.GetProperty("hash").GetString()!, result.GetProperty("sender").GetString()!, Optional(result, "intrinsicGas"));
        return new TransactionTestCase(file, test, fork, element.GetProperty("txbytes").GetString()!, expected);
    }

    private static string? Optional(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static JsonDocument Load(string file) =>
        Documents.GetOrAdd(file, f => JsonDocument.Parse(System.IO.File.ReadAllBytes(Path.Combine(Root, f))));
}
