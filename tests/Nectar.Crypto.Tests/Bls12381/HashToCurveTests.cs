using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nectar.Crypto.Bls12381;
using Nectar.Tests;

namespace Nectar.Crypto.Tests.Bls12381;

/// <summary>Every vector of the RFC 9380 fixtures for the BLS12-381 suites and the expanders.</summary>
public class HashToCurveTests
{
    public static TheoryData<string, int> SuiteVectors()
    {
        var data = new TheoryData<string, int>();
        foreach (var suite in new[] { "BLS12381G1_XMD_SHA-256_SSWU_RO_", "BLS12381G1_XMD_SHA-256_SSWU_NU_", "BLS12381G2_XMD_SHA-256_SSWU_RO_", "BLS12381G2_XMD_SHA-256_SSWU_NU_" })
        {
            var count = Load(suite + ".json").GetProperty("vectors").GetArrayLength();
            for (var i = 0; i < count; i++)
            {
                data.Add(suite, i);
            }
        }

        return data;
    }

    public static TheoryData<string, int> ExpanderVectors()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in new[] { "expand_message_xmd_SHA256_38", "expand_message_xmd_SHA256_256", "expand_message_xmd_SHA512_38", "expand_message_xof_SHAKE128_36", "expand_message_xof_SHAKE128_256", "expand_message_xof_SHAKE256_36" })
        {
            var count = Load(file + ".json").GetProperty("tests").GetArrayLength();
            for (var i = 0; i < count; i++)
            {
                data.Add(file, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExpanderVectors))]
    public void Expander_matches_fixture(string file, int index)
    {
        var root = Load(file + ".json");
        var test = root.GetProperty("tests")[index];
        var dst = Encoding.ASCII.GetBytes(root.GetProperty("DST").GetString()!);
        var message = Encoding.ASCII.GetBytes(test.GetProperty("msg").GetString()!);
        var length = Convert.ToInt32(test.GetProperty("len_in_bytes").GetString(), 16);
        var hash = root.GetProperty("hash").GetString();
        var expected = Convert.FromHexString(test.GetProperty("uniform_bytes").GetString()!);
        var actual = hash switch
        {
            "SHA256" => ExpandMessage.Xmd(message, dst, length, HashAlgorithmName.SHA256),
            "SHA512" => ExpandMessage.Xmd(message, dst, length, HashAlgorithmName.SHA512),
            "SHAKE128" => ExpandMessage.Xof(message, dst, length, 128),
            "SHAKE256" => ExpandMessage.Xof(message, dst, length, 256),
            _ => throw new InvalidOperationException(hash),
        };
        Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(actual));
    }

    [Theory]
    [MemberData(nameof(SuiteVectors))]
    public void Suite_matches_fixture(string suite, int index)
    {
        var root = Load(suite + ".json");
        var vector = root.GetProperty("vectors")[index];
        var dst = Encoding.ASCII.GetBytes(root.GetProperty("dst").GetString()!);
        var message = Encoding.ASCII.GetBytes(vector.GetProperty("msg").GetString()!);
        var randomOracle = root.GetProperty("randomOracle").GetBoolean();
        var u = vector.GetProperty("u");

        if (suite.StartsWith("BLS12381G1", StringComparison.Ordinal))
        {
            var fieldElements = HashToCurve.HashToFieldFp(message, dst, randomOracle ? 2 : 1);
            for (var i = 0; i < fieldElements.Length; i++)
            {
                Assert.Equal(Random381.FromHex(u[i].GetString()!), fieldElements[i]);
            }

            if (randomOracle)
            {
                AssertG1(vector.GetProperty("Q0"), HashToCurve.MapToCurveG1(fieldElements[0]));
                AssertG1(vector.GetProperty("Q1"), HashToCurve.MapToCurveG1(fieldElements[1]));
                AssertG1(vector.GetProperty("P"), HashToCurve.HashToG1(message, dst));
            }
            else
            {
                AssertG1(vector.GetProperty("Q"), HashToCurve.MapToCurveG1(fieldElements[0]));
                AssertG1(vector.GetProperty("P"), HashToCurve.EncodeToG1(message, dst));
            }
        }
        else
        {
            var fieldElements = HashToCurve.HashToFieldFp2(message, dst, randomOracle ? 2 : 1);
            for (var i = 0; i < fieldElements.Length; i++)
            {
                Assert.Equal(ParseFp2(u[i].GetString()!), fieldElements[i]);
            }

            if (randomOracle)
            {
                AssertG2(vector.GetProperty("Q0"), HashToCurve.MapToCurveG2(fieldElements[0]));
                AssertG2(vector.GetProperty("Q1"), HashToCurve.MapToCurveG2(fieldElements[1]));
                AssertG2(vector.GetProperty("P"), HashToCurve.HashToG2(message, dst));
            }
            else
            {
                AssertG2(vector.GetProperty("Q"), HashToCurve.MapToCurveG2(fieldElements[0]));
                AssertG2(vector.GetProperty("P"), HashToCurve.EncodeToG2(message, dst));
            }
        }
    }

    [Fact]
    public void Hashed_points_are_in_the_subgroups()
    {
        var g1 = HashToCurve.HashToG1("abc"u8, "NECTAR-TEST"u8).ToAffine();
        var g2 = HashToCurve.HashToG2("abc"u8, "NECTAR-TEST"u8).ToAffine();
        Assert.True(g1.IsOnCurve && g1.IsInSubgroup);
        Assert.True(g2.IsOnCurve && g2.IsInSubgroup);
        Assert.NotEqual(g1, HashToCurve.HashToG1("abd"u8, "NECTAR-TEST"u8).ToAffine());
    }

    private static void AssertG1(JsonElement expected, G1Projective actual)
    {
        var affine = actual.ToAffine();
        Assert.Equal(Random381.FromHex(expected.GetProperty("x").GetString()!), affine.X);
        Assert.Equal(Random381.FromHex(expected.GetProperty("y").GetString()!), affine.Y);
    }

    private static void AssertG2(JsonElement expected, G2Projective actual)
    {
        var affine = actual.ToAffine();
        Assert.Equal(ParseFp2(expected.GetProperty("x").GetString()!), affine.X);
        Assert.Equal(ParseFp2(expected.GetProperty("y").GetString()!), affine.Y);
    }

    private static Fp2 ParseFp2(string text)
    {
        var parts = text.Split(',');
        return new Fp2(Random381.FromHex(parts[0]), Random381.FromHex(parts[1]));
    }

    private static JsonElement Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Fixtures.Shared("hash-to-curve", file)));
        return document.RootElement.Clone();
    }
}
