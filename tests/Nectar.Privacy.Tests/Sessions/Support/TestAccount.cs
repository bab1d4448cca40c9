using System.Globalization;
using System.Numerics;
using System.Text;
using Nectar.Core.Primitives;
using Nectar.Privacy.Sessions;

namespace Nectar.Privacy.Tests.Sessions.Support;

/// <summary>A key pair used to sign sign-in messages in tests.</summary>
public sealed class TestAccount
{
    private static readonly BigInteger N = BigInteger.Parse(
        "115792089237316195423570985008687907852837564279074904382605163141518161494337", CultureInfo.InvariantCulture);

    private readonly byte[] _privateKey;

    private TestAccount(byte[] privateKey)
    {
        _privateKey = privateKey;
        var publicKey = new byte[64];
        Assert.True(Secp.Instance.TryGetPublicKey(privateKey, publicKey));
        Address = Address.FromPublicKey(publicKey);
    }

    public static TestAccount Alice { get; } = FromSeed(1);

    public static TestAccount Bob { get; } = FromSeed(2);

    public static TestAccount Carol { get; } = FromSeed(3);

    public Address Address { get; }

    public static TestAccount FromSeed(byte seed)
    {
        var key = new byte[32];
        key[0] = 0x5e;
        key[31] = seed;
        return new TestAccount(key);
    }

    /// <summary>personal_sign: r ‖ s ‖ v with v = 27 + recovery id.</summary>
    public byte[] Sign(string message)
    {
        var hash = PersonalMessage.Hash(Encoding.UTF8.GetBytes(message));
        var signature = new byte[65];
        Assert.True(Secp.Instance.TrySign(hash.Bytes, _privateKey, signature, out var recoveryId));
        signature[64] = (byte)(27 + recoveryId);
        return signature;
    }

    public string SignHex(string message) => "0x" + Convert.ToHexStringLower(Sign(message));

    /// <summary>The malleable twin of a signature: s replaced by n - s and the parity of v flipped.</summary>
    public static byte[] WithHighS(byte[] signature)
    {
        var s = new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var high = (N - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = (byte[])signature.Clone();
        Array.Clear(result, 32, 32);
        high.CopyTo(result, 64 - high.Length);
        result[64] = result[64] >= 27 ? (byte)(27 + ((result[64] - 27) ^ 1)) : (byte)(result[64] ^ 1);
        return result;
    }
}
