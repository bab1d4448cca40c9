using System.Globalization;
using System.Text;

namespace Nectar.JsonRpc.Server.Tests.Support;

/// <summary>
/// A strict reader of the Prometheus text format 0.0.4, independent of the writer it checks: it fails the test on a
/// sample outside a declared family, a family's lines split into two groups, a repeated HELP, TYPE or sample, a TYPE
/// after the family's samples, a bad name, label or value, a negative counter, and a histogram whose buckets are not
/// cumulative or disagree with its count.
/// </summary>
internal sealed class PrometheusText
{
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _samples = new(StringComparer.Ordinal);

    private PrometheusText()
    {
    }

    /// <summary>Every declared family and its type.</summary>
    public IReadOnlyDictionary<string, string> Types => _types;

    /// <summary>Every sample by its series (<c>name{label="value",...}</c>, labels as written; <c>name</c> without labels).</summary>
    public IReadOnlyDictionary<string, double> Samples => _samples;

    public static PrometheusText Parse(string text)
    {
        var parsed = new PrometheusText();
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "the text ends with a line feed");
        var helped = new HashSet<string>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var buckets = new List<(string Series, double Le, double Count)>();
        foreach (var line in text.Split('\n')[..^1])
        {
            Assert.False(line.Length == 0, "no empty lines");
            string family;
            if (line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var rest = line[7..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                Assert.True(space > 0, $"'{line}' names a family and says something");
                family = rest[..space];
                AssertMetricName(family);
                if (line[2] == 'H')
                {
                    Assert.True(helped.Add(family), $"HELP of {family} appears once");
                }
                else
                {
                    var type = rest[(space + 1)..];
                    Assert.Contains(type, new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                    Assert.True(parsed._types.TryAdd(family, type), $"TYPE of {family} appears once");
                }
            }
            else
            {
                Assert.False(line.StartsWith('#'), $"no other comments: '{line}'");
                var (series, name, labels, value) = ParseSample(line);
                family = FamilyOf(parsed, name) ?? throw new Xunit.Sdk.XunitException($"sample '{line}' belongs to no declared family");
                Assert.True(parsed._samples.TryAdd(series, value), $"sample {series} appears once");
                var type = parsed._types[family];
                if (type == "counter" || name.EndsWith("_count", StringComparison.Ordinal) || name.EndsWith("_bucket", StringComparison.Ordinal))
                {
                    Assert.True(value >= 0, $"{series} is not negative");
                }

                if (type == "histogram")
                {
                    CheckHistogramLine(family, name, labels, value, buckets);
                }
            }

            if (current != family)
            {
                if (current is not null)
                {
                    finished.Add(current);
                }

                Assert.False(finished.Contains(family), $"the lines of {family} form one group");
                current = family;
            }
        }

        Assert.Equal(helped.Order(StringComparer.Ordinal), parsed._types.Keys.Order(StringComparer.Ordinal));
        return parsed;
    }

    /// <summary>The value of one series, failing when it is absent.</summary>
    public double Value(string series)
    {
        Assert.True(_samples.TryGetValue(series, out var value), $"series {series} is exported");
        return value;
    }

    private static void CheckHistogramLine(string family, string name, List<(string Name, string Value)> labels, double value, List<(string Series, double Le, double Count)> buckets)
    {
        var others = string.Join(',', labels.Where(l => l.Name != "le").Select(l => $"{l.Name}=\"{l.Value}\""));
        if (name == family + "_bucket")
        {
            var le = labels.Single(l => l.Name == "le").Value;
            var bound = ParseValue(le);
            var previous = buckets.LastOrDefault(b => b.Series == family + others);
            if (previous.Series is not null)
            {
                Assert.True(bound > previous.Le, $"{family}{{{others}}} bounds increase");
                Assert.True(value >= previous.Count, $"{family}{{{others}}} buckets are cumulative");
            }

            buckets.Add((family + others, bound, value));
        }
        else if (name == family + "_count")
        {
            var inf = buckets.LastOrDefault(b => b.Series == family + others);
            Assert.True(inf.Series is not null && double.IsPositiveInfinity(inf.Le), $"{family}{{{others}}} has a +Inf bucket before its count");
            Assert.Equal(inf.Count, value);
        }
        else
        {
            Assert.Equal(family + "_sum", name);
        }
    }

    private static string? FamilyOf(PrometheusText parsed, string name)
    {
        if (parsed._types.ContainsKey(name))
        {
            return parsed._types[name] is "histogram" or "summary" ? null : name;
        }

        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && parsed._types.TryGetValue(name[..^suffix.Length], out var type) && type == "histogram")
            {
                return name[..^suffix.Length];
            }
        }

        return null;
    }

    private static (string Series, string Name, List<(string Name, string Value)> Labels, double Value) ParseSample(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] != '{' && line[i] != ' ')
        {
            i++;
        }

        var name = line[..i];
        AssertMetricName(name);
        var labels = new List<(string Name, string Value)>();
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                var equals = line.IndexOf('=', i);
                var labelName = line[i..equals];
                Assert.Matches("^[a-zA-Z_][a-zA-Z0-9_]*$", labelName);
                Assert.DoesNotContain(labels, l => l.Name == labelName);
                Assert.Equal('"', line[equals + 1]);
                i = equals + 2;
                var value = new StringBuilder();
                while (line[i] != '"')
                {
                    if (line[i] == '\\')
                    {
                        i++;
                        Assert.Contains(line[i], "\\\"n");
                        value.Append(line[i] == 'n' ? '\n' : line[i]);
                    }
                    else
                    {
                        value.Append(line[i]);
                    }

                    i++;
                }

                labels.Add((labelName, value.ToString()));
                i++;
                if (line[i] == ',')
                {
                    i++;
                }
            }

            i++;
        }

        Assert.Equal(' ', line[i]);
        var fields = line[(i + 1)..].Split(' ');
        Assert.InRange(fields.Length, 1, 2);
        return (line[..i], name, labels, ParseValue(fields[0]));
    }

    private static double ParseValue(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new Xunit.Sdk.XunitException($"'{text}' is not a sample value"),
    };

    private static void AssertMetricName(string name) => Assert.Matches("^[a-zA-Z_:][a-zA-Z0-9_:]*$", name);
}
