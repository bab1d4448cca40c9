namespace Nectar.Crypto;

/// <summary>
/// Constants of the secp256k1 curve and the signature range rules Ethereum applies before recovery.
/// </summary>
public static class Secp256k1Curve
{
    /// <summary>Length of a private key, a message hash, r and s: 32 bytes.</summary>
    public const int ScalarLength = 32;

    /// <summary>Length of a compact signature (r then s): 64 bytes.</summary>
    public const int SignatureLength = 64;

    /// <summary>Length of an uncompressed public key without the 0x04 prefix: 64 bytes.</summary>
    public const int PublicKeyLength = 64;

    /// <summary>The group order n, big-endian.</summary>
    public static ReadOnlySpan<byte> Order =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
        0xBA, 0xAE, 0xDC, 0xE6, 0xAF, 0x48, 0xA0, 0x3B, 0xBF, 0xD2, 0x5E, 0x8C, 0xD0, 0x36, 0x41, 0x41,
    ];

    /// <summary>Half the group order, floor(n / 2), big-endian: the largest s a low-s signature may carry.</summary>
    public static ReadOnlySpan<byte> HalfOrder =>
    [
        0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0x5D, 0x57, 0x6E, 0x73, 0x57, 0xA4, 0x50, 0x1D, 0xDF, 0xE9, 0x2F, 0x46, 0x68, 0x1B, 0x20, 0xA0,
    ];

    /// <summary>The field prime p, big-endian.</summary>
    public static ReadOnlySpan<byte> FieldPrime =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0xFF, 0xFF, 0xFC, 0x2F,
    ];

    /// <summary>Whether a 32-byte big-endian scalar lies in [1, n - 1] (a valid r, s or private key).</summary>
    /// <param name="scalar32">The scalar; any other length is out of range.</param>
    /// <returns><see langword="true"/> when 0 &lt; value &lt; n.</returns>
    public static bool IsInScalarRange(ReadOnlySpan<byte> scalar32) =>
        scalar32.Length == ScalarLength && !IsZero(scalar32) && scalar32.SequenceCompareTo(Order) < 0;

    /// <summary>
    /// Ethereum's range rule for r and s: 0 &lt; r &lt; n and 0 &lt; s &lt; n. This is all that the
    /// ecrecover precompile and pre-Homestead transactions demand; high s is allowed.
    /// </summary>
    /// <param name="signatureRS64">r then s, 32 bytes each, big-endian.</param>
    /// <returns><see langword="true"/> when both values are in range.</returns>
    public static bool HasValidRange(ReadOnlySpan<byte> signatureRS64) =>
        signatureRS64.Length == SignatureLength
        && IsInScalarRange(signatureRS64[..ScalarLength])
        && IsInScalarRange(signatureRS64[ScalarLength..]);

    /// <summary>The low-s rule (EIP-2): s &lt;= n / 2. Transaction signatures after Homestead must satisfy it.</summary>
    /// <param name="signatureRS64">r then s, 32 bytes each, big-endian.</param>
    /// <returns><see langword="true"/> when s does not exceed half the order.</returns>
    public static bool IsLowS(ReadOnlySpan<byte> signatureRS64) =>
        signatureRS64.Length == SignatureLength && signatureRS64[ScalarLength..].SequenceCompareTo(HalfOrder) <= 0;

    /// <summary>
    /// The full rule for a transaction signature after Homestead: <see cref="HasValidRange"/> and
    /// <see cref="IsLowS"/>.
    /// </summary>
    /// <param name="signatureRS64">r then s, 32 bytes each, big-endian.</param>
    /// <returns><see langword="true"/> when the signature may appear in a transaction.</returns>
    public static bool IsValidTransactionSignature(ReadOnlySpan<byte> signatureRS64) =>
        HasValidRange(signatureRS64) && IsLowS(signatureRS64);

    private static bool IsZero(ReadOnlySpan<byte> value) => !value.ContainsAnyExcept((byte)0);
}
