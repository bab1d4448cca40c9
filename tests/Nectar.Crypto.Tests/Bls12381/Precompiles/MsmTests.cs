using Nectar.Crypto.Bls12381;
using Nectar.Crypto.Bls12381.Precompiles;
using static Nectar.Crypto.Tests.Bls12381.Precompiles.Eip2537Codec;

namespace Nectar.Crypto.Tests.Bls12381.Precompiles;

public class MsmTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(12)]
    public void G1_msm_matches_sum_of_products(int k)
    {
        var rng = new Random381(60 + k);
        var input = new List<byte>();
        var expected = G1Projective.Identity;
        for (var i = 0; i < k; i++)
        {
            var p = rng.NextG1().ToAffine();
            var s = rng.NextScalar();
            input.AddRange(G1(p));
            input.AddRange(s);
            expected += p.ToProjective().Multiply(s);
        }

        var output = new byte[128];
        Assert.True(Bls12G1Msm.TryRun(input.ToArray(), output, out var error), error);
        Assert.Equal(G1(expected.ToAffine()), output);
        Assert.Equal(k, Bls12G1Msm.PairCount(input.Count));
    }

    [Fact]
    public void G1_msm_accepts_scalars_at_or_above_r()
    {
        var output = new byte[128];
        Assert.True(Bls12G1Msm.TryRun([.. G1(G1Affine.Generator), .. Bls12381Constants.SubgroupOrder], output, out _));
        Assert.Equal(new byte[128], output);

        var max = Enumerable.Repeat((byte)0xff, 32).ToArray();
        Assert.True(Bls12G1Msm.TryRun([.. G1(G1Affine.Generator), .. max], output, out _));
        Assert.Equal(G1(G1Projective.Generator.Multiply(max).ToAffine()), output);

        Assert.True(Bls12G1Msm.TryRun([.. G1(G1Affine.Identity), .. max], output, out _));
        Assert.Equal(new byte[128], output);
    }

    [Fact]
    public void G1_msm_rejects_points_outside_the_subgroup()
    {
        var output = new byte[128];
        Assert.False(Bls12G1Msm.TryRun([.. G1(G1OutsideSubgroup()), .. new byte[32]], output, out var error));
        Assert.Contains("subgroup", error, StringComparison.Ordinal);
    }

    [Fact]
    public void G1_msm_rejects_bad_lengths()
    {
        var output = new byte[128];
        Assert.False(Bls12G1Msm.TryRun([], output, out _));
        Assert.False(Bls12G1Msm.TryRun(new byte[159], output, out _));
        Assert.False(Bls12G1Msm.TryRun(new byte[161], output, out _));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void G2_msm_matches_sum_of_products(int k)
    {
        var rng = new Random381(70 + k);
        var input = new List<byte>();
        var expected = G2Projective.Identity;
        for (var i = 0; i < k; i++)
        {
            var p = rng.NextG2().ToAffine();
            var s = rng.NextScalar();
            input.AddRange(G2(p));
            input.AddRange(s);
            expected += p.ToProjective().Multiply(s);
        }

        var output = new byte[256];
        Assert.True(Bls12G2Msm.TryRun(input.ToArray(), output, out var error), error);
        Assert.Equal(G2(expected.ToAffine()), output);
        Assert.Equal(k, Bls12G2Msm.PairCount(input.Count));
    }

    [Fact]
    public void G2_msm_rejects_points_outside_the_subgroup_and_bad_lengths()
    {
        var output = new byte[256];
        Assert.False(Bls12G2Msm.TryRun([.. G2(G2OutsideSubgroup()), .. new byte[32]], output, out var error));
        Assert.Contains("subgroup", error, StringComparison.Ordinal);
        Assert.False(Bls12G2Msm.TryRun([], output, out _));
        Assert.False(Bls12G2Msm.TryRun(new byte[287], output, out _));
    }
}
