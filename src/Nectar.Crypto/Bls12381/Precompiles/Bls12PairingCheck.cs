namespace Nectar.Crypto.Bls12381.Precompiles;

/// <summary>
/// EIP-2537 BLS12_PAIRING_CHECK (0x0f): 32 bytes holding 1 when Π e(P_i, Q_i) = 1 over k pairs of (G1, G2) points,
/// else 0; every point must be on its curve and in its subgroup.
/// </summary>
public static class Bls12PairingCheck
{
    /// <summary>Length of one (G1, G2) pair.</summary>
    public const int PairLength = 384;

    /// <summary>Output length.</summary>
    public const int OutputLength = 32;

    /// <summary>The number of pairs k the gas formula needs (the input length divided by 384, rounded down).</summary>
    public static int PairCount(int inputLength) => inputLength / PairLength;

    /// <summary>Runs the precompile; on failure returns false with a reason (the call fails and consumes its gas).</summary>
    public static bool TryRun(ReadOnlySpan<byte> input, Span<byte> output, out string? error)
    {
        Eip2537Encoding.EnsureOutput(output, OutputLength);
        if (input.Length == 0 || input.Length % PairLength != 0)
        {
            error = "input length must be a non-zero multiple of 384";
            return false;
        }

        var k = PairCount(input.Length);
        var pairs = new (G1Affine, G2Affine)[k];
        for (var i = 0; i < k; i++)
        {
            var pair = input.Slice(i * PairLength, PairLength);
            if (!Eip2537Encoding.TryReadG1(pair[..Eip2537Encoding.G1Length], true, out var p, out error) ||
                !Eip2537Encoding.TryReadG2(pair[Eip2537Encoding.G1Length..], true, out var q, out error))
            {
                return false;
            }

            pairs[i] = (p, q);
        }

        output[..OutputLength].Clear();
        output[OutputLength - 1] = Pairing.PairingCheck(pairs) ? (byte)1 : (byte)0;
        error = null;
        return true;
    }
}
