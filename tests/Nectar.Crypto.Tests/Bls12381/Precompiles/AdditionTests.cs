using Nectar.Crypto.Bls12381;
using Nectar.Crypto.Bls12381.Precompiles;
using static Nectar.Crypto.Tests.Bls12381.Precompiles.Eip2537Codec;

namespace Nectar.Crypto.Tests.Bls12381.Precompiles;

public class AdditionTests
{
    [Fact]
    public void G1_add_matches_group_addition()
    {
        var rng = new Random381(50);
        var a = rng.NextG1().ToAffine();
        var b = rng.NextG1().ToAffine();
        Assert.Equal(G1((a.ToProjective() + b).ToAffine()), RunG1([.. G1(a), .. G1(b)]));
        Assert.Equal(G1((a.ToProjective() + a).ToAffine()), RunG1([.. G1(a), .. G1(a)]));
        Assert.Equal(G1(a), RunG1([.. G1(a), .. G1(G1Affine.Identity)]));
        Assert.Equal(G1(b), RunG1([.. G1(G1Affine.Identity), .. G1(b)]));
        Assert.Equal(new byte[128], RunG1([.. G1(a), .. G1(a.Negate())]));
    }

    [Fact]
    public void G1_add_accepts_points_outside_the_subgroup()
    {
        var p = G1OutsideSubgroup();
        Assert.Equal(G1(p.ToProjective().Double().ToAffine()), RunG1([.. G1(p), .. G1(p)]));
    }

    [Fact]
    public void G1_add_rejects_malformed_input()
    {
        var g = G1(G1Affine.Generator);
        var output = new byte[128];
        Assert.False(Bls12G1Add.TryRun(g, output, out _));
        Assert.False(Bls12G1Add.TryRun([.. g, .. g, 0], output, out _));

        var padded = (byte[])g.Clone();
        padded[0] = 1;
        Assert.False(Bls12G1Add.TryRun([.. padded, .. g], output, out var error));
        Assert.Contains("padding", error, StringComparison.Ordinal);

        byte[] notCanonical = [.. new byte[16], .. Bls12381Constants.FieldModulus, .. g[64..]];
        Assert.False(Bls12G1Add.TryRun([.. notCanonical, .. g], output, out error));
        Assert.Contains("below p", error, StringComparison.Ordinal);

        var offCurve = (byte[])g.Clone();
        offCurve[127] ^= 1;
        Assert.False(Bls12G1Add.TryRun([.. g, .. offCurve], output, out error));
        Assert.Contains("curve", error, StringComparison.Ordinal);
    }

    [Fact]
    public void G2_add_matches_group_addition()
    {
        var rng = new Random381(51);
        var a = rng.NextG2().ToAffine();
        var b = rng.NextG2().ToAffine();
        Assert.Equal(G2((a.ToProjective() + b).ToAffine()), RunG2([.. G2(a), .. G2(b)]));
        Assert.Equal(G2((a.ToProjective() + a).ToAffine()), RunG2([.. G2(a), .. G2(a)]));
        Assert.Equal(G2(a), RunG2([.. G2(a), .. G2(G2Affine.Identity)]));
        Assert.Equal(new byte[256], RunG2([.. G2(a), .. G2(a.Negate())]));
        var outside = G2OutsideSubgroup();
        Assert.Equal(G2(outside.ToProjective().Double().ToAffine()), RunG2([.. G2(outside), .. G2(outside)]));
    }

    [Fact]
    public void G2_add_rejects_malformed_input()
    {
        var g = G2(G2Affine.Generator);
        var output = new byte[256];
        Assert.False(Bls12G2Add.TryRun(g, output, out _));
        var padded = (byte[])g.Clone();
        padded[64] = 1;
        Assert.False(Bls12G2Add.TryRun([.. g, .. padded], output, out _));
        var offCurve = (byte[])g.Clone();
        offCurve[255] ^= 1;
        Assert.False(Bls12G2Add.TryRun([.. offCurve, .. g], output, out _));
    }

    [Fact]
    public void G2_encoding_puts_c0_first()
    {
        // EIP-2537 writes F_p2 as c0 | c1 (the reverse of the ZCash order).
        var encoded = G2(G2Affine.Generator);
        Assert.Equal("024aa2b2f08f0a91", Convert.ToHexStringLower(encoded.AsSpan(16, 8)));
        Assert.Equal(encoded, RunG2([.. encoded, .. G2(G2Affine.Identity)]));
    }

    private static byte[] RunG1(byte[] input)
    {
        var output = new byte[128];
        Assert.True(Bls12G1Add.TryRun(input, output, out var error), error);
        return output;
    }

    private static byte[] RunG2(byte[] input)
    {
        var output = new byte[256];
        Assert.True(Bls12G2Add.TryRun(input, output, out var error), error);
        return output;
    }
}
