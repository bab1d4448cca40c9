using Nectar.Privacy.Sessions;

namespace Nectar.Privacy.Tests.Sessions;

public sealed class SiweTimestampTests
{
    [Theory]
    [InlineData("2021-09-30T16:25:24Z", "2021-09-30T16:25:24.0000000+00:00")]
    [InlineData("2021-09-30T16:25:24.000Z", "2021-09-30T16:25:24.0000000+00:00")]
    [InlineData("2021-09-30t16:25:24.5z", "2021-09-30T16:25:24.5000000+00:00")]
    [InlineData("2021-09-30T18:25:24+02:00", "2021-09-30T16:25:24.0000000+00:00")]
    [InlineData("2021-09-30T00:00:00-23:59", "2021-09-30T23:59:00.0000000+00:00")]
    [InlineData("2024-02-29T12:00:00.123456789Z", "2024-02-29T12:00:00.1234567+00:00")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000+00:00")]
    public void Parses_rfc3339_date_times_to_utc_instants_keeping_the_text(string text, string instant)
    {
        var timestamp = SiweTimestamp.Parse(text);

        Assert.Equal(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), timestamp.Value);
        Assert.Equal(TimeSpan.Zero, timestamp.Value.Offset);
        Assert.Equal(text, timestamp.Text);
        Assert.Equal(text, timestamp.ToString());
    }

    [Theory]
    [InlineData("2021-09-30 16:25:24Z")]
    [InlineData("2021-09-30T16:25Z")]
    [InlineData("2021-13-01T00:00:00Z")]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2021-09-30T24:00:00Z")]
    [InlineData("2021-09-30T16:25:24.Z")]
    [InlineData("2021-09-30T16:25:24+0200")]
    [InlineData("2021-09-30T16:25:24+24:00")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("2021-09-30T16:25:24ZZ")]
    [InlineData("２021-09-30T16:25:24Z")]
    public void Rejects_text_that_is_not_an_rfc3339_date_time(string text)
    {
        Assert.False(SiweTimestamp.TryParse(text, out var timestamp));
        Assert.Null(timestamp);
        Assert.Throws<FormatException>(() => SiweTimestamp.Parse(text));
    }

    [Fact]
    public void Formats_instants_in_utc_with_only_the_fraction_they_need()
    {
        var whole = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal("2026-03-01T07:00:00Z", SiweTimestamp.FromDateTimeOffset(whole).Text);
        Assert.Equal("2026-03-01T07:00:00.25Z", SiweTimestamp.FromDateTimeOffset(whole.AddMilliseconds(250)).Text);
        Assert.Equal("2026-03-01T07:00:00.0000001Z", SiweTimestamp.FromDateTimeOffset(whole.AddTicks(1)).Text);
        Assert.Equal(whole.AddTicks(1), SiweTimestamp.FromDateTimeOffset(whole.AddTicks(1)).Value);
    }

    [Fact]
    public void Equal_timestamps_are_those_with_equal_text()
    {
        var a = SiweTimestamp.Parse("2021-09-30T16:25:24Z");

        Assert.Equal(a, SiweTimestamp.Parse("2021-09-30T16:25:24Z"));
        Assert.NotEqual(a, SiweTimestamp.Parse("2021-09-30T16:25:24.000Z"));
        Assert.Equal(a.GetHashCode(), SiweTimestamp.Parse("2021-09-30T16:25:24Z").GetHashCode());
    }
}
