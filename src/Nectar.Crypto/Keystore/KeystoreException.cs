namespace Nectar.Crypto.Keystore;

/// <summary>
/// A keystore file could not be read or decrypted: malformed JSON, an unsupported cipher or key derivation,
/// parameters beyond the limits, or a wrong password (the MAC does not match). The message never contains the
/// password or key material.
/// </summary>
public sealed class KeystoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KeystoreException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public KeystoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public KeystoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the file is well formed but the password does not open it.</summary>
    public bool IsWrongPassword { get; init; }
}
