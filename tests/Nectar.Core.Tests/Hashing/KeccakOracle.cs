using Org.BouncyCastle.Crypto.Digests;

namespace Nectar.Core.Tests.Hashing;

/// <summary>BouncyCastle's Keccak-256, an implementation independent of ours.</summary>
internal static class KeccakOracle
{
    public static byte[] Hash(ReadOnlySpan<byte> input)
    {
        var digest = new KeccakDigest(256);
        var data = input.ToArray();
        digest.BlockUpdate(data, 0, data.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return output;
    }
}
