namespace Nectar.Crypto.Bls12381.Precompiles;

/// <summary>
/// The EIP-2537 encodings: a base-field element is 64 bytes (16 zero bytes, then 48 big-endian bytes below p);
/// F_p2 is c0 | c1; a G1 point is x | y (128 bytes) and a G2 point x | y (256 bytes), with all zeros for the point at
/// infinity; a scalar is 32 big-endian bytes of any value.
/// </summary>
internal static class Eip2537Encoding
{
    internal const int FpLength = 64;
    internal const int Fp2Length = 128;
    internal const int G1Length = 128;
    internal const int G2Length = 256;
    internal const int ScalarLength = 32;

    private const int PaddingLength = 16;

    internal static bool TryReadFp(ReadOnlySpan<byte> input, out Fp value, out string? error)
    {
        if (input[..PaddingLength].ContainsAnyExcept((byte)0))
        {
            value = default;
            error = "field element padding is not zero";
            return false;
        }

        if (!Fp.TryFromBytes(input.Slice(PaddingLength, Fp.ByteLength), out value))
        {
            error = "field element is not below p";
            return false;
        }

        error = null;
        return true;
    }

    internal static bool TryReadFp2(ReadOnlySpan<byte> input, out Fp2 value, out string? error)
    {
        value = default;
        if (!TryReadFp(input[..FpLength], out var c0, out error) || !TryReadFp(input.Slice(FpLength, FpLength), out var c1, out error))
        {
            return false;
        }

        value = new Fp2(c0, c1);
        return true;
    }

    internal static bool TryReadG1(ReadOnlySpan<byte> input, bool checkSubgroup, out G1Affine point, out string? error)
    {
        point = default;
        if (!TryReadFp(input[..FpLength], out var x, out error) || !TryReadFp(input.Slice(FpLength, FpLength), out var y, out error))
        {
            return false;
        }

        if (x.IsZero && y.IsZero)
        {
            point = G1Affine.Identity;
            return true;
        }

        point = new G1Affine(x, y);
        if (!point.IsOnCurve)
        {
            error = "G1 point is not on the curve";
            return false;
        }

        if (checkSubgroup && !point.IsInSubgroup)
        {
            error = "G1 point is not in the subgroup";
            return false;
        }

        return true;
    }

    internal static bool TryReadG2(ReadOnlySpan<byte> input, bool checkSubgroup, out G2Affine point, out string? error)
    {
        point = default;
        if (!TryReadFp2(input[..Fp2Length], out var x, out error) || !TryReadFp2(input.Slice(Fp2Length, Fp2Length), out var y, out error))
        {
            return false;
        }

        if (x.IsZero && y.IsZero)
        {
            point = G2Affine.Identity;
            return true;
        }

        point = new G2Affine(x, y);
        if (!point.IsOnCurve)
        {
            error = "G2 point is not on the curve";
            return false;
        }

        if (checkSubgroup && !point.IsInSubgroup)
        {
            error = "G2 point is not in the subgroup";
            return false;
        }

        return true;
    }

    internal static void WriteFp(in Fp value, Span<byte> output)
    {
        output[..PaddingLength].Clear();
        value.WriteBytes(output.Slice(PaddingLength, Fp.ByteLength));
    }

    internal static void WriteG1(in G1Affine point, Span<byte> output)
    {
        if (point.IsInfinity)
        {
            output[..G1Length].Clear();
            return;
        }

        WriteFp(point.X, output);
        WriteFp(point.Y, output[FpLength..]);
    }

    internal static void WriteG2(in G2Affine point, Span<byte> output)
    {
        if (point.IsInfinity)
        {
            output[..G2Length].Clear();
            return;
        }

        WriteFp(point.X.C0, output);
        WriteFp(point.X.C1, output[FpLength..]);
        WriteFp(point.Y.C0, output[(2 * FpLength)..]);
        WriteFp(point.Y.C1, output[(3 * FpLength)..]);
    }

    internal static void EnsureOutput(Span<byte> output, int length)
    {
        if (output.Length < length)
        {
            throw new ArgumentException($"Output buffer must hold {length} bytes.", nameof(output));
        }
    }
}
