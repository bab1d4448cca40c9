namespace Nectar.Benchmarks.VsAnvil.Measurement;

/// <summary>The measured values of one quantity over several runs, with the median and the spread.</summary>
internal sealed class Samples
{
    private readonly List<double> _values = [];

    /// <summary>The values in the order they were measured.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>How many values.</summary>
    public int Count => _values.Count;

    /// <summary>The median (the mean of the middle two for an even count).</summary>
    public double Median
    {
        get
        {
            var sorted = Sorted();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /// <summary>The smallest value.</summary>
    public double Min => Sorted()[0];

    /// <summary>The largest value.</summary>
    public double Max => Sorted()[^1];

    /// <summary>Adds a value.</summary>
    /// <param name="value">The value.</param>
    public void Add(double value) => _values.Add(value);

    private double[] Sorted()
    {
        if (_values.Count == 0)
        {
            throw new InvalidOperationException("No values were measured.");
        }

        var sorted = _values.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
