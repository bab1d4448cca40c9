using System.Globalization;

namespace Nectar.Node.Configuration;

/// <summary>Durations as operators write them: a whole number and a unit (<c>250ms</c>, <c>15s</c>, <c>15m</c>, <c>8h</c>, <c>1d</c>), or <c>0</c>.</summary>
public static class DurationText
{
    /// <summary>Parses a duration.</summary>
    /// <param name="text">The text.</param>
    /// <param name="duration">The duration.</param>
    /// <returns>Whether the text is a duration.</returns>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text == "0")
        {
            return true;
        }

        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits == 0 || !long.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var unit = text[digits..];
        long? milliseconds = unit switch
        {
            "ms" => value,
            "s" => value * 1_000,
            "m" => value * 60_000,
            "h" => value * 3_600_000,
            "d" => value * 86_400_000,
            _ => null,
        };
        if (milliseconds is not { } ms || ms < 0 || value > int.MaxValue)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(ms);
        return true;
    }

    /// <summary>Formats a duration in the largest unit that represents it exactly.</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>The text, e.g. <c>15m</c>.</returns>
    public static string Format(TimeSpan duration)
    {
        var ms = (long)duration.TotalMilliseconds;
        return ms == 0 ? "0"
            : ms % 86_400_000 == 0 ? $"{ms / 86_400_000}d"
            : ms % 3_600_000 == 0 ? $"{ms / 3_600_000}h"
            : ms % 60_000 == 0 ? $"{ms / 60_000}m"
            : ms % 1_000 == 0 ? $"{ms / 1_000}s"
            : $"{ms}ms";
    }
}
