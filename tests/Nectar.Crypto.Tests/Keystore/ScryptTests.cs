using System.Text;
using Nectar.Core.Encoding;
using Nectar.Crypto.Keystore;

namespace Nectar.Crypto.Tests.Keystore;

public sealed class ScryptTests
{
    // RFC 7914, section 12.
    [Theory]
    [InlineData("", "", 16, 1, 1, "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")]
    [InlineData("password", "NaCl", 1024, 8, 16, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")]
    public void Matches_the_rfc_7914_vectors(string password, string salt, int n, int r, int p, string expected)
    {
        var key = Scrypt.Derive(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(salt), new ScryptParameters(n, r, p), 64);

        Assert.Equal(expected, Hex.ToHexString(key, withPrefix: false));
    }

    [Fact]
    public void Accepts_large_n_with_r_of_one_as_keystore_files_use()
    {
        // The Web3 Secret Storage vector's intermediate derived key (N = 2^18, r = 1, p = 8), beyond RFC 7914's N < 2^16 for r = 1.
        var key = Scrypt.Derive(
            Encoding.UTF8.GetBytes("testpassword"),
            Hex.Decode("ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"),
            new ScryptParameters(262144, 1, 8),
            32);

        Assert.Equal("fac192ceb5fd772906bea3e118a69e8bbb5cc24229e20d8766fd298291bba6bd", Hex.ToHexString(key, withPrefix: false));
    }
}
