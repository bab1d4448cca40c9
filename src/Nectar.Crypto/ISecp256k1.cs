namespace Nectar.Crypto;

/// <summary>
/// ECDSA over secp256k1 as Ethereum uses it: 32-byte message hashes, 64-byte compact signatures
/// (r then s, big-endian) with a separate recovery id, and 64-byte uncompressed public keys
/// (X then Y, big-endian, without the 0x04 prefix).
/// </summary>
/// <remarks>
/// Implementations are thread-safe: every member may be called from many threads at once.
/// Malformed input (wrong lengths, out-of-range scalars, points not on the curve) makes a member
/// return <see langword="false"/>; none of them throws for bad keys or signatures.
/// </remarks>
public interface ISecp256k1
{
    /// <summary>
    /// Recovers the public key that produced a signature. High-s signatures are accepted (the
    /// ecrecover precompile needs them); apply <see cref="Secp256k1Curve.IsLowS"/> first where
    /// transaction rules demand low s.
    /// </summary>
    /// <param name="messageHash32">The 32-byte message hash that was signed.</param>
    /// <param name="signatureRS64">r and s, 32 bytes each, big-endian.</param>
    /// <param name="recoveryId">0 to 3 (Ethereum's v minus 27, or the y parity of typed transactions).</param>
    /// <param name="publicKey64">Receives the uncompressed public key without the 0x04 prefix.</param>
    /// <returns><see langword="true"/> when a key was recovered; <see langword="false"/> for any invalid input.</returns>
    bool TryRecover(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> signatureRS64, int recoveryId, Span<byte> publicKey64);

    /// <summary>
    /// Recovers many public keys at once, spreading contiguous ranges of the batch over all cores.
    /// Each request behaves exactly as <see cref="TryRecover"/>.
    /// </summary>
    /// <param name="requests">The signatures to recover.</param>
    /// <param name="publicKeys64">Receives 64 bytes per request, in request order; zeros where recovery failed.</param>
    /// <param name="recovered">Receives, per request, whether its key was recovered.</param>
    /// <returns>The number of requests whose key was recovered.</returns>
    /// <exception cref="ArgumentException">The output spans do not match the number of requests.</exception>
    int RecoverMany(ReadOnlySpan<RecoveryRequest> requests, Span<byte> publicKeys64, Span<bool> recovered);

    /// <summary>Signs a message hash deterministically (RFC 6979) and returns a low-s signature.</summary>
    /// <param name="messageHash32">The 32-byte message hash to sign.</param>
    /// <param name="privateKey32">The 32-byte private key, big-endian, in [1, n - 1].</param>
    /// <param name="signatureRS64">Receives r and s, 32 bytes each, big-endian.</param>
    /// <param name="recoveryId">Receives the recovery id, 0 or 1 in practice.</param>
    /// <returns><see langword="false"/> when the key is invalid or a length is wrong.</returns>
    bool TrySign(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> privateKey32, Span<byte> signatureRS64, out int recoveryId);

    /// <summary>Derives the uncompressed public key (without the 0x04 prefix) of a private key.</summary>
    /// <param name="privateKey32">The 32-byte private key, big-endian.</param>
    /// <param name="publicKey64">Receives X and Y, 32 bytes each, big-endian.</param>
    /// <returns><see langword="false"/> when the key is invalid or a length is wrong.</returns>
    bool TryGetPublicKey(ReadOnlySpan<byte> privateKey32, Span<byte> publicKey64);

    /// <summary>
    /// Verifies a signature against a public key. A high-s signature is normalised first and therefore
    /// verifies; callers that require low s check <see cref="Secp256k1Curve.IsLowS"/> themselves.
    /// </summary>
    /// <param name="messageHash32">The 32-byte message hash that was signed.</param>
    /// <param name="signatureRS64">r and s, 32 bytes each, big-endian.</param>
    /// <param name="publicKey64">The uncompressed public key without the 0x04 prefix.</param>
    /// <returns><see langword="true"/> only for a valid signature by that key.</returns>
    bool Verify(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> signatureRS64, ReadOnlySpan<byte> publicKey64);

    /// <summary>Whether 32 bytes form a valid private key: a big-endian integer in [1, n - 1].</summary>
    /// <param name="privateKey32">The candidate key.</param>
    /// <returns><see langword="true"/> for a valid key of the right length.</returns>
    bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey32);
}
