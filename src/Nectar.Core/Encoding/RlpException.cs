namespace Nectar.Core.Encoding;

/// <summary>Malformed or non-canonical RLP; the message names the offset of the offending item.</summary>
public sealed class RlpException : Exception
{
    /// <summary>Creates an exception with a generic message and no offset.</summary>
    public RlpException()
        : this("Invalid RLP.")
    {
    }

    /// <summary>Creates an exception with a message and no offset.</summary>
    /// <param name="message">What is wrong.</param>
    public RlpException(string message)
        : base(message) => Offset = -1;

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public RlpException(string message, Exception innerException)
        : base(message, innerException) => Offset = -1;

    /// <summary>Creates an exception for a problem at <paramref name="offset"/> of the input.</summary>
    /// <param name="message">What is wrong, naming the offset.</param>
    /// <param name="offset">Offset of the offending byte from the start of the top-level input.</param>
    public RlpException(string message, int offset)
        : base(message) => Offset = offset;

    /// <summary>Offset of the offending byte from the start of the top-level input, or -1 when unknown.</summary>
    public int Offset { get; }
}
