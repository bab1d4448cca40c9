using System.Globalization;

namespace Nectar.Benchmarks.Shared;

/// <summary>
/// The machine's 1, 5 and 15 minute load averages (from /proc/loadavg), so a reader can judge the figures. One source
/// file linked into each benchmark program that reports them.
/// </summary>
/// <param name="OneMinute">Runnable tasks averaged over a minute.</param>
/// <param name="FiveMinutes">Over five minutes.</param>
/// <param name="FifteenMinutes">Over fifteen minutes.</param>
internal sealed record LoadAverage(double OneMinute, double FiveMinutes, double FifteenMinutes)
{
    /// <summary>Reads the current load averages.</summary>
    /// <returns>The averages, or null where /proc/loadavg does not exist.</returns>
    public static LoadAverage? Read()
    {
        const string Path = "/proc/loadavg";
        if (!File.Exists(Path))
        {
            return null;
        }

        var fields = File.ReadAllText(Path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new LoadAverage(Parse(fields[0]), Parse(fields[1]), Parse(fields[2]));
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{OneMinute:0.00} {FiveMinutes:0.00} {FifteenMinutes:0.00}");

    private static double Parse(string field) => double.Parse(field, CultureInfo.InvariantCulture);
}
