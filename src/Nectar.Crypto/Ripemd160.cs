using Org.BouncyCastle.Crypto.Digests;

namespace Nectar.Crypto;

/// <summary>RIPEMD-160 over spans; the hash behind precompile 0x03 (which left-pads it to 32 bytes).</summary>
public static class Ripemd160
{
    /// <summary>Length of a RIPEMD-160 digest: 20 bytes.</summary>
    public const int HashLength = 20;

    // The digest only accepts arrays, so input is fed through a small per-thread buffer; one digest
    // and one buffer per thread keep the call free of allocation and safe under concurrency.
    private const int ChunkLength = 256;

    [ThreadStatic]
    private static RipeMD160Digest? _threadDigest;

    [ThreadStatic]
    private static byte[]? _threadBuffer;

    /// <summary>Hashes <paramref name="data"/> into <paramref name="output20"/>.</summary>
    /// <param name="data">The message.</param>
    /// <param name="output20">Receives the 20-byte digest.</param>
    /// <exception cref="ArgumentException"><paramref name="output20"/> is shorter than 20 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output20)
    {
        if (output20.Length < HashLength)
        {
            throw new ArgumentException("The output must hold 20 bytes.", nameof(output20));
        }

        var digest = _threadDigest ??= new RipeMD160Digest();
        var buffer = _threadBuffer ??= new byte[ChunkLength];
        digest.Reset();
        while (!data.IsEmpty)
        {
            var length = Math.Min(data.Length, ChunkLength);
            data[..length].CopyTo(buffer);
            digest.BlockUpdate(buffer, 0, length);
            data = data[length..];
        }

        digest.DoFinal(buffer, 0);
        buffer.AsSpan(0, HashLength).CopyTo(output20);
    }
}
