using System.Security.Cryptography;

namespace Nectar.Crypto;

/// <summary>SHA-256 (FIPS 180-4) over spans; the hash behind precompile 0x02.</summary>
public static class Sha256
{
    /// <summary>Length of a SHA-256 digest: 32 bytes.</summary>
    public const int HashLength = 32;

    /// <summary>Hashes <paramref name="data"/> into <paramref name="output32"/>.</summary>
    /// <param name="data">The message.</param>
    /// <param name="output32">Receives the 32-byte digest.</param>
    /// <exception cref="ArgumentException"><paramref name="output32"/> is shorter than 32 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output32)
    {
        if (output32.Length < HashLength)
        {
            throw new ArgumentException("The output must hold 32 bytes.", nameof(output32));
        }

        SHA256.HashData(data, output32);
    }
}
