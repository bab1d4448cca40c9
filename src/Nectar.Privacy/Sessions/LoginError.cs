namespace Nectar.Privacy.Sessions;

/// <summary>
/// What a client is told when a sign-in is refused. Problems with the message itself are named so clients can be
/// fixed; everything about the signer (bad signature, wrong signer, account not admitted) is one
/// <see cref="Denied"/>, so the answer never reveals which accounts exist.
/// </summary>
public enum LoginError
{
    /// <summary>Signed in.</summary>
    None = 0,

    /// <summary>The message is too long or not a well-formed EIP-4361 message; the detail names the line.</summary>
    MalformedMessage = 1,

    /// <summary>The signature is not 65 bytes of hex with v of 27, 28, 0 or 1.</summary>
    MalformedSignature = 2,

    /// <summary>The nonce is unknown, used or expired: request a new one.</summary>
    InvalidNonce = 3,

    /// <summary>The domain, origin scheme or URI is not this node's.</summary>
    WrongOrigin = 4,

    /// <summary>The chain id is not this node's.</summary>
    WrongChain = 5,

    /// <summary>The message is not valid now (issued-at, expiration time or not-before).</summary>
    NotValidNow = 6,

    /// <summary>Sign-in refused: the signature does not prove an admitted account.</summary>
    Denied = 7,
}
