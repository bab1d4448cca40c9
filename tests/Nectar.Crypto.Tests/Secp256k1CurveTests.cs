using System.Globalization;
using System.Numerics;

namespace Nectar.Crypto.Tests;

public sealed class Secp256k1CurveTests
{
    private static readonly BigInteger N = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337", CultureInfo.InvariantCulture);

    [Fact]
    public void Constants_are_the_curve_order_half_order_and_prime()
    {
        Assert.Equal(N, ToBig(Secp256k1Curve.Order));
        Assert.Equal(N / 2, ToBig(Secp256k1Curve.HalfOrder));
        Assert.Equal(BigInteger.Pow(2, 256) - BigInteger.Pow(2, 32) - 977, ToBig(Secp256k1Curve.FieldPrime));
    }

    [Fact]
    public void Accepts_r_and_s_strictly_between_zero_and_n()
    {
        Assert.True(Secp256k1Curve.HasValidRange(Signature(1, 1)));
        Assert.True(Secp256k1Curve.HasValidRange(Signature(N - 1, N - 1)));
    }

    [Theory]
    [InlineData("0", "1")]
    [InlineData("1", "0")]
    [InlineData("n", "1")]
    [InlineData("1", "n")]
    [InlineData("n+1", "1")]
    [InlineData("max", "1")]
    [InlineData("1", "max")]
    public void Rejects_r_or_s_outside_one_to_n_minus_one(string r, string s)
    {
        Assert.False(Secp256k1Curve.HasValidRange(Signature(Parse(r), Parse(s))));
        Assert.False(Secp256k1Curve.IsValidTransactionSignature(Signature(Parse(r), Parse(s))));
    }

    [Fact]
    public void Low_s_boundary_is_half_the_order()
    {
        Assert.True(Secp256k1Curve.IsLowS(Signature(1, N / 2)));
        Assert.False(Secp256k1Curve.IsLowS(Signature(1, (N / 2) + 1)));
        Assert.True(Secp256k1Curve.IsValidTransactionSignature(Signature(1, N / 2)));
        Assert.False(Secp256k1Curve.IsValidTransactionSignature(Signature(1, (N / 2) + 1)));
        Assert.True(Secp256k1Curve.HasValidRange(Signature(1, (N / 2) + 1)));
    }

    [Fact]
    public void Private_key_range_is_one_to_n_minus_one()
    {
        Assert.True(Secp256k1Curve.IsInScalarRange(Scalar(1)));
        Assert.True(Secp256k1Curve.IsInScalarRange(Scalar(N - 1)));
        Assert.False(Secp256k1Curve.IsInScalarRange(Scalar(0)));
        Assert.False(Secp256k1Curve.IsInScalarRange(Scalar(N)));
        Assert.False(Secp256k1Curve.IsInScalarRange(new byte[31]));
    }

    [Fact]
    public void Rejects_signatures_of_the_wrong_length()
    {
        Assert.False(Secp256k1Curve.HasValidRange(new byte[63]));
        Assert.False(Secp256k1Curve.IsLowS(new byte[65]));
        Assert.False(Secp256k1Curve.IsValidTransactionSignature([]));
    }

    private static BigInteger Parse(string value) => value switch
    {
        "n" => N,
        "n+1" => N + 1,
        "max" => BigInteger.Pow(2, 256) - 1,
        _ => BigInteger.Parse(value, CultureInfo.InvariantCulture),
    };

    private static byte[] Signature(BigInteger r, BigInteger s) => [.. Scalar(r), .. Scalar(s)];

    private static byte[] Scalar(BigInteger value)
    {
        var bytes = new byte[32];
        value.TryWriteBytes(bytes.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }

    private static BigInteger ToBig(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: true);
}
