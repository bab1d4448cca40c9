namespace Nectar.Db.RocksDb;

/// <summary>A RocksDB call failed; the message includes RocksDB's own error text.</summary>
public class RocksDbException : StorageException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public RocksDbException()
        : base("A RocksDB call failed.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What failed.</param>
    public RocksDbException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public RocksDbException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a call whose <c>errptr</c> RocksDB set to <paramref name="nativeMessage"/>.</summary>
    /// <param name="message">What failed, including <paramref name="nativeMessage"/>.</param>
    /// <param name="nativeMessage">RocksDB's error text, as returned.</param>
    public RocksDbException(string message, string nativeMessage)
        : base(message) => NativeMessage = nativeMessage;

    /// <summary>RocksDB's error text, when the failure came from a RocksDB call that reported one.</summary>
    public string? NativeMessage { get; }
}
