using System.Globalization;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.Crypto.Signing;

namespace Nectar.Crypto.Tests.Signing;

public sealed class AuthorizationSigningTests
{
    private static readonly UInt256 N = UInt256.Parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", CultureInfo.InvariantCulture);
    private static readonly byte[] Key = Convert.FromHexString("b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291");
    private static readonly Address Delegate = Address.Parse("0x000000000000000000000000000000000000aaaa");

    private readonly TransactionSigner _signer = new(ManagedSecp256k1.Instance);

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(1UL, 7UL)]
    [InlineData(1337UL, ulong.MaxValue - 1)]
    public void Recovers_the_authority_that_signed(ulong chainId, ulong nonce)
    {
        var authorization = _signer.SignAuthorization(chainId, Delegate, nonce, Key);
        Assert.Equal(new UInt256(chainId), authorization.ChainId);
        Assert.Equal(Delegate, authorization.Address);
        Assert.Equal(nonce, authorization.Nonce);
        Assert.InRange(authorization.YParity, 0, 1);

        Assert.True(_signer.TryRecoverAuthority(authorization, out var authority));
        Assert.Equal(_signer.AddressOf(Key), authority);
    }

    [Fact]
    public void Signs_the_magic_prefixed_tuple()
    {
        var authorization = _signer.SignAuthorization(1, Delegate, 7, Key);
        var hash = TransactionCodec.ComputeAuthorizationSigningHash(1, Delegate, 7);
        Span<byte> publicKey = stackalloc byte[64];
        Assert.True(ManagedSecp256k1.Instance.TryRecover(hash.Bytes, [.. authorization.R.ToBigEndian(), .. authorization.S.ToBigEndian()], authorization.YParity, publicKey));
        Assert.Equal(_signer.AddressOf(Key), Address.FromPublicKey(publicKey));
    }

    [Fact]
    public void A_changed_tuple_recovers_another_authority()
    {
        var authorization = _signer.SignAuthorization(1, Delegate, 7, Key);
        foreach (var changed in new[] { authorization with { Nonce = 8 }, authorization with { ChainId = 2 }, authorization with { Address = Address.Zero } })
        {
            var recovered = _signer.TryRecoverAuthority(changed, out var authority);
            Assert.False(recovered && authority == _signer.AddressOf(Key));
        }
    }

    [Fact]
    public void Rejects_high_s()
    {
        var authorization = _signer.SignAuthorization(1, Delegate, 7, Key);
        var flipped = authorization with { S = N - authorization.S, YParity = (byte)(authorization.YParity ^ 1) };
        Assert.False(_signer.TryRecoverAuthority(flipped, out var authority));
        Assert.True(authority.IsZero);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(27)]
    [InlineData(255)]
    public void Rejects_a_y_parity_other_than_zero_or_one(byte yParity)
    {
        var authorization = _signer.SignAuthorization(1, Delegate, 7, Key) with { YParity = yParity };
        Assert.False(_signer.TryRecoverAuthority(authorization, out _));
    }

    [Fact]
    public void Rejects_zero_r_or_s()
    {
        var authorization = _signer.SignAuthorization(1, Delegate, 7, Key);
        Assert.False(_signer.TryRecoverAuthority(authorization with { R = UInt256.Zero }, out _));
        Assert.False(_signer.TryRecoverAuthority(authorization with { S = UInt256.Zero }, out _));
    }
}
