using System.Globalization;
using System.Text;

namespace Nectar.JsonRpc.Server.Metrics;

/// <summary>
/// Writes metric families in the Prometheus text exposition format (version 0.0.4): each family's <c># HELP</c> and
/// <c># TYPE</c> lines once, then its samples. It refuses what would make the text unparsable or ambiguous: an
/// invalid metric or label name, a family declared twice, a sample outside a family or of the wrong kind, a counter
/// whose name does not end in <c>_total</c>, a label named twice. Label values and help texts are escaped.
/// </summary>
/// <remarks>Not thread-safe: one writer per scrape.</remarks>
public sealed class PrometheusWriter
{
    private readonly StringBuilder _text = new(4096);
    private readonly HashSet<string> _families = new(StringComparer.Ordinal);
    private string? _family;
    private MetricType _type;

    /// <summary>Declares a family: writes its <c># HELP</c> and <c># TYPE</c> lines; its samples follow.</summary>
    /// <param name="name">The family's name, e.g. <c>nectar_chain_head_block</c>; base units in the name (<c>_seconds</c>, <c>_bytes</c>).</param>
    /// <param name="help">One line saying what it measures.</param>
    /// <param name="type">Counter, gauge or histogram.</param>
    /// <exception cref="ArgumentException">The name is invalid, already declared, or a counter's name lacks <c>_total</c>.</exception>
    public void WriteFamily(string name, string help, MetricType type)
    {
        ArgumentNullException.ThrowIfNull(help);
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type));
        }

        if (!IsMetricName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid metric name.", nameof(name));
        }

        if (type == MetricType.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Counter '{name}' must end in _total.", nameof(name));
        }

        if (!_families.Add(name))
        {
            throw new ArgumentException($"Metric family '{name}' is declared twice.", nameof(name));
        }

        _family = name;
        _type = type;
        _text.Append("# HELP ").Append(name).Append(' ');
        AppendEscaped(help, escapeQuotes: false);
        _text.Append("\n# TYPE ").Append(name).Append(' ').Append(type switch
        {
            MetricType.Counter => "counter",
            MetricType.Gauge => "gauge",
            _ => "histogram",
        }).Append('\n');
    }

    /// <summary>Writes one sample of the counter or gauge family declared last.</summary>
    /// <param name="value">The value.</param>
    /// <param name="labels">The sample's labels; none for a family of one sample.</param>
    /// <exception cref="InvalidOperationException">No family is declared, or the family declared last is a histogram.</exception>
    /// <exception cref="ArgumentException">A label name is invalid or repeated.</exception>
    public void WriteSample(double value, params ReadOnlySpan<MetricLabel> labels)
    {
        var family = CurrentFamily();
        if (_type == MetricType.Histogram)
        {
            throw new InvalidOperationException($"'{family}' is a histogram: write it with {nameof(WriteHistogram)}.");
        }

        CheckLabels(labels);
        _text.Append(family);
        AppendLabels(labels, le: null);
        _text.Append(' ');
        AppendValue(value);
        _text.Append('\n');
    }

    /// <summary>Writes one histogram of the histogram family declared last: cumulative buckets, sum and count.</summary>
    /// <param name="histogram">The histogram.</param>
    /// <param name="labels">The histogram's labels (never <c>le</c>); none for a family of one histogram.</param>
    /// <exception cref="InvalidOperationException">No family is declared, or the family declared last is not a histogram.</exception>
    /// <exception cref="ArgumentException">A label name is invalid, repeated or <c>le</c>.</exception>
    public void WriteHistogram(MetricHistogram histogram, params ReadOnlySpan<MetricLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var family = CurrentFamily();
        if (_type != MetricType.Histogram)
        {
            throw new InvalidOperationException($"'{family}' is not a histogram.");
        }

        CheckLabels(labels);
        foreach (var label in labels)
        {
            if (label.Name == "le")
            {
                throw new ArgumentException("A histogram's labels cannot include 'le'.", nameof(labels));
            }
        }

        var bounds = histogram.UpperBounds;
        Span<long> counts = stackalloc long[bounds.Length + 1];
        var sum = histogram.Snapshot(counts);
        var cumulative = 0L;
        for (var i = 0; i < bounds.Length; i++)
        {
            cumulative += counts[i];
            AppendHistogramLine(family, "_bucket", labels, bounds[i], cumulative);
        }

        cumulative += counts[bounds.Length];
        AppendHistogramLine(family, "_bucket", labels, double.PositiveInfinity, cumulative);
        _text.Append(family).Append("_sum");
        AppendLabels(labels, le: null);
        _text.Append(' ');
        AppendValue(sum);
        _text.Append('\n');
        AppendHistogramLine(family, "_count", labels, le: null, cumulative);
    }

    /// <summary>Declares a gauge family of one sample and writes it.</summary>
    /// <param name="name">The family's name.</param>
    /// <param name="help">One line saying what it measures.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException">The name is invalid or already declared.</exception>
    public void WriteGauge(string name, string help, double value)
    {
        WriteFamily(name, help, MetricType.Gauge);
        WriteSample(value);
    }

    /// <summary>Declares a counter family of one sample and writes it.</summary>
    /// <param name="name">The family's name, ending in <c>_total</c>.</param>
    /// <param name="help">One line saying what it counts.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException">The name is invalid, already declared, or lacks <c>_total</c>.</exception>
    public void WriteCounter(string name, string help, double value)
    {
        WriteFamily(name, help, MetricType.Counter);
        WriteSample(value);
    }

    /// <summary>The text written so far.</summary>
    /// <returns>The exposition text.</returns>
    public override string ToString() => _text.ToString();

    private static bool IsMetricName(string? name)
    {
        if (string.IsNullOrEmpty(name) || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not ':')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLabelName(string? name)
    {
        if (string.IsNullOrEmpty(name) || char.IsAsciiDigit(name[0]) || name.StartsWith("__", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckLabels(ReadOnlySpan<MetricLabel> labels)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if (!IsLabelName(labels[i].Name))
            {
                throw new ArgumentException($"'{labels[i].Name}' is not a valid label name.", nameof(labels));
            }

            ArgumentNullException.ThrowIfNull(labels[i].Value, nameof(labels));
            for (var j = 0; j < i; j++)
            {
                if (labels[j].Name == labels[i].Name)
                {
                    throw new ArgumentException($"Label '{labels[i].Name}' is given twice.", nameof(labels));
                }
            }
        }
    }

    private string CurrentFamily() =>
        _family ?? throw new InvalidOperationException($"Declare a family with {nameof(WriteFamily)} before its samples.");

    private void AppendHistogramLine(string family, string suffix, ReadOnlySpan<MetricLabel> labels, double? le, long value)
    {
        _text.Append(family).Append(suffix);
        AppendLabels(labels, le);
        _text.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private void AppendLabels(ReadOnlySpan<MetricLabel> labels, double? le)
    {
        if (labels.IsEmpty && le is null)
        {
            return;
        }

        _text.Append('{');
        var first = true;
        foreach (var label in labels)
        {
            if (!first)
            {
                _text.Append(',');
            }

            first = false;
            _text.Append(label.Name).Append("=\"");
            AppendEscaped(label.Value, escapeQuotes: true);
            _text.Append('"');
        }

        if (le is { } bound)
        {
            _text.Append(first ? "le=\"" : ",le=\"");
            AppendValue(bound);
            _text.Append('"');
        }

        _text.Append('}');
    }

    private void AppendValue(double value)
    {
        if (double.IsNaN(value))
        {
            _text.Append("NaN");
        }
        else if (double.IsPositiveInfinity(value))
        {
            _text.Append("+Inf");
        }
        else if (double.IsNegativeInfinity(value))
        {
            _text.Append("-Inf");
        }
        else
        {
            // The shortest text that reads back as the same double: integers below 2^53 print without exponent.
            _text.Append(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Escapes as the format asks: backslash and line feed everywhere, double quotes in label values only.</summary>
    private void AppendEscaped(string value, bool escapeQuotes)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    _text.Append(@"\\");
                    break;
                case '\n':
                    _text.Append(@"\n");
                    break;
                case '"' when escapeQuotes:
                    _text.Append("\\\"");
                    break;
                default:
                    _text.Append(c);
                    break;
            }
        }
    }
}
