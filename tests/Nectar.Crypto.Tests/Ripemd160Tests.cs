using System.Text;

namespace Nectar.Crypto.Tests;

/// <summary>The test vectors published with RIPEMD-160 (Dobbertin, Bosselaers, Preneel).</summary>
public sealed class Ripemd160Tests
{
    [Theory]
    [InlineData("", "9c1185a5c5e9fc54612808977ee8f548b2258d31")]
    [InlineData("a", "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe")]
    [InlineData("abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc")]
    [InlineData("message digest", "5d0689ef49d2fae572b881b123a85ffa21595f36")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "f71c27109c692c1b56bbdceb5b9d2865b3708dbc")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "12a053384a9c0c88e405a06c27dcf49ada62eb2b")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "b0e20b6e3116640286ed3a87a5713079b21f5189")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "9b752e45573d4b39f4dbd3323cab82bf63326bfb")]
    public void Hashes_standard_vectors(string message, string expected)
    {
        Assert.Equal(expected, Hash(Encoding.ASCII.GetBytes(message)));
    }

    [Fact]
    public void Hashes_one_million_a_fed_through_many_chunks()
    {
        Assert.Equal("52783243c1697bdbe16d37f97f68f08325dc1528", Hash(Enumerable.Repeat((byte)'a', 1_000_000).ToArray()));
    }

    [Fact]
    public void Successive_calls_do_not_leak_state()
    {
        var abc = Encoding.ASCII.GetBytes("abc");
        var first = Hash(abc);
        _ = Hash(Enumerable.Repeat((byte)7, 1000).ToArray());
        Assert.Equal(first, Hash(abc));
    }

    [Fact]
    public void Concurrent_callers_get_correct_digests()
    {
        var messages = Enumerable.Range(0, 64).Select(i => Enumerable.Repeat((byte)i, 100 + (i * 37)).ToArray()).ToArray();
        var expected = messages.Select(Hash).ToArray();
        var actual = new string[messages.Length];
        Parallel.For(0, messages.Length * 20, i => actual[i % messages.Length] = Hash(messages[i % messages.Length]));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Rejects_a_short_output()
    {
        Assert.Throws<ArgumentException>(() => Ripemd160.Hash([], new byte[19]));
    }

    private static string Hash(byte[] message)
    {
        var output = new byte[Ripemd160.HashLength];
        Ripemd160.Hash(message, output);
        return Convert.ToHexStringLower(output);
    }
}
