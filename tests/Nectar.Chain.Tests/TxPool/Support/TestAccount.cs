using System.Buffers.Binary;
using Nectar.Core.Primitives;

namespace Nectar.Chain.Tests.TxPool.Support;

/// <summary>A deterministic private key and its address.</summary>
internal sealed class TestAccount
{
    private TestAccount(byte[] key, Address address)
    {
        Key = key;
        Address = address;
    }

    public byte[] Key { get; }

    public Address Address { get; }

    /// <summary>Account number <paramref name="index"/>: key 0x01 00..00 || index + 1, always a valid scalar.</summary>
    public static TestAccount Create(int index)
    {
        var key = new byte[32];
        key[0] = 0x01;
        BinaryPrimitives.WriteInt32BigEndian(key.AsSpan(28), index + 1);
        return new TestAccount(key, TxFactory.Signer.AddressOf(key));
    }

    public override string ToString() => Address.ToString();
}
