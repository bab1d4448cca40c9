using System.Text.Json;
using Nectar.Crypto.Bls12381;
using Nectar.Crypto.Bls12381.Precompiles;
using Nectar.Tests;
using static Nectar.Crypto.Tests.Bls12381.Precompiles.Eip2537Codec;

namespace Nectar.Crypto.Tests.Bls12381.Precompiles;

public class PairingAndMapTests
{
    [Fact]
    public void Pairing_check_returns_one_for_a_balanced_product()
    {
        var rng = new Random381(80);
        var s = rng.NextScalar();
        var p = G1Projective.Generator.Multiply(s).ToAffine();
        var q = G2Projective.Generator.Multiply(s).ToAffine();
        byte[] input = [.. G1(p), .. G2(G2Affine.Generator), .. G1(G1Affine.Generator.Negate()), .. G2(q)];
        Assert.Equal(1, Run(input));
        Assert.Equal(2, Bls12PairingCheck.PairCount(input.Length));
    }

    [Fact]
    public void Pairing_check_returns_zero_for_an_unbalanced_product()
    {
        byte[] input = [.. G1(G1Affine.Generator), .. G2(G2Affine.Generator)];
        Assert.Equal(0, Run(input));
        byte[] twice = [.. input, .. input];
        Assert.Equal(0, Run(twice));
    }

    [Fact]
    public void Pairing_check_treats_infinity_as_neutral()
    {
        byte[] input = [.. G1(G1Affine.Identity), .. G2(G2Affine.Generator), .. G1(G1Affine.Generator), .. G2(G2Affine.Identity)];
        Assert.Equal(1, Run(input));
    }

    [Fact]
    public void Pairing_check_rejects_points_outside_the_subgroups()
    {
        var output = new byte[32];
        Assert.False(Bls12PairingCheck.TryRun([.. G1(G1OutsideSubgroup()), .. G2(G2Affine.Generator)], output, out _));
        Assert.False(Bls12PairingCheck.TryRun([.. G1(G1Affine.Generator), .. G2(G2OutsideSubgroup())], output, out _));
    }

    [Fact]
    public void Pairing_check_rejects_bad_lengths()
    {
        var output = new byte[32];
        Assert.False(Bls12PairingCheck.TryRun([], output, out _));
        Assert.False(Bls12PairingCheck.TryRun(new byte[383], output, out _));
        Assert.False(Bls12PairingCheck.TryRun(new byte[385], output, out _));
    }

    public static TheoryData<int> NuVectorIndexes() => [0, 1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(NuVectorIndexes))]
    public void Map_fp_to_g1_matches_the_encode_to_curve_vectors(int index)
    {
        // encode_to_curve is clear_cofactor(map_to_curve(u)): exactly this precompile applied to the vector's u.
        var vector = Vector("BLS12381G1_XMD_SHA-256_SSWU_NU_.json", index);
        var u = Random381.FromHex(vector.GetProperty("u")[0].GetString()!);
        var output = new byte[128];
        Assert.True(Bls12MapFpToG1.TryRun(Fp(u), output, out var error), error);
        var expected = vector.GetProperty("P");
        byte[] expectedBytes = [.. Fp(Random381.FromHex(expected.GetProperty("x").GetString()!)), .. Fp(Random381.FromHex(expected.GetProperty("y").GetString()!))];
        Assert.Equal(expectedBytes, output);
    }

    [Theory]
    [MemberData(nameof(NuVectorIndexes))]
    public void Map_fp2_to_g2_matches_the_encode_to_curve_vectors(int index)
    {
        var vector = Vector("BLS12381G2_XMD_SHA-256_SSWU_NU_.json", index);
        var u = ParseFp2(vector.GetProperty("u")[0].GetString()!);
        var output = new byte[256];
        Assert.True(Bls12MapFp2ToG2.TryRun(Fp2(u), output, out var error), error);
        var expected = vector.GetProperty("P");
        byte[] expectedBytes = [.. Fp2(ParseFp2(expected.GetProperty("x").GetString()!)), .. Fp2(ParseFp2(expected.GetProperty("y").GetString()!))];
        Assert.Equal(expectedBytes, output);
    }

    [Fact]
    public void Map_precompiles_reject_malformed_field_elements()
    {
        var output = new byte[256];
        Assert.False(Bls12MapFpToG1.TryRun(new byte[63], output, out _));
        Assert.False(Bls12MapFpToG1.TryRun([.. new byte[16], .. Bls12381Constants.FieldModulus], output, out _));
        var padded = new byte[64];
        padded[15] = 1;
        Assert.False(Bls12MapFpToG1.TryRun(padded, output, out _));
        Assert.False(Bls12MapFp2ToG2.TryRun(new byte[64], output, out _));
        Assert.False(Bls12MapFp2ToG2.TryRun([.. new byte[64], .. new byte[16], .. Bls12381Constants.FieldModulus], output, out _));
    }

    [Fact]
    public void Map_precompiles_land_in_the_subgroups()
    {
        var output = new byte[256];
        Assert.True(Bls12MapFpToG1.TryRun(new byte[64], output, out _));
        Assert.True(Bls12G1Msm.TryRun([.. output.AsSpan(0, 128), .. new byte[32]], new byte[128], out _));
        Assert.True(Bls12MapFp2ToG2.TryRun(new byte[128], output, out _));
        Assert.True(Bls12G2Msm.TryRun([.. output, .. new byte[32]], new byte[256], out _));
    }

    private static int Run(byte[] input)
    {
        var output = new byte[32];
        Assert.True(Bls12PairingCheck.TryRun(input, output, out var error), error);
        Assert.True(output.AsSpan(0, 31).IndexOfAnyExcept((byte)0) < 0);
        return output[31];
    }

    private static JsonElement Vector(string file, int index)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Fixtures.Shared("hash-to-curve", file)));
        return document.RootElement.GetProperty("vectors")[index].Clone();
    }

    private static Fp2 ParseFp2(string text)
    {
        var parts = text.Split(',');
        return new Fp2(Random381.FromHex(parts[0]), Random381.FromHex(parts[1]));
    }
}
