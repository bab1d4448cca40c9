namespace Nectar.Db;

/// <summary>
/// The database is already open, by another process or by another instance in this process: a storage
/// directory has one owner at a time.
/// </summary>
public class DatabaseLockedException : StorageException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public DatabaseLockedException()
        : base("The database is already open elsewhere.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">Which database is locked, including the engine's own message.</param>
    public DatabaseLockedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">Which database is locked.</param>
    /// <param name="innerException">The cause.</param>
    public DatabaseLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
