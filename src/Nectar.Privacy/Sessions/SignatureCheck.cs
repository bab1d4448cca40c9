namespace Nectar.Privacy.Sessions;

/// <summary>The outcome of checking a personal-message signature (<see cref="SiweVerifier.CheckSignature"/>).</summary>
public enum SignatureCheck
{
    /// <summary>The signature is well-formed, low-s, and recovers the expected address.</summary>
    Valid = 0,

    /// <summary>Not 65 bytes, or v is not 27, 28, 0 or 1.</summary>
    Malformed = 1,

    /// <summary>r or s is zero or not below the group order.</summary>
    OutOfRange = 2,

    /// <summary>s exceeds half the group order (EIP-2): the malleable twin of a valid signature.</summary>
    HighS = 3,

    /// <summary>No public key can be recovered from the signature.</summary>
    Unrecoverable = 4,

    /// <summary>The signature is valid but was made by a different account.</summary>
    WrongSigner = 5,
}
