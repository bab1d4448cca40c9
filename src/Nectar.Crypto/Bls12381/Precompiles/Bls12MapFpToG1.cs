namespace Nectar.Crypto.Bls12381.Precompiles;

/// <summary>EIP-2537 BLS12_MAP_FP_TO_G1 (0x10): the simplified SWU map and cofactor clearing of RFC 9380 applied to one F_p element.</summary>
public static class Bls12MapFpToG1
{
    /// <summary>Required input length: one 64-byte field element.</summary>
    public const int InputLength = 64;

    /// <summary>Output length: one G1 point.</summary>
    public const int OutputLength = 128;

    /// <summary>Runs the precompile; on failure returns false with a reason (the call fails and consumes its gas).</summary>
    public static bool TryRun(ReadOnlySpan<byte> input, Span<byte> output, out string? error)
    {
        Eip2537Encoding.EnsureOutput(output, OutputLength);
        if (input.Length != InputLength)
        {
            error = "input must be 64 bytes";
            return false;
        }

        if (!Eip2537Encoding.TryReadFp(input, out var u, out error))
        {
            return false;
        }

        Eip2537Encoding.WriteG1(HashToCurve.MapToG1(u).ToAffine(), output);
        return true;
    }
}
