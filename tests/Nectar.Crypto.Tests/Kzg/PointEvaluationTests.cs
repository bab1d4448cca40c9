using System.Security.Cryptography;
using System.Text.Json;
using Nectar.Crypto.Bls12381;
using Nectar.Crypto.Kzg;
using Nectar.Tests;

namespace Nectar.Crypto.Tests.Kzg;

public class PointEvaluationTests
{
    private static readonly string[] StateTestFiles = ["point_evaluation_precompile_calls.json", "point_evaluation_precompile_gas_usage.json"];

    /// <summary>Every distinct precompile input in the Cancun point-evaluation state tests, with whether the test expects success.</summary>
    public static TheoryData<string, bool> StateTestInputs()
    {
        var data = new TheoryData<string, bool>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in StateTestFiles)
        {
            var path = Fixtures.Shared("ethereum-tests", "GeneralStateTests", "Pyspecs", "cancun", "eip4844_blobs", file);
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var test in document.RootElement.EnumerateObject())
            {
                // The tests name their cases: "correct"/"proof_correct" succeed, "incorrect"/"proof_incorrect" fail.
                var expectSuccess = !test.Name.Contains("incorrect", StringComparison.Ordinal);
                foreach (var input in test.Value.GetProperty("transaction").GetProperty("data").EnumerateArray())
                {
                    var hex = input.GetString()!;
                    if (seen.Add(hex))
                    {
                        data.Add(hex, expectSuccess);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StateTestInputs))]
    public void Matches_state_test_inputs(string inputHex, bool expectSuccess)
    {
        var input = Convert.FromHexString(inputHex[2..]);
        var output = new byte[64];
        Assert.Equal(expectSuccess, PointEvaluation.TryRun(input, output, out var error));
        Assert.Equal(expectSuccess, error is null);
        if (expectSuccess)
        {
            AssertSuccessOutput(output);
        }
    }

    [Fact]
    public void State_tests_supply_both_outcomes()
    {
        var inputs = StateTestInputs();
        Assert.Contains(inputs, row => (bool)row[1]);
        Assert.Contains(inputs, row => !(bool)row[1]);
    }

    [Fact]
    public void Accepts_valid_input_and_writes_blob_constants()
    {
        var input = Input(0);
        var output = new byte[64];
        Assert.True(PointEvaluation.TryRun(input, output, out var error), error);
        AssertSuccessOutput(output);
    }

    [Fact]
    public void Rejects_wrong_input_lengths()
    {
        var input = Input(0);
        var output = new byte[64];
        Assert.False(PointEvaluation.TryRun(input.AsSpan(0, 191), output, out _));
        Assert.False(PointEvaluation.TryRun([.. input, 0], output, out _));
        Assert.False(PointEvaluation.TryRun([], output, out _));
    }

    [Fact]
    public void Rejects_versioned_hash_mismatch()
    {
        var output = new byte[64];
        var input = Input(0);
        input[0] = 0x02;
        Assert.False(PointEvaluation.TryRun(input, output, out var error));
        Assert.Contains("versioned hash", error, StringComparison.Ordinal);

        input = Input(0);
        input[31] ^= 1;
        Assert.False(PointEvaluation.TryRun(input, output, out _));
    }

    [Fact]
    public void Rejects_wrong_evaluation()
    {
        var input = Input(1);
        input[95] ^= 1;
        Assert.False(PointEvaluation.TryRun(input, new byte[64], out var error));
        Assert.Equal("proof does not verify", error);
    }

    [Fact]
    public void Rejects_non_canonical_z_and_y()
    {
        var input = Input(2);
        Bls12381Constants.SubgroupOrder.CopyTo(input.AsSpan(32));
        Assert.False(PointEvaluation.TryRun(input, new byte[64], out var error));
        Assert.Contains("z", error, StringComparison.Ordinal);

        input = Input(2);
        Bls12381Constants.SubgroupOrder.CopyTo(input.AsSpan(64));
        Assert.False(PointEvaluation.TryRun(input, new byte[64], out _));
    }

    [Fact]
    public void Rejects_commitment_outside_the_subgroup()
    {
        var input = Input(0);
        var commitment = KzgVerifierTests.NotInSubgroupPoint();
        commitment.CopyTo(input.AsSpan(96));
        SetVersionedHash(input);
        Assert.False(PointEvaluation.TryRun(input, new byte[64], out var error));
        Assert.Contains("NotInSubgroup", error, StringComparison.Ordinal);
    }

    private static void AssertSuccessOutput(byte[] output)
    {
        Assert.Equal("0000000000000000000000000000000000000000000000000000000000001000", Convert.ToHexStringLower(output.AsSpan(0, 32)));
        Assert.Equal("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", Convert.ToHexStringLower(output.AsSpan(32, 32)));
    }

    private static byte[] Input(int vector)
    {
        var (c, z, y, p) = KzgVerifierTests.Vector(vector);
        var input = new byte[192];
        z.CopyTo(input, 32);
        y.CopyTo(input, 64);
        c.CopyTo(input, 96);
        p.CopyTo(input, 144);
        SetVersionedHash(input);
        return input;
    }

    private static void SetVersionedHash(byte[] input)
    {
        var hash = SHA256.HashData(input.AsSpan(96, 48));
        hash[0] = 0x01;
        hash.CopyTo(input, 0);
    }
}
