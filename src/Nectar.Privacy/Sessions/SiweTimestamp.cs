using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Nectar.Privacy.Sessions;

/// <summary>
/// An RFC 3339 date-time as it appears in a Sign-In with Ethereum message: the exact text (so a parsed message
/// formats back to the bytes that were signed) and the instant it denotes.
/// </summary>
public sealed class SiweTimestamp : IEquatable<SiweTimestamp>
{
    private SiweTimestamp(string text, DateTimeOffset value)
    {
        Text = text;
        Value = value;
    }

    /// <summary>The text exactly as written, e.g. <c>2021-09-30T16:25:24.000Z</c>.</summary>
    public string Text { get; }

    /// <summary>The instant, in UTC. Fractions finer than 100 ns are truncated.</summary>
    public DateTimeOffset Value { get; }

    /// <summary>
    /// Writes an instant in the form wallets and libraries use: UTC, <c>Z</c>, and as many fractional digits as
    /// the value needs (none for whole seconds).
    /// </summary>
    /// <param name="value">The instant.</param>
    /// <returns>The timestamp.</returns>
    public static SiweTimestamp FromDateTimeOffset(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";
        return new SiweTimestamp(utc.ToString(format, CultureInfo.InvariantCulture), utc);
    }

    /// <summary>Parses an RFC 3339 date-time.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The timestamp.</returns>
    /// <exception cref="FormatException">The text is not an RFC 3339 date-time; the message says why.</exception>
    public static SiweTimestamp Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseCore(text, out var timestamp) is { } error ? throw new FormatException(error) : timestamp!;
    }

    /// <summary>Parses an RFC 3339 date-time without throwing.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="timestamp">The timestamp, or <see langword="null"/> on failure.</param>
    /// <returns>Whether the text was an RFC 3339 date-time.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SiweTimestamp? timestamp)
    {
        timestamp = null;
        return text is not null && TryParseCore(text, out timestamp) is null;
    }

    /// <summary>The text exactly as written.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;

    /// <summary>Two timestamps are equal when their texts are, since the text is what is signed.</summary>
    /// <param name="other">The timestamp to compare with.</param>
    /// <returns>Whether both texts are identical.</returns>
    public bool Equals([NotNullWhen(true)] SiweTimestamp? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as SiweTimestamp);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>
    /// date-time = full-date ("T" / "t") partial-time [time-secfrac] ("Z" / "z" / ("+" / "-") HH ":" MM).
    /// Returns an error description, or null on success.
    /// </summary>
    internal static string? TryParseCore(string text, out SiweTimestamp? timestamp)
    {
        timestamp = null;
        var s = text.AsSpan();

        // The fixed part "YYYY-MM-DDTHH:MM:SS" is 19 characters; at least one offset character follows.
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || (s[10] | 0x20) != 't' || s[13] != ':' || s[16] != ':')
        {
            return $"'{text}' is not an RFC 3339 date-time (expected YYYY-MM-DDTHH:MM:SS followed by Z or an offset).";
        }

        if (!TryDigits(s[..4], out var year) || !TryDigits(s[5..7], out var month) || !TryDigits(s[8..10], out var day)
            || !TryDigits(s[11..13], out var hour) || !TryDigits(s[14..16], out var minute) || !TryDigits(s[17..19], out var second))
        {
            return $"'{text}' is not an RFC 3339 date-time (a date or time field holds a non-digit).";
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return $"'{text}' names a date that does not exist.";
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            // RFC 3339 allows second 60 for a leap second; the platform's instants cannot hold one, so it is refused.
            return second == 60
                ? $"'{text}' is a leap second, which is not supported."
                : $"'{text}' names a time of day that does not exist.";
        }

        var rest = s[19..];
        long fractionTicks = 0;
        if (rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && SiweGrammar.IsDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 1)
            {
                return $"'{text}' has a decimal point without fractional digits.";
            }

            // Seven digits are 100 ns ticks; further digits are kept in the text but cannot change the instant.
            var fraction = rest[1..Math.Min(digits, 8)];
            for (var i = 0; i < 7; i++)
            {
                fractionTicks = (fractionTicks * 10) + (i < fraction.Length ? fraction[i] - '0' : 0);
            }

            rest = rest[digits..];
        }

        long offsetTicks;
        if (rest.Length == 1 && (rest[0] | 0x20) == 'z')
        {
            offsetTicks = 0;
        }
        else if (rest.Length == 6 && rest[0] is '+' or '-' && rest[3] == ':'
            && TryDigits(rest[1..3], out var offsetHours) && TryDigits(rest[4..6], out var offsetMinutes)
            && offsetHours <= 23 && offsetMinutes <= 59)
        {
            offsetTicks = ((offsetHours * 60L) + offsetMinutes) * TimeSpan.TicksPerMinute * (rest[0] == '-' ? -1 : 1);
        }
        else
        {
            return $"'{text}' has no valid time offset (expected Z or +HH:MM / -HH:MM at the end).";
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        var utcTicks = local - offsetTicks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return $"'{text}' lies outside the representable range of instants.";
        }

        timestamp = new SiweTimestamp(text, new DateTimeOffset(utcTicks, TimeSpan.Zero));
        return null;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!SiweGrammar.IsDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
