namespace Nectar.Db;

/// <summary>A storage engine failed to open a database or to carry out a read or a write.</summary>
public class StorageException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public StorageException()
        : base("The storage engine failed.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What failed, including the engine's own message.</param>
    public StorageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
