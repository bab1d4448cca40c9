using System.Text;

namespace Nectar.Crypto.Tests;

/// <summary>FIPS 180-2 appendix B vectors.</summary>
public sealed class Sha256Tests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Hashes_standard_vectors(string message, string expected)
    {
        Assert.Equal(expected, Hash(Encoding.ASCII.GetBytes(message)));
    }

    [Fact]
    public void Hashes_one_million_a()
    {
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Hash(Enumerable.Repeat((byte)'a', 1_000_000).ToArray()));
    }

    [Fact]
    public void Rejects_a_short_output()
    {
        Assert.Throws<ArgumentException>(() => Sha256.Hash([], new byte[31]));
    }

    private static string Hash(byte[] message)
    {
        var output = new byte[Sha256.HashLength];
        Sha256.Hash(message, output);
        return Convert.ToHexStringLower(output);
    }
}
