namespace Nectar.Crypto.Bls12381.Precompiles;

/// <summary>EIP-2537 BLS12_G2ADD (0x0d): the sum of two G2 points; points must be on the curve, no subgroup check.</summary>
public static class Bls12G2Add
{
    /// <summary>Required input length: two 256-byte G2 points.</summary>
    public const int InputLength = 512;

    /// <summary>Output length: one G2 point.</summary>
    public const int OutputLength = 256;

    /// <summary>Runs the precompile; on failure returns false with a reason (the call fails and consumes its gas).</summary>
    public static bool TryRun(ReadOnlySpan<byte> input, Span<byte> output, out string? error)
    {
        Eip2537Encoding.EnsureOutput(output, OutputLength);
        if (input.Length != InputLength)
        {
            error = "input must be 512 bytes";
            return false;
        }

        if (!Eip2537Encoding.TryReadG2(input[..256], false, out var a, out error) || !Eip2537Encoding.TryReadG2(input[256..], false, out var b, out error))
        {
            return false;
        }

        Eip2537Encoding.WriteG2((a.ToProjective() + b).ToAffine(), output);
        return true;
    }
}
