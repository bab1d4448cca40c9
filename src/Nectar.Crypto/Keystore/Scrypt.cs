using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Nectar.Crypto.Keystore;

/// <summary>
/// scrypt (RFC 7914) with PBKDF2-HMAC-SHA256 and the Salsa20/8 core. Written here rather than taken from a library
/// because keystore files routinely use N = 2^18 with r = 1 (the Web3 Secret Storage test vector does), which
/// RFC 7914's "N &lt; 2^(128·r/8)" rule forbids and which strict libraries therefore refuse; go-ethereum and
/// Foundry accept it.
/// </summary>
[SkipLocalsInit]
internal static class Scrypt
{
    public static byte[] Derive(byte[] password, ReadOnlySpan<byte> salt, ScryptParameters parameters, int length)
    {
        var (n, r, p) = (parameters.N, parameters.R, parameters.P);
        var blockBytes = 128 * r;
        var b = Rfc2898DeriveBytes.Pbkdf2(password, salt, 1, HashAlgorithmName.SHA256, p * blockBytes);
        var words = 32 * r;
        var x = new uint[words];
        var y = new uint[words];
        var v = new uint[(long)words * n];
        try
        {
            for (var i = 0; i < p; i++)
            {
                var chunk = b.AsSpan(i * blockBytes, blockBytes);
                for (var k = 0; k < words; k++)
                {
                    x[k] = BinaryPrimitives.ReadUInt32LittleEndian(chunk[(4 * k)..]);
                }

                RoMix(x, y, v, n, r);
                for (var k = 0; k < words; k++)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(chunk[(4 * k)..], x[k]);
                }
            }

            return Rfc2898DeriveBytes.Pbkdf2(password, b, 1, HashAlgorithmName.SHA256, length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(b);
            Array.Clear(x);
            Array.Clear(y);
            Array.Clear(v);
        }
    }

    private static void RoMix(uint[] x, uint[] y, uint[] v, int n, int r)
    {
        var words = 32 * r;
        for (var i = 0; i < n; i++)
        {
            x.AsSpan().CopyTo(v.AsSpan(i * words, words));
            BlockMix(x, y, r);
        }

        for (var i = 0; i < n; i++)
        {
            // Integerify: the first word of the last 64-byte block, modulo N (a power of two).
            var j = (int)(x[(2 * r - 1) * 16] & (uint)(n - 1));
            var row = v.AsSpan(j * words, words);
            for (var k = 0; k < words; k++)
            {
                x[k] ^= row[k];
            }

            BlockMix(x, y, r);
        }
    }

    /// <summary>scrypt's BlockMix: Salsa20/8 over a chain of 64-byte blocks, even outputs first, then odd ones.</summary>
    private static void BlockMix(uint[] b, uint[] y, int r)
    {
        Span<uint> t = stackalloc uint[16];
        b.AsSpan((2 * r - 1) * 16, 16).CopyTo(t);
        for (var i = 0; i < 2 * r; i++)
        {
            var block = b.AsSpan(i * 16, 16);
            for (var k = 0; k < 16; k++)
            {
                t[k] ^= block[k];
            }

            Salsa208(t);
            var target = (i & 1) == 0 ? (i / 2) * 16 : (r + (i / 2)) * 16;
            t.CopyTo(y.AsSpan(target, 16));
        }

        y.AsSpan().CopyTo(b);
    }

    private static void Salsa208(Span<uint> b)
    {
        uint x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7];
        uint x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14], x15 = b[15];
        for (var i = 0; i < 8; i += 2)
        {
            // Columns.
            x4 ^= BitOperations.RotateLeft(x0 + x12, 7);
            x8 ^= BitOperations.RotateLeft(x4 + x0, 9);
            x12 ^= BitOperations.RotateLeft(x8 + x4, 13);
            x0 ^= BitOperations.RotateLeft(x12 + x8, 18);
            x9 ^= BitOperations.RotateLeft(x5 + x1, 7);
            x13 ^= BitOperations.RotateLeft(x9 + x5, 9);
            x1 ^= BitOperations.RotateLeft(x13 + x9, 13);
            x5 ^= BitOperations.RotateLeft(x1 + x13, 18);
            x14 ^= BitOperations.RotateLeft(x10 + x6, 7);
            x2 ^= BitOperations.RotateLeft(x14 + x10, 9);
            x6 ^= BitOperations.RotateLeft(x2 + x14, 13);
            x10 ^= BitOperations.RotateLeft(x6 + x2, 18);
            x3 ^= BitOperations.RotateLeft(x15 + x11, 7);
            x7 ^= BitOperations.RotateLeft(x3 + x15, 9);
            x11 ^= BitOperations.RotateLeft(x7 + x3, 13);
            x15 ^= BitOperations.RotateLeft(x11 + x7, 18);

            // Rows.
            x1 ^= BitOperations.RotateLeft(x0 + x3, 7);
            x2 ^= BitOperations.RotateLeft(x1 + x0, 9);
            x3 ^= BitOperations.RotateLeft(x2 + x1, 13);
            x0 ^= BitOperations.RotateLeft(x3 + x2, 18);
            x6 ^= BitOperations.RotateLeft(x5 + x4, 7);
            x7 ^= BitOperations.RotateLeft(x6 + x5, 9);
            x4 ^= BitOperations.RotateLeft(x7 + x6, 13);
            x5 ^= BitOperations.RotateLeft(x4 + x7, 18);
            x11 ^= BitOperations.RotateLeft(x10 + x9, 7);
            x8 ^= BitOperations.RotateLeft(x11 + x10, 9);
            x9 ^= BitOperations.RotateLeft(x8 + x11, 13);
            x10 ^= BitOperations.RotateLeft(x9 + x8, 18);
            x12 ^= BitOperations.RotateLeft(x15 + x14, 7);
            x13 ^= BitOperations.RotateLeft(x12 + x15, 9);
            x14 ^= BitOperations.RotateLeft(x13 + x12, 13);
            x15 ^= BitOperations.RotateLeft(x14 + x13, 18);
        }

        b[0] += x0;
        b[1] += x1;
        b[2] += x2;
        b[3] += x3;
        b[4] += x4;
        b[5] += x5;
        b[6] += x6;
        b[7] += x7;
        b[8] += x8;
        b[9] += x9;
        b[10] += x10;
        b[11] += x11;
        b[12] += x12;
        b[13] += x13;
        b[14] += x14;
        b[15] += x15;
    }
}
