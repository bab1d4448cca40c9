using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Crypto.Signing;

public sealed partial class TransactionSigner
{
    /// <summary>Signs an EIP-7702 authorization: the key's account delegates to <paramref name="address"/>'s code.</summary>
    /// <param name="chainId">The chain the authorization is valid on, or zero for every chain.</param>
    /// <param name="address">The delegation target.</param>
    /// <param name="nonce">The signer's account nonce at which the authorization applies.</param>
    /// <param name="privateKey32">The authority's 32-byte private key.</param>
    /// <returns>The signed authorization (low s, y parity 0 or 1).</returns>
    /// <exception cref="ArgumentException">The private key is not a valid secp256k1 key.</exception>
    public Authorization SignAuthorization(in UInt256 chainId, in Address address, ulong nonce, ReadOnlySpan<byte> privateKey32)
    {
        var hash = TransactionCodec.ComputeAuthorizationSigningHash(chainId, address, nonce);
        Span<byte> signature = stackalloc byte[Secp256k1Curve.SignatureLength];
        if (!_secp256k1.TrySign(hash.Bytes, privateKey32, signature, out var recoveryId))
        {
            throw new ArgumentException("The private key is not a valid secp256k1 key (32 bytes, in [1, n - 1]).", nameof(privateKey32));
        }

        return new Authorization(chainId, address, nonce, (byte)recoveryId, new UInt256(signature[..32]), new UInt256(signature[32..]));
    }

    /// <summary>
    /// Recovers the authority (the signer) of an EIP-7702 authorization from
    /// <c>keccak(0x05 || rlp([chainId, address, nonce]))</c>. Per the EIP the y parity must be 0 or 1 and s at most
    /// n / 2; an authorization that fails is skipped by the EVM, it does not invalidate the transaction.
    /// </summary>
    /// <param name="authorization">The authorization.</param>
    /// <param name="authority">The signer, or the zero address on failure.</param>
    /// <returns><see langword="false"/> when the signature is malformed or recovers no key.</returns>
    public bool TryRecoverAuthority(in Authorization authorization, out Address authority)
    {
        authority = default;
        if (authorization.YParity > 1)
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[Secp256k1Curve.SignatureLength];
        authorization.R.ToBigEndian(signature);
        authorization.S.ToBigEndian(signature[32..]);
        if (!Secp256k1Curve.IsValidTransactionSignature(signature))
        {
            return false;
        }

        var hash = TransactionCodec.ComputeAuthorizationSigningHash(authorization);
        return TryRecoverAddress(hash, authorization.YParity, authorization.R, authorization.S, out authority);
    }
}
