using Nectar.Crypto.Keys;

namespace Nectar.Crypto.Tests.Keys;

public sealed class KeyPathTests
{
    [Theory]
    [InlineData("m", "m")]
    [InlineData("m/44'/60'/0'/0/7", "m/44'/60'/0'/0/7")]
    [InlineData("m/44h/60H/0'/0/7", "m/44'/60'/0'/0/7")]
    [InlineData("m/2147483647'/0", "m/2147483647'/0")]
    public void Parses_and_formats_paths(string text, string formatted)
    {
        Assert.Equal(formatted, KeyPath.Parse(text).ToString());
    }

    [Fact]
    public void Hardened_steps_carry_the_hardened_offset()
    {
        var path = KeyPath.Parse("m/44'/60'/0'/0/7");

        Assert.Equal([0x8000002Cu, 0x8000003Cu, 0x80000000u, 0u, 7u], path.Indices);
        Assert.Equal(KeyPath.Ethereum(7), path);
        Assert.Equal(5, path.Depth);
    }

    [Theory]
    [InlineData("")]
    [InlineData("M/0")]
    [InlineData("m/")]
    [InlineData("m//0")]
    [InlineData("m/01")]
    [InlineData("m/-1")]
    [InlineData("m/+1")]
    [InlineData("m/2147483648")]
    [InlineData("m/0''")]
    [InlineData("m/ 1")]
    [InlineData("44'/60'")]
    public void Rejects_malformed_paths(string text)
    {
        Assert.Throws<FormatException>(() => KeyPath.Parse(text));
    }

    [Fact]
    public void Ethereum_path_refuses_hardened_account_indices()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyPath.Ethereum(KeyPath.HardenedOffset));
    }
}
