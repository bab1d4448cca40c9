using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Nectar.Crypto.Keystore;

/// <summary>
/// AES in counter mode, which .NET does not offer directly: the key stream is AES-ECB over successive counter
/// blocks, the IV incremented as one 128-bit big-endian integer (as Go's <c>cipher.NewCTR</c> and every keystore
/// implementation do). Encryption and decryption are the same operation.
/// </summary>
internal static class AesCtr
{
    private const int BlockSize = 16;

    public static void Transform(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (iv.Length != BlockSize)
        {
            throw new KeystoreException($"The AES-128-CTR IV must be {BlockSize} bytes, got {iv.Length}.");
        }

        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        Span<byte> counter = stackalloc byte[BlockSize];
        Span<byte> stream = stackalloc byte[BlockSize];
        iv.CopyTo(counter);
        for (var offset = 0; offset < input.Length; offset += BlockSize)
        {
            aes.EncryptEcb(counter, stream, PaddingMode.None);
            var count = Math.Min(BlockSize, input.Length - offset);
            for (var i = 0; i < count; i++)
            {
                output[offset + i] = (byte)(input[offset + i] ^ stream[i]);
            }

            Increment(counter);
        }

        CryptographicOperations.ZeroMemory(stream);
    }

    private static void Increment(Span<byte> counter)
    {
        var low = BinaryPrimitives.ReadUInt64BigEndian(counter[8..]) + 1;
        BinaryPrimitives.WriteUInt64BigEndian(counter[8..], low);
        if (low == 0)
        {
            BinaryPrimitives.WriteUInt64BigEndian(counter, BinaryPrimitives.ReadUInt64BigEndian(counter) + 1);
        }
    }
}
