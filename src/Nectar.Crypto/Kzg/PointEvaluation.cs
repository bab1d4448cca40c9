using System.Security.Cryptography;
using Nectar.Crypto.Bls12381;

namespace Nectar.Crypto.Kzg;

/// <summary>The EIP-4844 point evaluation precompile (address 0x0a), without gas accounting.</summary>
public static class PointEvaluation
{
    /// <summary>Exact input length: versioned_hash(32) | z(32) | y(32) | commitment(48) | proof(48).</summary>
    public const int InputLength = 192;

    /// <summary>Output length: FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS, each 32 bytes big-endian.</summary>
    public const int OutputLength = 64;

    /// <summary>The version byte of a KZG versioned hash.</summary>
    public const byte VersionedHashVersionKzg = 0x01;

    /// <summary>The number of field elements in a blob.</summary>
    public const int FieldElementsPerBlob = 4096;

    /// <summary>
    /// Runs the precompile. On success writes FIELD_ELEMENTS_PER_BLOB | BLS_MODULUS to <paramref name="output"/>;
    /// on failure returns false with a reason, and the call fails (consuming its gas).
    /// </summary>
    public static bool TryRun(ReadOnlySpan<byte> input, Span<byte> output, out string? error)
    {
        if (input.Length != InputLength)
        {
            error = "input must be exactly 192 bytes";
            return false;
        }

        if (output.Length < OutputLength)
        {
            throw new ArgumentException("Output buffer must hold 64 bytes.", nameof(output));
        }

        var versionedHash = input[..32];
        var z = input.Slice(32, 32);
        var y = input.Slice(64, 32);
        var commitment = input.Slice(96, 48);
        var proof = input.Slice(144, 48);

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(commitment, hash);
        hash[0] = VersionedHashVersionKzg;
        if (!hash.SequenceEqual(versionedHash))
        {
            error = "versioned hash does not match the commitment";
            return false;
        }

        if (!KzgVerifier.TryVerifyKzgProof(commitment, z, y, proof, out var valid, out error))
        {
            return false;
        }

        if (!valid)
        {
            error = "proof does not verify";
            return false;
        }

        WriteSuccessOutput(output);
        error = null;
        return true;
    }

    /// <summary>Writes the constant success output: 4096 and r, each as a 32-byte big-endian word.</summary>
    public static void WriteSuccessOutput(Span<byte> output)
    {
        output[..32].Clear();
        output[30] = FieldElementsPerBlob >> 8;
        output[31] = FieldElementsPerBlob & 0xff;
        Bls12381Constants.SubgroupOrder.CopyTo(output[32..64]);
    }
}
