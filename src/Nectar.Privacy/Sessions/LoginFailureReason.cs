namespace Nectar.Privacy.Sessions;

/// <summary>
/// Precisely why a sign-in was refused: for the audit trail and the node's own logs. Clients see the coarser
/// <see cref="LoginError"/>, which does not tell a bad signature from an account that is not admitted.
/// </summary>
public enum LoginFailureReason
{
    /// <summary>The message is longer than <see cref="SessionOptions.MaxMessageLength"/>.</summary>
    MessageTooLong = 0,

    /// <summary>The message is not a well-formed EIP-4361 message.</summary>
    MalformedMessage = 1,

    /// <summary>The signature is not 65 bytes of hex with v of 27, 28, 0 or 1.</summary>
    MalformedSignature = 2,

    /// <summary>The nonce was never issued by this node, or has been forgotten.</summary>
    UnknownNonce = 3,

    /// <summary>The nonce was already used for a sign-in attempt.</summary>
    NonceReplayed = 4,

    /// <summary>The nonce outlived <see cref="SessionOptions.NonceLifetime"/>.</summary>
    NonceExpired = 5,

    /// <summary>The message names another domain than the node's.</summary>
    DomainMismatch = 6,

    /// <summary>The message's origin scheme is not allowed.</summary>
    SchemeNotAllowed = 7,

    /// <summary>The message's URI has a scheme or host that is not allowed.</summary>
    UriNotAllowed = 8,

    /// <summary>The message names another chain than the node's.</summary>
    ChainIdMismatch = 9,

    /// <summary>Issued-at lies further in the future than the allowed clock skew.</summary>
    IssuedInFuture = 10,

    /// <summary>Issued-at is older than <see cref="SessionOptions.MaxMessageAge"/>.</summary>
    IssuedTooLongAgo = 11,

    /// <summary>The message's expiration time has passed.</summary>
    MessageExpired = 12,

    /// <summary>The message's not-before time has not come yet.</summary>
    NotYetValid = 13,

    /// <summary>r or s is out of range, or no key can be recovered.</summary>
    InvalidSignature = 14,

    /// <summary>s is above half the group order.</summary>
    HighS = 15,

    /// <summary>The signature was made by another account than the message names.</summary>
    WrongSigner = 16,

    /// <summary>The account is not admitted to the network.</summary>
    NotAdmitted = 17,

    /// <summary>Admission could not be determined (the port failed, or the account was revoked during sign-in).</summary>
    AdmissionUnavailable = 18,
}
