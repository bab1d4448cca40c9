using System.Runtime.CompilerServices;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;
using Nectar.Crypto;

namespace Nectar.Privacy.Sessions;

/// <summary>
/// Checks the signature of a Sign-In with Ethereum message as an externally owned account makes it: an EIP-191
/// personal-message signature of the exact message bytes, 65 bytes r ‖ s ‖ v, low s, recovering the message's
/// address. Thread-safe when the <see cref="ISecp256k1"/> is (every implementation is).
/// </summary>
[SkipLocalsInit]
public sealed class SiweVerifier
{
    /// <summary>Length of a signature: r (32), s (32), v (1).</summary>
    public const int SignatureLength = 65;

    private readonly ISecp256k1 _secp256k1;

    /// <summary>Creates a verifier over a secp256k1 implementation.</summary>
    /// <param name="secp256k1">The curve implementation used for public-key recovery.</param>
    public SiweVerifier(ISecp256k1 secp256k1)
    {
        ArgumentNullException.ThrowIfNull(secp256k1);
        _secp256k1 = secp256k1;
    }

    /// <summary>Decodes a signature written as hex (with or without <c>0x</c>) into 65 bytes.</summary>
    /// <param name="hex">130 hex digits, optionally prefixed by <c>0x</c>.</param>
    /// <param name="signature">Receives the 65 bytes.</param>
    /// <returns>Whether the text was exactly 65 bytes of hex.</returns>
    public static bool TryDecodeSignature(ReadOnlySpan<char> hex, Span<byte> signature)
    {
        if (signature.Length < SignatureLength)
        {
            return false;
        }

        var digits = Hex.HasPrefix(hex) ? hex[2..] : hex;
        return digits.Length == 2 * SignatureLength
            && Hex.TryDecode(digits, signature, out var written, HexPrefix.Forbidden) == HexError.None
            && written == SignatureLength;
    }

    /// <summary>Recovers the account that signed a message, enforcing the signature rules but not comparing addresses.</summary>
    /// <param name="message">The message bytes exactly as signed.</param>
    /// <param name="signature">r ‖ s ‖ v; v is 27, 28, 0 or 1.</param>
    /// <param name="signer">The recovering account, or zero on failure.</param>
    /// <returns><see cref="SignatureCheck.Valid"/> when an account was recovered, otherwise why not.</returns>
    public SignatureCheck TryRecoverSigner(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, out Address signer)
    {
        signer = default;
        if (signature.Length != SignatureLength)
        {
            return SignatureCheck.Malformed;
        }

        var v = signature[64];
        int recoveryId;
        if (v is 27 or 28)
        {
            recoveryId = v - 27;
        }
        else if (v is 0 or 1)
        {
            recoveryId = v;
        }
        else
        {
            return SignatureCheck.Malformed;
        }

        var rs = signature[..Secp256k1Curve.SignatureLength];
        if (!Secp256k1Curve.HasValidRange(rs))
        {
            return SignatureCheck.OutOfRange;
        }

        if (!Secp256k1Curve.IsLowS(rs))
        {
            return SignatureCheck.HighS;
        }

        var hash = PersonalMessage.Hash(message);
        Span<byte> publicKey = stackalloc byte[Secp256k1Curve.PublicKeyLength];
        if (!_secp256k1.TryRecover(hash.Bytes, rs, recoveryId, publicKey))
        {
            return SignatureCheck.Unrecoverable;
        }

        signer = Address.FromPublicKey(publicKey);
        return SignatureCheck.Valid;
    }

    /// <summary>Checks that <paramref name="expectedSigner"/> signed <paramref name="message"/>.</summary>
    /// <param name="message">The message bytes exactly as signed.</param>
    /// <param name="signature">r ‖ s ‖ v; v is 27, 28, 0 or 1.</param>
    /// <param name="expectedSigner">The account that must have signed (the message's address).</param>
    /// <returns><see cref="SignatureCheck.Valid"/>, or why the signature is refused.</returns>
    public SignatureCheck CheckSignature(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, Address expectedSigner)
    {
        var check = TryRecoverSigner(message, signature, out var signer);
        return check != SignatureCheck.Valid ? check
            : signer == expectedSigner ? SignatureCheck.Valid
            : SignatureCheck.WrongSigner;
    }
}
