using System.Numerics;
using Nectar.Crypto.Tests.AltBn128;

namespace Nectar.Crypto.Tests;

public sealed class Bn254AddTests
{
    private const string G1 = "0000000000000000000000000000000000000000000000000000000000000001"
        + "0000000000000000000000000000000000000000000000000000000000000002";

    private const string TwoG1 = "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3"
        + "15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4";

    private const string ThreeG1 = "0769bf9ac56bea3ff40232bcb1b6bd159315d84715b8e679f2d355961915abf0"
        + "2ab799bee0489429554fdb7c8d086475319e63b40b9c5b57cdf1ff3dd9fe2261";

    private const string MinusG1 = "0000000000000000000000000000000000000000000000000000000000000001"
        + "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd45";

    private const string Infinity = "0000000000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000";

    [Theory]
    [InlineData(G1 + G1, TwoG1)]
    [InlineData(G1 + TwoG1, ThreeG1)]
    [InlineData(TwoG1 + G1, ThreeG1)]
    [InlineData(G1 + MinusG1, Infinity)]
    [InlineData(G1 + Infinity, G1)]
    [InlineData(Infinity + TwoG1, TwoG1)]
    [InlineData(Infinity + Infinity, Infinity)]
    public void Adds_points(string input, string expected)
    {
        Assert.Equal(expected, Add(Convert.FromHexString(input)));
    }

    [Fact]
    public void Empty_input_is_infinity_plus_infinity()
    {
        Assert.Equal(Infinity, Add([]));
    }

    [Fact]
    public void Short_input_is_padded_with_zeros()
    {
        // G1 followed by nothing: the second point reads as (0, 0), the point at infinity.
        Assert.Equal(G1, Add(Convert.FromHexString(G1)));

        // A truncated second point whose missing bytes are zeros: (1, 2) with the final 0x02 cut off is (1, 0).
        var truncated = Convert.FromHexString(G1 + G1)[..^1];
        Assert.Null(TryAdd(truncated));
    }

    [Fact]
    public void Surplus_input_is_ignored()
    {
        var input = Convert.FromHexString(G1 + G1 + "ffffffffffffffff");
        Assert.Equal(TwoG1, Add(input));
    }

    [Fact]
    public void Rejects_a_point_not_on_the_curve()
    {
        var input = Convert.FromHexString(G1 + G1);
        input[63] = 3;
        Assert.Null(TryAdd(input));
    }

    [Fact]
    public void Rejects_a_coordinate_equal_to_p_or_above()
    {
        // (1, 2 + p) is (1, 2) modulo p, but encodings must be canonical.
        var input = Convert.FromHexString(G1 + G1);
        Reference.ToBytes32(Reference.P + 2).CopyTo(input, 96);
        Assert.Null(TryAdd(input));

        var onlyX = Convert.FromHexString(G1 + G1);
        Reference.ToBytes32(Reference.P + 1).CopyTo(onlyX, 0);
        Assert.Null(TryAdd(onlyX));
    }

    [Fact]
    public void Rejects_infinity_encoded_with_p()
    {
        var input = new byte[128];
        Reference.ToBytes32(Reference.P).CopyTo(input, 0);
        Assert.Null(TryAdd(input));
    }

    [Fact]
    public void Random_sums_agree_with_the_reference()
    {
        var random = new Random(31);
        for (var i = 0; i < 10; i++)
        {
            var a = Reference.Multiply((1, 2), Reference.RandomBelow(random, Reference.R));
            var b = Reference.Multiply((1, 2), Reference.RandomBelow(random, Reference.R));
            Assert.Equal(Convert.ToHexStringLower(Encode(Reference.Add(a, b))), Add([.. Encode(a), .. Encode(b)]));
            Assert.Equal(Convert.ToHexStringLower(Encode(Reference.Add(a, a))), Add([.. Encode(a), .. Encode(a)]));
        }
    }

    [Fact]
    public void Output_shorter_than_64_bytes_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => Bn254.TryAdd([], new byte[63]));
    }

    internal static byte[] Encode((BigInteger X, BigInteger Y)? point) =>
        point is null ? new byte[64] : [.. Reference.ToBytes32(point.Value.X), .. Reference.ToBytes32(point.Value.Y)];

    private static string Add(byte[] input) => TryAdd(input) ?? throw new InvalidOperationException("ECADD failed");

    private static string? TryAdd(byte[] input)
    {
        var output = new byte[64];
        return Bn254.TryAdd(input, output) ? Convert.ToHexStringLower(output) : null;
    }
}
