namespace Nectar.Db.Tests;

public sealed class KeyBoundsTests
{
    [Theory]
    [InlineData("01", "02")]
    [InlineData("0100", "0101")]
    [InlineData("01ff", "02")]
    [InlineData("01ffff", "02")]
    [InlineData("00ff00", "00ff01")]
    [InlineData("fe", "ff")]
    [InlineData("fffe", "ffff")]
    public void Prefix_end_is_the_smallest_key_above_every_extension(string prefix, string end)
    {
        Assert.Equal(Convert.FromHexString(end), KeyBounds.PrefixEnd(Convert.FromHexString(prefix)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ff")]
    [InlineData("ffffff")]
    public void Prefix_of_only_ff_bytes_has_no_end(string prefix)
    {
        Assert.Null(KeyBounds.PrefixEnd(Convert.FromHexString(prefix)));
        Assert.Equal(-1, KeyBounds.PrefixEnd(Convert.FromHexString(prefix), new byte[4]));
    }
}
