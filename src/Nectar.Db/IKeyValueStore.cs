namespace Nectar.Db;

/// <summary>
/// Read and write access to one column of a database. Single writes are applied at once and without an
/// fsync (<see cref="WriteDurability.Buffered"/>); use an <see cref="IWriteBatch"/> to write several keys
/// atomically or to ask for a synced write. Every member is safe to call from several threads at once.
/// </summary>
public interface IKeyValueStore : IReadOnlyKeyValueStore
{
    /// <summary>Stores <paramref name="value"/> (possibly empty) under <paramref name="key"/>, replacing any previous value.</summary>
    /// <param name="key">The key to write.</param>
    /// <param name="value">The value to store; it is copied.</param>
    void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    /// <summary>Removes <paramref name="key"/>; removing a missing key does nothing.</summary>
    /// <param name="key">The key to remove.</param>
    void Delete(ReadOnlySpan<byte> key);
}
