using System.Text.Json;

namespace Nectar.Conformance.Tests.TransactionTests;

public sealed class ExpectedFailuresFileTests
{
    [Fact]
    public void Is_a_json_object_of_reasons_one_entry_per_line_sorted_by_name()
    {
        var lines = File.ReadAllLines(ExpectedFailures.Path);
        Assert.Equal("{", lines[0]);
        Assert.Equal("}", lines[^1]);

        var names = new List<string>();
        foreach (var line in lines[1..^1])
        {
            // Each line is one complete "name": "reason" member.
            using var member = JsonDocument.Parse("{" + line.TrimEnd(',') + "}");
            var property = Assert.Single(member.RootElement.EnumerateObject());
            Assert.Equal(JsonValueKind.String, property.Value.ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(property.Value.GetString()), $"{property.Name} needs a reason");
            names.Add(property.Name);
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(names.Count, ExpectedFailures.Load().Count);
    }
}
