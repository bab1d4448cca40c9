using System.Security.Cryptography;

namespace Nectar.Crypto.Bls12381;

/// <summary>
/// Hashing to G1 and G2 per RFC 9380 with expand_message_xmd over SHA-256, the simplified SWU map, the 11- and
/// 3-isogenies and cofactor clearing: suites BLS12381G1_XMD:SHA-256_SSWU_RO_/NU_ and BLS12381G2_XMD:SHA-256_SSWU_RO_/NU_.
/// </summary>
public static class HashToCurve
{
    // L = ceil((ceil(log2(p)) + k) / 8) = 64 bytes per base-field element for k = 128.
    private const int ElementLength = 64;

    /// <summary>hash_to_curve for G1 (random-oracle suite BLS12381G1_XMD:SHA-256_SSWU_RO_).</summary>
    public static G1Projective HashToG1(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst)
    {
        var uniform = ExpandMessage.Xmd(message, dst, 2 * ElementLength, HashAlgorithmName.SHA256);
        var q0 = MapToCurveG1(Fp.FromBytesWide(uniform.AsSpan(0, 64)));
        var q1 = MapToCurveG1(Fp.FromBytesWide(uniform.AsSpan(64, 64)));
        return (q0 + q1).ClearCofactor();
    }

    /// <summary>encode_to_curve for G1 (non-uniform suite BLS12381G1_XMD:SHA-256_SSWU_NU_).</summary>
    public static G1Projective EncodeToG1(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst)
    {
        var uniform = ExpandMessage.Xmd(message, dst, ElementLength, HashAlgorithmName.SHA256);
        return MapToCurveG1(Fp.FromBytesWide(uniform)).ClearCofactor();
    }

    /// <summary>hash_to_curve for G2 (random-oracle suite BLS12381G2_XMD:SHA-256_SSWU_RO_).</summary>
    public static G2Projective HashToG2(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst)
    {
        var uniform = ExpandMessage.Xmd(message, dst, 4 * ElementLength, HashAlgorithmName.SHA256);
        var q0 = MapToCurveG2(Fp2FromUniform(uniform.AsSpan(0, 128)));
        var q1 = MapToCurveG2(Fp2FromUniform(uniform.AsSpan(128, 128)));
        return (q0 + q1).ClearCofactor();
    }

    /// <summary>encode_to_curve for G2 (non-uniform suite BLS12381G2_XMD:SHA-256_SSWU_NU_).</summary>
    public static G2Projective EncodeToG2(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst)
    {
        var uniform = ExpandMessage.Xmd(message, dst, 2 * ElementLength, HashAlgorithmName.SHA256);
        return MapToCurveG2(Fp2FromUniform(uniform)).ClearCofactor();
    }

    /// <summary>hash_to_field for F_p: <paramref name="count"/> elements from expand_message_xmd with SHA-256.</summary>
    public static Fp[] HashToFieldFp(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst, int count)
    {
        var uniform = ExpandMessage.Xmd(message, dst, count * ElementLength, HashAlgorithmName.SHA256);
        var result = new Fp[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = Fp.FromBytesWide(uniform.AsSpan(i * ElementLength, ElementLength));
        }

        return result;
    }

    /// <summary>hash_to_field for F_p2: <paramref name="count"/> elements from expand_message_xmd with SHA-256.</summary>
    public static Fp2[] HashToFieldFp2(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst, int count)
    {
        var uniform = ExpandMessage.Xmd(message, dst, count * 2 * ElementLength, HashAlgorithmName.SHA256);
        var result = new Fp2[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = Fp2FromUniform(uniform.AsSpan(i * 2 * ElementLength, 2 * ElementLength));
        }

        return result;
    }

    /// <summary>map_to_curve for G1: simplified SWU on E1' followed by the 11-isogeny; the result still carries the cofactor.</summary>
    public static G1Projective MapToCurveG1(in Fp u)
    {
        SimplifiedSwu.Map(u, IsogenyG1.A, IsogenyG1.B, IsogenyG1.Z, out var x, out var y);
        return new G1Projective(SimplifiedSwu.Isogeny(x, y, IsogenyG1.XNum, IsogenyG1.XDen, IsogenyG1.YNum, IsogenyG1.YDen));
    }

    /// <summary>map_to_curve for G2: simplified SWU on E2' followed by the 3-isogeny; the result still carries the cofactor.</summary>
    public static G2Projective MapToCurveG2(in Fp2 u)
    {
        SimplifiedSwu.Map(u, IsogenyG2.A, IsogenyG2.B, IsogenyG2.Z, out var x, out var y);
        return new G2Projective(SimplifiedSwu.Isogeny(x, y, IsogenyG2.XNum, IsogenyG2.XDen, IsogenyG2.YNum, IsogenyG2.YDen));
    }

    /// <summary>map_to_curve then clear_cofactor: the EIP-2537 MAP_FP_TO_G1 operation.</summary>
    public static G1Projective MapToG1(in Fp u) => MapToCurveG1(u).ClearCofactor();

    /// <summary>map_to_curve then clear_cofactor: the EIP-2537 MAP_FP2_TO_G2 operation.</summary>
    public static G2Projective MapToG2(in Fp2 u) => MapToCurveG2(u).ClearCofactor();

    private static Fp2 Fp2FromUniform(ReadOnlySpan<byte> bytes128) =>
        new(Fp.FromBytesWide(bytes128[..64]), Fp.FromBytesWide(bytes128[64..128]));
}
