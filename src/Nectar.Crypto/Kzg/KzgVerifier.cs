using Nectar.Crypto.Bls12381;

namespace Nectar.Crypto.Kzg;

/// <summary>KZG opening-proof verification for EIP-4844 with the mainnet trusted setup.</summary>
public static class KzgVerifier
{
    /// <summary>Length of a serialized commitment or proof (a compressed G1 point).</summary>
    public const int PointLength = 48;

    /// <summary>Length of a serialized field element of the scalar field (big-endian, below r).</summary>
    public const int ScalarLength = 32;

    /// <summary>
    /// [τ]G2 from the Ethereum KZG ceremony (the second G2 point of the mainnet trusted setup: entry 1 of
    /// g2_monomial in c-kzg-4844's trusted_setup.txt, equal to KZG_SETUP_G2[1] of the consensus specs).
    /// </summary>
    private static readonly G2Prepared TauG2 = new(DecodeConstant(Convert.FromHexString(
        "b5bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d2914e5870cb452d2afaaab24f3499f72" +
        "185cbfee53492714734429b7b38608e23926c911cceceac9a36851477ba4c60b087041de621000edc98edada20c1def2")));

    private static readonly G1Affine NegatedG1 = G1Affine.Generator.Negate();

    // Both G2 arguments are constants, so their Miller-loop lines are computed once.
    private static readonly G2Prepared NegatedG2 = new(G2Affine.Generator.Negate());

    /// <summary>
    /// Checks that <paramref name="proof"/> opens <paramref name="commitment"/> to <paramref name="y"/> at
    /// <paramref name="z"/>: e(C - [y]G1, G2) = e(π, [τ]G2 - [z]G2). Returns false for any malformed input
    /// (bad encodings, points off the subgroup, scalars not below r).
    /// </summary>
    public static bool VerifyKzgProof(ReadOnlySpan<byte> commitment, ReadOnlySpan<byte> z, ReadOnlySpan<byte> y, ReadOnlySpan<byte> proof) =>
        TryVerifyKzgProof(commitment, z, y, proof, out var valid, out _) && valid;

    /// <summary>
    /// Like <see cref="VerifyKzgProof"/>, but tells malformed input (false, with a reason) from a well-formed proof
    /// that does not verify (true, with <paramref name="valid"/> false).
    /// </summary>
    public static bool TryVerifyKzgProof(
        ReadOnlySpan<byte> commitment,
        ReadOnlySpan<byte> z,
        ReadOnlySpan<byte> y,
        ReadOnlySpan<byte> proof,
        out bool valid,
        out string? error)
    {
        valid = false;
        if (!Bls12381Constants.IsCanonicalScalar(z))
        {
            error = "z is not a canonical scalar";
            return false;
        }

        if (!Bls12381Constants.IsCanonicalScalar(y))
        {
            error = "y is not a canonical scalar";
            return false;
        }

        if (!TryDecodeG1(commitment, out var c, out error) || !TryDecodeG1(proof, out var pi, out error))
        {
            return false;
        }

        valid = Verify(c, z, y, pi);
        error = null;
        return true;
    }

    /// <summary>
    /// The pairing equation on decoded points, rearranged so both scalar multiplications happen in G1 and the
    /// G2 arguments are constants: e(C - [y]G1 + [z]π, -G2) · e(π, [τ]G2) = 1.
    /// </summary>
    internal static bool Verify(in G1Affine commitment, ReadOnlySpan<byte> z, ReadOnlySpan<byte> y, in G1Affine proof)
    {
        // [y](-G1) + [z]π with shared doublings, then + C.
        Span<byte> scalars = stackalloc byte[2 * ScalarLength];
        y.CopyTo(scalars);
        z.CopyTo(scalars[ScalarLength..]);
        ReadOnlySpan<G1Affine> bases = [NegatedG1, proof];
        var lhs = G1Projective.MultiScalarMultiply(bases, scalars) + commitment;
        ReadOnlySpan<(G1Affine, G2Prepared)> pairs = [(lhs.ToAffine(), NegatedG2), (proof, TauG2)];
        return Pairing.PairingCheckPrepared(pairs);
    }

    private static bool TryDecodeG1(ReadOnlySpan<byte> encoded, out G1Affine point, out string? error)
    {
        // Commitments and proofs travel compressed only.
        if (encoded.Length != PointLength)
        {
            point = default;
            error = "point encoding must be 48 bytes";
            return false;
        }

        if (!G1Affine.TryDecode(encoded, out point, out var reason))
        {
            error = "invalid G1 point: " + reason;
            return false;
        }

        error = null;
        return true;
    }

    private static G2Affine DecodeConstant(ReadOnlySpan<byte> encoded) =>
        G2Affine.TryDecode(encoded, out var point, out var error) ? point : throw new InvalidOperationException("Bad trusted-setup constant: " + error);
}
