using Nectar.Crypto.Bls12381;

namespace Nectar.Crypto.Tests.Bls12381;

public class PairingTests
{
    [Fact]
    public void Pairing_is_non_degenerate_and_has_order_r()
    {
        var e = Pairing.Pair(G1Affine.Generator, G2Affine.Generator);
        Assert.False(e.IsOne);
        Assert.True(Pow(e, Bls12381Constants.SubgroupOrder).IsOne);
    }

    [Fact]
    public void Pairing_is_bilinear()
    {
        var rng = new Random381(30);
        var a = rng.NextScalar();
        var b = rng.NextScalar();
        var p = G1Affine.Generator;
        var q = G2Affine.Generator;
        var e = Pairing.Pair(p, q);
        var left = Pairing.Pair(G1Projective.Generator.Multiply(a).ToAffine(), G2Projective.Generator.Multiply(b).ToAffine());
        var ab = Random381.ToBytes32(new System.Numerics.BigInteger(a, true, true) * new System.Numerics.BigInteger(b, true, true) % Random381.R);
        Assert.Equal(Pow(e, ab), left);
        Assert.Equal(Pairing.Pair(G1Projective.Generator.Multiply(ab).ToAffine(), q), left);
        Assert.Equal(Pairing.Pair(p, G2Projective.Generator.Multiply(ab).ToAffine()), left);
    }

    [Fact]
    public void Pairing_check_accepts_balanced_products_and_rejects_others()
    {
        var rng = new Random381(31);
        var a = rng.NextScalar();
        var pa = G1Projective.Generator.Multiply(a).ToAffine();
        var qa = G2Projective.Generator.Multiply(a).ToAffine();
        // e(aG1, G2) · e(-G1, aG2) = 1
        Assert.True(Pairing.PairingCheck([(pa, G2Affine.Generator), (G1Affine.Generator.Negate(), qa)]));
        Assert.False(Pairing.PairingCheck([(pa, G2Affine.Generator), (G1Affine.Generator, qa)]));
        Assert.False(Pairing.PairingCheck([(pa, G2Affine.Generator)]));
        Assert.True(Pairing.PairingCheck([]));
        Assert.True(Pairing.PairingCheck([(G1Affine.Identity, G2Affine.Generator), (G1Affine.Generator, G2Affine.Identity)]));

        // Many pairs: sum of a_i·b_i = 0 across five pairs.
        var pairs = new (G1Affine, G2Affine)[5];
        var total = G1Projective.Identity;
        for (var i = 0; i < 4; i++)
        {
            var p = rng.NextG1();
            pairs[i] = (p.ToAffine(), G2Affine.Generator);
            total += p;
        }

        pairs[4] = ((-total).ToAffine(), G2Affine.Generator);
        Assert.True(Pairing.PairingCheck(pairs));
        pairs[4] = (total.ToAffine(), G2Affine.Generator);
        Assert.False(Pairing.PairingCheck(pairs));
    }

    [Fact]
    public void Pairing_of_generators_matches_an_independent_implementation()
    {
        // The first F_p coefficient of e(G1, G2) as computed by the noble-curves library, which uses the same
        // tower and final-exponentiation convention.
        var reference = Random381.FromHex("1250ebd871fc0a92a7b2d83168d0d727272d441befa15c503dd8e90ce98db3e7b6d194f60839c508a84305aaca1789b6");
        var e = Pairing.Pair(G1Affine.Generator, G2Affine.Generator);
        Assert.Equal(reference, e.C0.C0.C0);
    }

    [Fact]
    public void Prepared_lines_give_the_same_miller_loop()
    {
        var rng = new Random381(32);
        var p = rng.NextG1().ToAffine();
        var q = rng.NextG2().ToAffine();
        var prepared = new G2Prepared(q);
        Assert.Equal(Pairing.MillerLoop([(p, q)]), Pairing.MillerLoopPrepared([(p, prepared)]));
        Assert.True(Pairing.PairingCheckPrepared([(p, prepared), (p.Negate(), prepared)]));
        Assert.False(Pairing.PairingCheckPrepared([(p, prepared)]));
        Assert.True(Pairing.PairingCheckPrepared([(p, new G2Prepared(G2Affine.Identity))]));
    }

    internal static Fp12 Pow(Fp12 a, ReadOnlySpan<byte> bigEndian)
    {
        var result = Fp12.One;
        foreach (var b in bigEndian)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                result = result.Square();
                if (((b >> bit) & 1) != 0)
                {
                    result *= a;
                }
            }
        }

        return result;
    }
}
