using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BigInteger = System.Numerics.BigInteger;

namespace Nectar.Crypto.Secp256k1.Tests;

public sealed class LibSecp256k1Tests(SharedSecp256k1 shared) : IClassFixture<SharedSecp256k1>
{
    private const string GeneratorX = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    private const string GeneratorY = "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

    private static readonly byte[] Eip155Hash = Convert.FromHexString("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
    private static readonly byte[] Eip155Key = Convert.FromHexString("4646464646464646464646464646464646464646464646464646464646464646");
    private static readonly byte[] Eip155Signature = Convert.FromHexString(
        "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"
        + "67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83");

    private const string Eip155Sender = "9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f";

    private readonly ISecp256k1 _secp = shared.Library;

    [Fact]
    public void Private_key_one_gives_the_generator()
    {
        Assert.Equal(GeneratorX + GeneratorY, PublicKey(Keys.Scalar(1)));
    }

    [Fact]
    public void Private_key_two_and_n_minus_one_give_two_g_and_minus_g()
    {
        Assert.Equal(
            "c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5"
            + "1ae168fea63dc339a3c58419466ceaeef7f632653266d0e1236431a950cfe52a",
            PublicKey(Keys.Scalar(2)));
        Assert.Equal(
            GeneratorX + "b7c52588d95c3b9aa25b0403f1eef75702e84bb7597aabe663b82f6f04ef2777",
            PublicKey(Keys.Scalar(Keys.N - 1)));
    }

    [Fact]
    public void Eip155_example_signs_to_the_published_signature()
    {
        var signature = new byte[64];
        Assert.True(_secp.TrySign(Eip155Hash, Eip155Key, signature, out var recoveryId));
        Assert.Equal(Eip155Signature, signature);
        Assert.Equal(0, recoveryId); // v = 37 = 1 * 2 + 35 + 0
    }

    [Fact]
    public void Eip155_example_recovers_the_published_sender()
    {
        var publicKey = new byte[64];
        Assert.True(_secp.TryRecover(Eip155Hash, Eip155Signature, 0, publicKey));
        Assert.Equal(Eip155Sender, Keys.Address(publicKey));
        Assert.Equal(PublicKey(Eip155Key), Convert.ToHexStringLower(publicKey));
    }

    [Fact]
    public void Ecrecover_vector_recovers_the_known_address()
    {
        // A widely used ecrecover precompile vector (v = 28).
        var hash = Convert.FromHexString("456e9aea5e197a1f1af7a3e85a3212fa4049a3ba34c2289b4c860fc0b0c64ef3");
        var signature = Convert.FromHexString(
            "9242685bf161793cc25603c231bc2f568eb630ea16aa137d2664ac8038825608"
            + "4f8ae3bd7535248d0bd448298cc2e2071e56992d0774dc340c368ae950852ada");
        var publicKey = new byte[64];
        Assert.True(_secp.TryRecover(hash, signature, 1, publicKey));
        Assert.Equal("7156526fbd7a3c72969b54f64e42c10fbb768c8a", Keys.Address(publicKey));

        Assert.True(_secp.TryRecover(hash, signature, 0, publicKey));
        Assert.NotEqual("7156526fbd7a3c72969b54f64e42c10fbb768c8a", Keys.Address(publicKey));
    }

    [Fact]
    public void Signatures_match_an_independent_rfc6979_implementation()
    {
        var random = new Random(71);
        var curve = SecNamedCurves.GetByName("secp256k1");
        var domain = new ECDomainParameters(curve.Curve, curve.G, curve.N, curve.H);
        for (var i = 0; i < 25; i++)
        {
            var key = Keys.RandomBytes(random, 32);
            var hash = Keys.RandomBytes(random, 32);
            var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
            signer.Init(true, new ECPrivateKeyParameters(new Org.BouncyCastle.Math.BigInteger(1, key), domain));
            var rs = signer.GenerateSignature(hash);
            var r = ToBig(rs[0]);
            var s = ToBig(rs[1]);
            if (s > Keys.N / 2)
            {
                s = Keys.N - s;
            }

            var signature = new byte[64];
            Assert.True(_secp.TrySign(hash, key, signature, out var recoveryId));
            Assert.Equal([.. Keys.Scalar(r), .. Keys.Scalar(s)], signature);
            Assert.InRange(recoveryId, 0, 1);

            var expectedKey = domain.G.Multiply(new Org.BouncyCastle.Math.BigInteger(1, key)).Normalize().GetEncoded(false)[1..];
            var recovered = new byte[64];
            Assert.True(_secp.TryRecover(hash, signature, recoveryId, recovered));
            Assert.Equal(expectedKey, recovered);
        }
    }

    [Fact]
    public void Sign_then_recover_round_trips_and_signatures_are_low_s()
    {
        var random = new Random(72);
        for (var i = 0; i < 50; i++)
        {
            var key = Keys.RandomBytes(random, 32);
            var hash = Keys.RandomBytes(random, 32);
            var signature = new byte[64];
            var publicKey = new byte[64];
            var recovered = new byte[64];
            Assert.True(_secp.TrySign(hash, key, signature, out var recoveryId));
            Assert.True(_secp.TryGetPublicKey(key, publicKey));
            Assert.True(Secp256k1Curve.IsValidTransactionSignature(signature));
            Assert.True(_secp.TryRecover(hash, signature, recoveryId, recovered));
            Assert.Equal(publicKey, recovered);
            Assert.True(_secp.Verify(hash, signature, publicKey));
        }
    }

    [Fact]
    public void Signing_is_deterministic()
    {
        var first = new byte[64];
        var second = new byte[64];
        Assert.True(_secp.TrySign(Eip155Hash, Eip155Key, first, out _));
        Assert.True(_secp.TrySign(Eip155Hash, Eip155Key, second, out _));
        Assert.Equal(first, second);
    }

    [Fact]
    public void High_s_signature_still_recovers_the_same_key()
    {
        var (highS, recoveryId) = Keys.HighS(Eip155Signature, 0);
        Assert.False(Secp256k1Curve.IsLowS(highS));
        var publicKey = new byte[64];
        Assert.True(_secp.TryRecover(Eip155Hash, highS, recoveryId, publicKey));
        Assert.Equal(Eip155Sender, Keys.Address(publicKey));
    }

    [Fact]
    public void High_s_signature_verifies_after_normalisation()
    {
        var (highS, _) = Keys.HighS(Eip155Signature, 0);
        var publicKey = Convert.FromHexString(PublicKey(Eip155Key));
        Assert.True(_secp.Verify(Eip155Hash, highS, publicKey));
    }

    [Fact]
    public void Verify_rejects_a_wrong_message_key_or_signature()
    {
        var publicKey = Convert.FromHexString(PublicKey(Eip155Key));
        var otherHash = (byte[])Eip155Hash.Clone();
        otherHash[0] ^= 1;
        var otherSignature = (byte[])Eip155Signature.Clone();
        otherSignature[40] ^= 1;
        var otherKey = Convert.FromHexString(PublicKey(Keys.Scalar(2)));
        var offCurve = (byte[])publicKey.Clone();
        offCurve[63] ^= 1;

        Assert.True(_secp.Verify(Eip155Hash, Eip155Signature, publicKey));
        Assert.False(_secp.Verify(otherHash, Eip155Signature, publicKey));
        Assert.False(_secp.Verify(Eip155Hash, otherSignature, publicKey));
        Assert.False(_secp.Verify(Eip155Hash, Eip155Signature, otherKey));
        Assert.False(_secp.Verify(Eip155Hash, Eip155Signature, offCurve));
        Assert.False(_secp.Verify(Eip155Hash, [.. Eip155Signature[..32], .. Keys.Scalar(Keys.N)], publicKey));
        Assert.False(_secp.Verify(Eip155Hash, new byte[64], publicKey));
    }

    public static TheoryData<string, string> InvalidSignatures => new()
    {
        { "0", "1" },
        { "1", "0" },
        { "0", "0" },
        { "n", "1" },
        { "1", "n" },
        { "n+1", "1" },
        { "1", "max" },
        { "max", "max" },
    };

    [Theory]
    [MemberData(nameof(InvalidSignatures))]
    public void Recovery_rejects_r_or_s_out_of_range(string r, string s)
    {
        var signature = (byte[])[.. Keys.Scalar(Value(r)), .. Keys.Scalar(Value(s))];
        var publicKey = Enumerable.Repeat((byte)0xAA, 64).ToArray();
        for (var recoveryId = 0; recoveryId < 4; recoveryId++)
        {
            Assert.False(_secp.TryRecover(Eip155Hash, signature, recoveryId, publicKey));
            Assert.All(publicKey, b => Assert.Equal(0, b));
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(27)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Recovery_rejects_a_recovery_id_outside_zero_to_three(int recoveryId)
    {
        Assert.False(_secp.TryRecover(Eip155Hash, Eip155Signature, recoveryId, new byte[64]));
    }

    [Fact]
    public void Recovery_rejects_an_r_that_is_no_curve_x_coordinate()
    {
        // x = 5: 125 + 7 = 132 is not a square modulo p, so no point has this x.
        var signature = (byte[])[.. Keys.Scalar(5), .. Keys.Scalar(1)];
        Assert.False(_secp.TryRecover(Eip155Hash, signature, 0, new byte[64]));
        Assert.False(_secp.TryRecover(Eip155Hash, signature, 1, new byte[64]));
    }

    [Fact]
    public void Recovery_rejects_wrong_lengths()
    {
        Assert.False(_secp.TryRecover(Eip155Hash[..31], Eip155Signature, 0, new byte[64]));
        Assert.False(_secp.TryRecover(Eip155Hash, Eip155Signature[..63], 0, new byte[64]));
        Assert.False(_secp.TryRecover(Eip155Hash, [.. Eip155Signature, 0], 0, new byte[64]));
        Assert.False(_secp.TryRecover(Eip155Hash, Eip155Signature, 0, new byte[63]));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("n")]
    [InlineData("n+1")]
    [InlineData("max")]
    public void Invalid_private_keys_are_refused_everywhere(string key)
    {
        var secret = Keys.Scalar(Value(key));
        var signature = Enumerable.Repeat((byte)0xAA, 64).ToArray();
        var publicKey = new byte[64];
        Assert.False(_secp.IsValidPrivateKey(secret));
        Assert.False(_secp.TrySign(Eip155Hash, secret, signature, out var recoveryId));
        Assert.Equal(0, recoveryId);
        Assert.All(signature, b => Assert.Equal(0, b));
        Assert.False(_secp.TryGetPublicKey(secret, publicKey));
    }

    [Fact]
    public void Valid_private_keys_are_accepted_at_both_ends_of_the_range()
    {
        Assert.True(_secp.IsValidPrivateKey(Keys.Scalar(1)));
        Assert.True(_secp.IsValidPrivateKey(Keys.Scalar(Keys.N - 1)));
        Assert.False(_secp.IsValidPrivateKey(new byte[31]));
        Assert.False(_secp.IsValidPrivateKey(new byte[33]));
    }

    [Fact]
    public void Signing_rejects_wrong_lengths()
    {
        Assert.False(_secp.TrySign(Eip155Hash[..31], Eip155Key, new byte[64], out _));
        Assert.False(_secp.TrySign(Eip155Hash, Eip155Key[..31], new byte[64], out _));
        Assert.False(_secp.TrySign(Eip155Hash, Eip155Key, new byte[63], out _));
        Assert.False(_secp.TryGetPublicKey(Eip155Key, new byte[63]));
    }

    [Fact]
    public void Concurrent_recoveries_from_one_context_are_correct()
    {
        var publicKey = Convert.FromHexString(PublicKey(Eip155Key));
        var failures = 0;
        Parallel.For(0, 400, _ =>
        {
            Span<byte> recovered = stackalloc byte[64];
            if (!_secp.TryRecover(Eip155Hash, Eip155Signature, 0, recovered) || !recovered.SequenceEqual(publicKey))
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
    }

    private static BigInteger Value(string name) => name switch
    {
        "n" => Keys.N,
        "n+1" => Keys.N + 1,
        "max" => BigInteger.Pow(2, 256) - 1,
        _ => BigInteger.Parse(name, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static BigInteger ToBig(Org.BouncyCastle.Math.BigInteger value) => Keys.ToBig(value.ToByteArrayUnsigned());

    private string PublicKey(byte[] privateKey)
    {
        var publicKey = new byte[64];
        Assert.True(_secp.TryGetPublicKey(privateKey, publicKey));
        return Convert.ToHexStringLower(publicKey);
    }
}
