using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Core.Transactions;

public static partial class TransactionCodec
{
    /// <summary>The EIP-7702 magic byte that prefixes an authorization's signing payload.</summary>
    public const byte AuthorizationMagic = 0x05;

    /// <summary>
    /// The hash an EIP-7702 authority signs: <c>keccak(0x05 || rlp([chainId, address, nonce]))</c>.
    /// </summary>
    /// <param name="chainId">The chain id, zero for every chain.</param>
    /// <param name="address">The delegation target.</param>
    /// <param name="nonce">The authority's nonce.</param>
    /// <returns>The signing hash.</returns>
    public static Hash256 ComputeAuthorizationSigningHash(in UInt256 chainId, in Address address, ulong nonce)
    {
        var contentLength = Rlp.LengthOfUInt256(chainId) + Rlp.LengthOfAddress + Rlp.LengthOfUInt64(nonce);
        var length = 1 + Rlp.LengthOfList(contentLength);

        // At most 1 + 2 + 33 + 21 + 9 bytes.
        Span<byte> buffer = stackalloc byte[80];
        buffer[0] = AuthorizationMagic;
        var writer = new RlpWriter(buffer[1..length]);
        writer.WriteListHeader(contentLength);
        writer.WriteUInt256(chainId);
        writer.WriteAddress(address);
        writer.WriteUInt64(nonce);
        return Keccak256.Compute(buffer[..length]);
    }

    /// <summary>The hash the authority of <paramref name="authorization"/> signed; see the other overload.</summary>
    /// <param name="authorization">The authorization; its signature is ignored.</param>
    /// <returns>The signing hash.</returns>
    public static Hash256 ComputeAuthorizationSigningHash(in Authorization authorization) =>
        ComputeAuthorizationSigningHash(authorization.ChainId, authorization.Address, authorization.Nonce);
}
