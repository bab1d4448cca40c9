namespace Nectar.Crypto.Tests;

public sealed class ModExpTests
{
    private const string Secp256k1PrimeMinusOne = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e";
    private const string Secp256k1Prime = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";

    [Fact]
    public void Eip198_example_fermat_gives_one()
    {
        Assert.Equal(new string('0', 62) + "01", Compute("03", Secp256k1PrimeMinusOne, Secp256k1Prime));
    }

    [Fact]
    public void Eip198_example_zero_base_gives_zero()
    {
        Assert.Equal(new string('0', 64), Compute(string.Empty, Secp256k1PrimeMinusOne, Secp256k1Prime));
    }

    [Theory]
    [InlineData("0000")]
    [InlineData("00")]
    public void Zero_modulus_gives_zeros_of_the_modulus_length(string modulus)
    {
        Assert.Equal(modulus, Compute("05", "03", modulus));
    }

    [Fact]
    public void Empty_modulus_gives_empty_output()
    {
        Assert.Equal(string.Empty, Compute("05", "03", string.Empty));
    }

    [Fact]
    public void Zero_to_the_zero_is_one()
    {
        Assert.Equal("01", Compute(string.Empty, string.Empty, "05"));
        Assert.Equal("0001", Compute("00", "00", "0005"));
    }

    [Fact]
    public void Modulus_one_gives_zero()
    {
        Assert.Equal("00", Compute("07", "00", "01"));
    }

    [Fact]
    public void Result_is_left_padded_to_the_modulus_length()
    {
        Assert.Equal("000002", Compute("03", "02", "000007"));
    }

    [Fact]
    public void Base_larger_than_the_modulus_is_reduced()
    {
        // 1000^1 mod 7 = 6.
        Assert.Equal("06", Compute("03e8", "01", "07"));
    }

    [Fact]
    public void Large_exponent_follows_fermat_for_a_mersenne_prime()
    {
        // 2^127 - 1 is prime: a^(m - 1) = 1 for a = 0x1234.
        const string mersenne127 = "7fffffffffffffffffffffffffffffff";
        const string exponent = "7ffffffffffffffffffffffffffffffe";
        Assert.Equal(new string('0', 30) + "01", Compute("1234", exponent, mersenne127));
    }

    [Fact]
    public void Rejects_an_output_not_as_long_as_the_modulus()
    {
        Assert.Throws<ArgumentException>(() => ModExp.Compute([3], [2], [0, 7], new byte[1]));
    }

    private static string Compute(string @base, string exponent, string modulus)
    {
        var m = Convert.FromHexString(modulus);
        var output = new byte[m.Length];
        ModExp.Compute(Convert.FromHexString(@base), Convert.FromHexString(exponent), m, output);
        return Convert.ToHexStringLower(output);
    }
}
