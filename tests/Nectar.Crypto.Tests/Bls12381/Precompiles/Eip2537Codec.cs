using Nectar.Crypto.Bls12381;

namespace Nectar.Crypto.Tests.Bls12381.Precompiles;

/// <summary>Test-side writer of the EIP-2537 encodings, built on the public types only.</summary>
internal static class Eip2537Codec
{
    internal static byte[] Fp(Fp value) => [.. new byte[16], .. value.ToBytes()];

    internal static byte[] Fp2(Fp2 value) => [.. Fp(value.C0), .. Fp(value.C1)];

    internal static byte[] G1(G1Affine p) => p.IsInfinity ? new byte[128] : [.. Fp(p.X), .. Fp(p.Y)];

    internal static byte[] G2(G2Affine p) => p.IsInfinity ? new byte[256] : [.. Fp2(p.X), .. Fp2(p.Y)];

    /// <summary>A point of E(F_p) outside G1.</summary>
    internal static G1Affine G1OutsideSubgroup()
    {
        for (ulong x = 1; ; x++)
        {
            var fx = Nectar.Crypto.Bls12381.Fp.FromUInt64(x);
            if (((fx.Square() * fx) + Nectar.Crypto.Bls12381.Fp.FromUInt64(4)).TrySqrt(out var y))
            {
                return new G1Affine(fx, y);
            }
        }
    }

    /// <summary>A point of the twist outside G2.</summary>
    internal static G2Affine G2OutsideSubgroup()
    {
        for (ulong x = 1; ; x++)
        {
            var fx = new Fp2(Nectar.Crypto.Bls12381.Fp.FromUInt64(x), Nectar.Crypto.Bls12381.Fp.Zero);
            var four = Nectar.Crypto.Bls12381.Fp.FromUInt64(4);
            if (((fx.Square() * fx) + new Fp2(four, four)).TrySqrt(out var y))
            {
                return new G2Affine(fx, y);
            }
        }
    }
}
