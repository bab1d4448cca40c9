using System.Numerics;
using Nectar.Crypto.Tests.AltBn128;

namespace Nectar.Crypto.Tests;

public sealed class Bn254MultiplyTests
{
    private static readonly (BigInteger X, BigInteger Y) Generator = (1, 2);

    public static TheoryData<string> Scalars =>
    [
        "0", "1", "2", "3",
        "21888242871839275222246405745257275088548364400416034343698204186575808495616", // r - 1
        "21888242871839275222246405745257275088548364400416034343698204186575808495617", // r
        "21888242871839275222246405745257275088548364400416034343698204186575808495618", // r + 1
        "21888242871839275222246405745257275088696311157297823662689037894645226208583", // p, between r and 2^256
        "115792089237316195423570985008687907853269984665640564039457584007913129639935", // 2^256 - 1
    ];

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Multiplies_the_generator_by_any_256_bit_scalar(string scalar)
    {
        var k = BigInteger.Parse(scalar, System.Globalization.CultureInfo.InvariantCulture);
        var expected = Bn254AddTests.Encode(Reference.Multiply(Generator, k % Reference.R));
        Assert.Equal(Convert.ToHexStringLower(expected), Multiply([.. Bn254AddTests.Encode(Generator), .. Reference.ToBytes32(k)]));
    }

    [Fact]
    public void Scalar_just_above_p_gives_the_known_point()
    {
        var input = Convert.FromHexString(
            "0000000000000000000000000000000000000000000000000000000000000001"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd4b");
        Assert.Equal(
            "1d7624361ef947980b5987c8c6c8f83113c103a967f25dba8b78707fadeb3b10"
            + "19a280256a503fd9c016c0683d51e39b8f220a4cc818edf931def8dec10f7ad8",
            Multiply(input));
    }

    [Fact]
    public void Random_products_agree_with_the_reference()
    {
        var random = new Random(41);
        for (var i = 0; i < 5; i++)
        {
            var point = Reference.Multiply(Generator, Reference.RandomBelow(random, Reference.R));
            var scalar = Reference.RandomBelow(random, BigInteger.Pow(2, 256));
            var expected = Bn254AddTests.Encode(Reference.Multiply(point, scalar % Reference.R));
            Assert.Equal(Convert.ToHexStringLower(expected), Multiply([.. Bn254AddTests.Encode(point), .. Reference.ToBytes32(scalar)]));
        }
    }

    [Fact]
    public void Scalar_multiplication_distributes_over_scalar_addition()
    {
        // (a + b)P = aP + bP, through the precompile entry points only.
        var random = new Random(42);
        var point = Bn254AddTests.Encode(Reference.Multiply(Generator, 424242));
        for (var i = 0; i < 3; i++)
        {
            var a = Reference.RandomBelow(random, BigInteger.Pow(2, 255));
            var b = Reference.RandomBelow(random, BigInteger.Pow(2, 255));
            var aP = Convert.FromHexString(Multiply([.. point, .. Reference.ToBytes32(a)]));
            var bP = Convert.FromHexString(Multiply([.. point, .. Reference.ToBytes32(b)]));
            var sum = new byte[64];
            Assert.True(Bn254.TryAdd([.. aP, .. bP], sum));
            Assert.Equal(Multiply([.. point, .. Reference.ToBytes32(a + b)]), Convert.ToHexStringLower(sum));
        }
    }

    [Fact]
    public void Group_order_times_any_point_is_infinity()
    {
        var point = Reference.Multiply(Generator, 987654321);
        Assert.Equal(new string('0', 128), Multiply([.. Bn254AddTests.Encode(point), .. Reference.ToBytes32(Reference.R)]));
    }

    [Fact]
    public void Infinity_times_any_scalar_is_infinity()
    {
        Assert.Equal(new string('0', 128), Multiply([.. new byte[64], .. Reference.ToBytes32(12345)]));
    }

    [Fact]
    public void Empty_input_is_infinity()
    {
        Assert.Equal(new string('0', 128), Multiply([]));
    }

    [Fact]
    public void Short_scalar_is_padded_on_the_right()
    {
        // A one-byte scalar 0x02 read as if padded: 0x0200...00 = 2^249.
        var input = (byte[])[.. Bn254AddTests.Encode(Generator), 0x02];
        var expected = Bn254AddTests.Encode(Reference.Multiply(Generator, BigInteger.Pow(2, 249)));
        Assert.Equal(Convert.ToHexStringLower(expected), Multiply(input));
    }

    [Fact]
    public void Rejects_a_point_not_on_the_curve()
    {
        Assert.False(Bn254.TryMultiply([.. Bn254AddTests.Encode((1, 3)), .. Reference.ToBytes32(2)], new byte[64]));
    }

    [Fact]
    public void Rejects_a_point_not_on_the_curve_even_with_scalar_zero()
    {
        Assert.False(Bn254.TryMultiply(Bn254AddTests.Encode((1, 3)), new byte[64]));
    }

    [Fact]
    public void Rejects_a_coordinate_equal_to_p_or_above()
    {
        Assert.False(Bn254.TryMultiply([.. Reference.ToBytes32(1 + Reference.P), .. Reference.ToBytes32(2), .. Reference.ToBytes32(2)], new byte[64]));
    }

    private static string Multiply(byte[] input)
    {
        var output = new byte[64];
        Assert.True(Bn254.TryMultiply(input, output));
        return Convert.ToHexStringLower(output);
    }
}
