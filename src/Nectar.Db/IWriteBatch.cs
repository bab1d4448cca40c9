namespace Nectar.Db;

/// <summary>
/// Puts and deletes across any columns of one database, applied atomically by <see cref="Commit"/>: after
/// the commit (and after a crash) either every write of the batch is visible or none is. Writes are
/// applied in the order they were added. A batch is filled by one thread at a time; nothing is visible
/// before <see cref="Commit"/>, and disposing an uncommitted batch discards it.
/// </summary>
public interface IWriteBatch : IDisposable
{
    /// <summary>The number of puts and deletes waiting for <see cref="Commit"/>.</summary>
    int Count { get; }

    /// <summary>Adds a put of <paramref name="value"/> under <paramref name="key"/> in <paramref name="column"/>.</summary>
    /// <param name="column">A column of the database that created this batch.</param>
    /// <param name="key">The key to write.</param>
    /// <param name="value">The value to store; it is copied.</param>
    void Put(IKeyValueStore column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    /// <summary>Adds a delete of <paramref name="key"/> in <paramref name="column"/>.</summary>
    /// <param name="column">A column of the database that created this batch.</param>
    /// <param name="key">The key to remove.</param>
    void Delete(IKeyValueStore column, ReadOnlySpan<byte> key);

    /// <summary>
    /// Applies every write atomically, then empties the batch so it can be filled again.
    /// </summary>
    /// <param name="durability">Whether the write-ahead log is fsynced before returning.</param>
    void Commit(WriteDurability durability = WriteDurability.Buffered);

    /// <summary>Drops every write added since the last commit.</summary>
    void Clear();
}
