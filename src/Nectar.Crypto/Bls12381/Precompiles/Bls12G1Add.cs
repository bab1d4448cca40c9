namespace Nectar.Crypto.Bls12381.Precompiles;

/// <summary>EIP-2537 BLS12_G1ADD (0x0b): the sum of two G1 points; points must be on the curve, no subgroup check.</summary>
public static class Bls12G1Add
{
    /// <summary>Required input length: two 128-byte G1 points.</summary>
    public const int InputLength = 256;

    /// <summary>Output length: one G1 point.</summary>
    public const int OutputLength = 128;

    /// <summary>Runs the precompile; on failure returns false with a reason (the call fails and consumes its gas).</summary>
    public static bool TryRun(ReadOnlySpan<byte> input, Span<byte> output, out string? error)
    {
        Eip2537Encoding.EnsureOutput(output, OutputLength);
        if (input.Length != InputLength)
        {
            error = "input must be 256 bytes";
            return false;
        }

        if (!Eip2537Encoding.TryReadG1(input[..128], false, out var a, out error) || !Eip2537Encoding.TryReadG1(input[128..], false, out var b, out error))
        {
            return false;
        }

        Eip2537Encoding.WriteG1((a.ToProjective() + b).ToAffine(), output);
        return true;
    }
}
