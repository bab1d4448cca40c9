using System.Security.Cryptography;

namespace Nectar.Crypto.Bls12381;

/// <summary>The expand_message functions of RFC 9380 (section 5.3): XMD over SHA-256 or SHA-512, XOF over SHAKE.</summary>
public static class ExpandMessage
{
    private static ReadOnlySpan<byte> OversizePrefix => "H2C-OVERSIZE-DST-"u8;

    /// <summary>expand_message_xmd with SHA-256 or SHA-512; a domain separation tag over 255 bytes is hashed first (section 5.3.3).</summary>
    public static byte[] Xmd(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst, int lengthInBytes, HashAlgorithmName hash)
    {
        int digestLength;
        int blockLength;
        if (hash == HashAlgorithmName.SHA256)
        {
            digestLength = 32;
            blockLength = 64;
        }
        else if (hash == HashAlgorithmName.SHA512)
        {
            digestLength = 64;
            blockLength = 128;
        }
        else
        {
            throw new ArgumentException("Only SHA-256 and SHA-512 are supported.", nameof(hash));
        }

        var ell = (lengthInBytes + digestLength - 1) / digestLength;
        if (lengthInBytes <= 0 || ell > 255 || lengthInBytes > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(lengthInBytes));
        }

        using var h = IncrementalHash.CreateHash(hash);
        var dstPrime = DstPrime(dst, h, digestLength);

        Span<byte> lengthSuffix = [(byte)(lengthInBytes >> 8), (byte)lengthInBytes, 0];
        h.AppendData(new byte[blockLength]);
        h.AppendData(message);
        h.AppendData(lengthSuffix);
        h.AppendData(dstPrime);
        var b0 = h.GetHashAndReset();

        var output = new byte[lengthInBytes];
        var previous = new byte[digestLength];
        var block = new byte[digestLength];
        for (var i = 1; i <= ell; i++)
        {
            // b_1 = H(b_0 || 1 || DST'), b_i = H((b_0 xor b_(i-1)) || i || DST').
            for (var k = 0; k < digestLength; k++)
            {
                block[k] = (byte)(b0[k] ^ previous[k]);
            }

            h.AppendData(i == 1 ? b0 : block);
            h.AppendData([(byte)i]);
            h.AppendData(dstPrime);
            previous = h.GetHashAndReset();
            var offset = (i - 1) * digestLength;
            previous.AsSpan(0, Math.Min(digestLength, lengthInBytes - offset)).CopyTo(output.AsSpan(offset));
        }

        return output;
    }

    /// <summary>expand_message_xof with SHAKE128 (k = 128) or SHAKE256 (k = 256).</summary>
    public static byte[] Xof(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst, int lengthInBytes, int securityBits)
    {
        if (lengthInBytes <= 0 || lengthInBytes > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(lengthInBytes));
        }

        if (securityBits != 128 && securityBits != 256)
        {
            throw new ArgumentOutOfRangeException(nameof(securityBits));
        }

        byte[] dstPrime;
        if (dst.Length > 255)
        {
            var reduced = Shake([.. OversizePrefix, .. dst], 2 * securityBits / 8, securityBits);
            dstPrime = [.. reduced, (byte)reduced.Length];
        }
        else
        {
            dstPrime = [.. dst, (byte)dst.Length];
        }

        return Shake([.. message, (byte)(lengthInBytes >> 8), (byte)lengthInBytes, .. dstPrime], lengthInBytes, securityBits);
    }

    private static byte[] Shake(byte[] input, int length, int securityBits) =>
        securityBits == 128 ? Shake128.HashData(input, length) : Shake256.HashData(input, length);

    private static byte[] DstPrime(ReadOnlySpan<byte> dst, IncrementalHash h, int digestLength)
    {
        if (dst.Length <= 255)
        {
            return [.. dst, (byte)dst.Length];
        }

        h.AppendData(OversizePrefix);
        h.AppendData(dst);
        var reduced = h.GetHashAndReset();
        return [.. reduced, (byte)digestLength];
    }
}
