using System.Text.Json;
using Nectar.Tests;

namespace Nectar.Conformance.Tests.TransactionTests;

/// <summary>
/// src/Nectar.Conformance/ExpectedFailures.json: case name → reason, shared by every conformance runner. Entries
/// are one per line and sorted by name (ordinal), so that concurrent additions merge cleanly.
/// </summary>
internal static class ExpectedFailures
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Entries = new(Read);

    public static string Path => System.IO.Path.Combine(Fixtures.RepositoryRoot, "src", "Nectar.Conformance", "ExpectedFailures.json");

    public static IReadOnlyDictionary<string, string> Load() => Entries.Value;

    private static IReadOnlyDictionary<string, string> Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path));
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            entries.Add(property.Name, property.Value.GetString() ?? throw new InvalidDataException($"{property.Name} has no reason."));
        }

        return entries;
    }
}
