namespace Nectar.Chain.Persistence;

/// <summary>
/// The database cannot be opened as this chain: it holds another chain's genesis, its head and its state disagree, a
/// stored block is missing or damaged, or its layout is not one this version reads.
/// </summary>
public sealed class ChainStoreException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ChainStoreException()
        : base("The chain database cannot be used.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What is wrong and what to do about it.</param>
    public ChainStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ChainStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
