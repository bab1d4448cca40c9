namespace Nectar.Crypto.Bls12381.Precompiles;

/// <summary>EIP-2537 BLS12_MAP_FP2_TO_G2 (0x11): the simplified SWU map and cofactor clearing of RFC 9380 applied to one F_p2 element.</summary>
public static class Bls12MapFp2ToG2
{
    /// <summary>Required input length: one 128-byte F_p2 element (c0 | c1).</summary>
    public const int InputLength = 128;

    /// <summary>Output length: one G2 point.</summary>
    public const int OutputLength = 256;

    /// <summary>Runs the precompile; on failure returns false with a reason (the call fails and consumes its gas).</summary>
    public static bool TryRun(ReadOnlySpan<byte> input, Span<byte> output, out string? error)
    {
        Eip2537Encoding.EnsureOutput(output, OutputLength);
        if (input.Length != InputLength)
        {
            error = "input must be 128 bytes";
            return false;
        }

        if (!Eip2537Encoding.TryReadFp2(input, out var u, out error))
        {
            return false;
        }

        Eip2537Encoding.WriteG2(HashToCurve.MapToG2(u).ToAffine(), output);
        return true;
    }
}
