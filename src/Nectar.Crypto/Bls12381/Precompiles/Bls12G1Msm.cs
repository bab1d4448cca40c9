namespace Nectar.Crypto.Bls12381.Precompiles;

/// <summary>
/// EIP-2537 BLS12_G1MSM (0x0c): Σ k_i·P_i over k pairs of (G1 point, 32-byte scalar); every point must be on the
/// curve and in the subgroup; k = 1 is plain scalar multiplication.
/// </summary>
public static class Bls12G1Msm
{
    /// <summary>Length of one (point, scalar) pair.</summary>
    public const int PairLength = 160;

    /// <summary>Output length: one G1 point.</summary>
    public const int OutputLength = 128;

    /// <summary>The number of pairs k the gas formula needs (the input length divided by 160, rounded down).</summary>
    public static int PairCount(int inputLength) => inputLength / PairLength;

    /// <summary>Runs the precompile; on failure returns false with a reason (the call fails and consumes its gas).</summary>
    public static bool TryRun(ReadOnlySpan<byte> input, Span<byte> output, out string? error)
    {
        Eip2537Encoding.EnsureOutput(output, OutputLength);
        if (input.Length == 0 || input.Length % PairLength != 0)
        {
            error = "input length must be a non-zero multiple of 160";
            return false;
        }

        var k = PairCount(input.Length);
        var points = new G1Affine[k];
        var scalars = new byte[k * Eip2537Encoding.ScalarLength];
        for (var i = 0; i < k; i++)
        {
            var pair = input.Slice(i * PairLength, PairLength);
            if (!Eip2537Encoding.TryReadG1(pair[..Eip2537Encoding.G1Length], true, out points[i], out error))
            {
                return false;
            }

            pair[Eip2537Encoding.G1Length..].CopyTo(scalars.AsSpan(i * Eip2537Encoding.ScalarLength));
        }

        Eip2537Encoding.WriteG1(G1Projective.MultiScalarMultiply(points, scalars).ToAffine(), output);
        error = null;
        return true;
    }
}
