namespace Nectar.Chain.Validation;

/// <summary>Thrown when a block cannot be executed because it breaks a rule; the state is left as it was before the block.</summary>
public sealed class InvalidBlockException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidBlockException()
        : this(BlockError.None, "The block is invalid.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public InvalidBlockException(string message)
        : this(BlockError.None, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidBlockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="error">The rule broken.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="transactionIndex">The offending transaction's index, when a transaction is at fault.</param>
    public InvalidBlockException(BlockError error, string message, int? transactionIndex = null)
        : base(message)
    {
        Error = error;
        TransactionIndex = transactionIndex;
    }

    /// <summary>The rule broken.</summary>
    public BlockError Error { get; }

    /// <summary>The offending transaction's index, when a transaction is at fault.</summary>
    public int? TransactionIndex { get; }
}
