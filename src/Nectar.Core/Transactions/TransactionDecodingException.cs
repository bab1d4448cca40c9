namespace Nectar.Core.Transactions;

/// <summary>Bytes that do not decode to a transaction; <see cref="Error"/> says which rule they break.</summary>
public sealed class TransactionDecodingException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public TransactionDecodingException()
        : this(TransactionError.InvalidRlp, "Invalid transaction encoding.")
    {
    }

    /// <summary>Creates an exception with a message, classified as <see cref="TransactionError.InvalidRlp"/>.</summary>
    /// <param name="message">What is wrong.</param>
    public TransactionDecodingException(string message)
        : this(TransactionError.InvalidRlp, message)
    {
    }

    /// <summary>Creates an exception with a message and its cause, classified as <see cref="TransactionError.InvalidRlp"/>.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public TransactionDecodingException(string message, Exception innerException)
        : this(TransactionError.InvalidRlp, message, innerException)
    {
    }

    /// <summary>Creates an exception for a specific rule.</summary>
    /// <param name="error">The rule the input breaks.</param>
    /// <param name="message">What is wrong.</param>
    public TransactionDecodingException(TransactionError error, string message)
        : base(message) => Error = error;

    /// <summary>Creates an exception for a specific rule, with its cause.</summary>
    /// <param name="error">The rule the input breaks.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public TransactionDecodingException(TransactionError error, string message, Exception innerException)
        : base(message, innerException) => Error = error;

    /// <summary>The rule the input breaks.</summary>
    public TransactionError Error { get; }
}
