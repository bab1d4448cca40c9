using Nectar.Crypto.Bls12381;

namespace Nectar.Crypto.Tests.Bls12381;

public class EncodingTests
{
    // The generators as the Ethereum KZG ceremony's trusted setup writes them (its first G1 and G2 entries).
    private const string G1GeneratorCompressed = "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb";
    private const string G2GeneratorCompressed = "93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8";

    [Fact]
    public void Generators_encode_as_in_the_trusted_setup()
    {
        Assert.Equal(G1GeneratorCompressed, Convert.ToHexStringLower(G1Affine.Generator.ToCompressed()));
        Assert.Equal(G2GeneratorCompressed, Convert.ToHexStringLower(G2Affine.Generator.ToCompressed()));
    }

    [Fact]
    public void G1_round_trips_in_both_forms()
    {
        var rng = new Random381(40);
        for (var i = 0; i < 20; i++)
        {
            var p = rng.NextG1().ToAffine();
            Assert.True(G1Affine.TryDecode(p.ToCompressed(), out var c, out var e1), e1.ToString());
            Assert.True(G1Affine.TryDecode(p.ToUncompressed(), out var u, out var e2), e2.ToString());
            Assert.Equal(p, c);
            Assert.Equal(p, u);
            Assert.Equal(p.Negate(), Decode1(p.Negate().ToCompressed()));
        }

        Assert.Equal("c0" + new string('0', 94), Convert.ToHexStringLower(G1Affine.Identity.ToCompressed()));
        Assert.Equal("40" + new string('0', 190), Convert.ToHexStringLower(G1Affine.Identity.ToUncompressed()));
        Assert.True(Decode1(G1Affine.Identity.ToCompressed()).IsInfinity);
        Assert.True(Decode1(G1Affine.Identity.ToUncompressed()).IsInfinity);
    }

    [Fact]
    public void G2_round_trips_in_both_forms()
    {
        var rng = new Random381(41);
        for (var i = 0; i < 10; i++)
        {
            var p = rng.NextG2().ToAffine();
            Assert.True(G2Affine.TryDecode(p.ToCompressed(), out var c, out var e1), e1.ToString());
            Assert.True(G2Affine.TryDecode(p.ToUncompressed(), out var u, out var e2), e2.ToString());
            Assert.Equal(p, c);
            Assert.Equal(p, u);
            Assert.True(G2Affine.TryDecode(p.Negate().ToCompressed(), out var n, out _));
            Assert.Equal(p.Negate(), n);
        }

        Assert.True(G2Affine.TryDecode(G2Affine.Identity.ToCompressed(), out var inf, out _) && inf.IsInfinity);
        Assert.True(G2Affine.TryDecode(G2Affine.Identity.ToUncompressed(), out inf, out _) && inf.IsInfinity);
    }

    [Fact]
    public void Rejects_wrong_lengths()
    {
        Assert.Equal(PointDecodeError.WrongLength, Error1(new byte[47]));
        Assert.Equal(PointDecodeError.WrongLength, Error1(new byte[49]));
        Assert.Equal(PointDecodeError.WrongLength, Error1([]));
        Assert.Equal(PointDecodeError.WrongLength, Error2(new byte[48]));
        Assert.Equal(PointDecodeError.WrongLength, Error2(new byte[191]));
    }

    [Fact]
    public void Rejects_bad_flags()
    {
        var compressed = G1Affine.Generator.ToCompressed();
        var uncompressed = G1Affine.Generator.ToUncompressed();

        var missingCompression = (byte[])compressed.Clone();
        missingCompression[0] &= 0x7f;
        Assert.Equal(PointDecodeError.InvalidFlags, Error1(missingCompression));

        var compressionOnLong = (byte[])uncompressed.Clone();
        compressionOnLong[0] |= 0x80;
        Assert.Equal(PointDecodeError.InvalidFlags, Error1(compressionOnLong));

        var signOnUncompressed = (byte[])uncompressed.Clone();
        signOnUncompressed[0] |= 0x20;
        Assert.Equal(PointDecodeError.InvalidFlags, Error1(signOnUncompressed));

        var infinityWithSign = G1Affine.Identity.ToCompressed();
        infinityWithSign[0] |= 0x20;
        Assert.Equal(PointDecodeError.InvalidFlags, Error1(infinityWithSign));

        var infinityWithBits = G1Affine.Identity.ToCompressed();
        infinityWithBits[47] = 1;
        Assert.Equal(PointDecodeError.InvalidFlags, Error1(infinityWithBits));

        var infinityWithHighBits = G1Affine.Identity.ToUncompressed();
        infinityWithHighBits[0] |= 0x01;
        Assert.Equal(PointDecodeError.InvalidFlags, Error1(infinityWithHighBits));

        var infinityFlagOnPoint = (byte[])compressed.Clone();
        infinityFlagOnPoint[0] |= 0x40;
        Assert.Equal(PointDecodeError.InvalidFlags, Error1(infinityFlagOnPoint));

        var g2Infinity = G2Affine.Identity.ToCompressed();
        g2Infinity[95] = 1;
        Assert.Equal(PointDecodeError.InvalidFlags, Error2(g2Infinity));

        var g2Missing = G2Affine.Generator.ToCompressed();
        g2Missing[0] &= 0x7f;
        Assert.Equal(PointDecodeError.InvalidFlags, Error2(g2Missing));
    }

    [Fact]
    public void Rejects_coordinates_not_below_p()
    {
        var p = Bls12381Constants.FieldModulus.ToArray();
        var compressed = (byte[])p.Clone();
        compressed[0] |= 0x80;
        Assert.Equal(PointDecodeError.NonCanonicalCoordinate, Error1(compressed));

        // p + 1 is the same residue as 1 but not its canonical encoding.
        var pPlusOne = AddModulus(Fp.One.ToBytes());
        var shifted = (byte[])pPlusOne.Clone();
        shifted[0] |= 0x80;
        Assert.Equal(PointDecodeError.NonCanonicalCoordinate, Error1(shifted));

        var uncompressed = G1Affine.Generator.ToUncompressed();
        pPlusOne.CopyTo(uncompressed, 48);
        Assert.Equal(PointDecodeError.NonCanonicalCoordinate, Error1(uncompressed));

        var g2 = G2Affine.Generator.ToCompressed();
        pPlusOne.CopyTo(g2, 48);
        Assert.Equal(PointDecodeError.NonCanonicalCoordinate, Error2(g2));

        var g2High = G2Affine.Generator.ToCompressed();
        pPlusOne.CopyTo(g2High, 0);
        g2High[0] |= 0x80;
        Assert.Equal(PointDecodeError.NonCanonicalCoordinate, Error2(g2High));
    }

    [Fact]
    public void Rejects_points_off_the_curve()
    {
        // Compressed: an x with no y on the curve.
        for (ulong x = 1; ; x++)
        {
            var fx = Fp.FromUInt64(x);
            if (!((fx.Square() * fx) + Fp.FromUInt64(4)).IsSquare())
            {
                var bytes = fx.ToBytes();
                bytes[0] |= 0x80;
                Assert.Equal(PointDecodeError.NotOnCurve, Error1(bytes));
                break;
            }
        }

        var uncompressed = G1Affine.Generator.ToUncompressed();
        uncompressed[95] ^= 1;
        Assert.Equal(PointDecodeError.NotOnCurve, Error1(uncompressed));

        var g2 = G2Affine.Generator.ToUncompressed();
        g2[191] ^= 1;
        Assert.Equal(PointDecodeError.NotOnCurve, Error2(g2));
    }

    [Fact]
    public void Rejects_points_outside_the_subgroup()
    {
        for (ulong x = 1; ; x++)
        {
            var fx = Fp.FromUInt64(x);
            if (((fx.Square() * fx) + Fp.FromUInt64(4)).TrySqrt(out var y))
            {
                var p = new G1Affine(fx, y);
                Assert.Equal(PointDecodeError.NotInSubgroup, Error1(p.ToCompressed()));
                Assert.Equal(PointDecodeError.NotInSubgroup, Error1(p.ToUncompressed()));
                break;
            }
        }

        for (ulong x = 1; ; x++)
        {
            var fx = new Fp2(Fp.FromUInt64(x), Fp.Zero);
            if (((fx.Square() * fx) + new Fp2(Fp.FromUInt64(4), Fp.FromUInt64(4))).TrySqrt(out var y))
            {
                var p = new G2Affine(fx, y);
                Assert.Equal(PointDecodeError.NotInSubgroup, Error2(p.ToCompressed()));
                Assert.Equal(PointDecodeError.NotInSubgroup, Error2(p.ToUncompressed()));
                break;
            }
        }
    }

    private static G1Affine Decode1(byte[] bytes)
    {
        Assert.True(G1Affine.TryDecode(bytes, out var p, out var e), e.ToString());
        return p;
    }

    private static PointDecodeError Error1(byte[] bytes)
    {
        Assert.False(G1Affine.TryDecode(bytes, out var p, out var e));
        Assert.Equal(default, p);
        return e;
    }

    private static PointDecodeError Error2(byte[] bytes)
    {
        Assert.False(G2Affine.TryDecode(bytes, out _, out var e));
        return e;
    }

    private static byte[] AddModulus(byte[] value)
    {
        var sum = new System.Numerics.BigInteger(value, true, true) + Random381.P;
        var raw = sum.ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.True(raw.Length <= 48 && (raw.Length < 48 || raw[0] < 0x20));
        var bytes = new byte[48];
        raw.CopyTo(bytes.AsSpan(48 - raw.Length));
        return bytes;
    }
}
