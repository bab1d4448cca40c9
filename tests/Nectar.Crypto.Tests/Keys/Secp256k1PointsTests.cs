using Nectar.Core.Encoding;
using Nectar.Crypto.Keys;
using Nectar.Crypto.Tests.Signing;

namespace Nectar.Crypto.Tests.Keys;

/// <summary>The managed public-key derivation against BouncyCastle's independent curve code.</summary>
public sealed class Secp256k1PointsTests
{
    [Fact]
    public void Generator_lies_on_the_curve()
    {
        Assert.True(Secp256k1Points.GeneratorIsOnCurve);
    }

    [Fact]
    public void Public_keys_agree_with_an_independent_implementation()
    {
        var random = new Random(20240611);
        var key = new byte[32];
        Span<byte> expected = stackalloc byte[64];
        Span<byte> actual = stackalloc byte[64];
        for (var i = 0; i < 40; i++)
        {
            random.NextBytes(key);
            if (i == 0)
            {
                key.AsSpan().Clear();
                key[31] = 1;
            }
            else if (i == 1)
            {
                Secp256k1Curve.Order.CopyTo(key);
                key[31]--;
            }

            Assert.True(ManagedSecp256k1.Instance.TryGetPublicKey(key, expected));
            Assert.True(Secp256k1Points.TryGetPublicKey(key, actual));
            Assert.Equal(Hex.ToHexString(expected), Hex.ToHexString(actual));
        }
    }

    [Fact]
    public void Refuses_keys_outside_one_to_n_minus_one()
    {
        var output = new byte[64];

        Assert.False(Secp256k1Points.TryGetPublicKey(new byte[32], output));
        Assert.False(Secp256k1Points.TryGetPublicKey(Secp256k1Curve.Order, output));
        Assert.False(Secp256k1Points.TryGetPublicKey(new byte[31], output));
    }

    [Fact]
    public void Compression_tags_the_parity_of_y()
    {
        var key = new byte[32];
        key[31] = 1;
        var publicKey = new byte[64];
        Secp256k1Points.TryGetPublicKey(key, publicKey);
        var compressed = new byte[33];

        Secp256k1Points.Compress(publicKey, compressed);

        // G's y ends in 0xb8 (even).
        Assert.Equal("0x0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", Hex.ToHexString(compressed));
    }
}
