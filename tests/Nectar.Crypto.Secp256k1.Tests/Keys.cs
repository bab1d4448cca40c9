using System.Globalization;
using System.Numerics;
using Org.BouncyCastle.Crypto.Digests;

namespace Nectar.Crypto.Secp256k1.Tests;

internal static class Keys
{
    public static readonly BigInteger N = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337", CultureInfo.InvariantCulture);

    public static byte[] Scalar(BigInteger value)
    {
        var bytes = new byte[32];
        Assert.True(value.TryWriteBytes(bytes.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true));
        return bytes;
    }

    public static BigInteger ToBig(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: true);

    /// <summary>Keccak-256 from BouncyCastle, only to turn public keys into addresses in these tests.</summary>
    public static byte[] Keccak(ReadOnlySpan<byte> data)
    {
        var digest = new KeccakDigest(256);
        var input = data.ToArray();
        digest.BlockUpdate(input, 0, input.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return output;
    }

    public static string Address(ReadOnlySpan<byte> publicKey64) => Convert.ToHexStringLower(Keccak(publicKey64)[12..]);

    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>The same signature with s replaced by n - s and the recovery id's parity flipped.</summary>
    public static (byte[] Signature, int RecoveryId) HighS(byte[] signature, int recoveryId)
    {
        var s = ToBig(signature.AsSpan(32));
        return ([.. signature[..32], .. Scalar(N - s)], recoveryId ^ 1);
    }
}
