namespace Nectar.Db;

/// <summary>
/// A key-value database of named columns (column families) sharing one write-ahead log, so one
/// <see cref="IWriteBatch"/> can update several columns atomically. The column named
/// <see cref="DatabaseOptions.DefaultColumn"/> always exists. Every member is thread-safe.
/// Dispose cursors and snapshots before the database: what they do once it is disposed differs between
/// stores (an on-disk store stays open until they are disposed, but its snapshots stop reading).
/// </summary>
public interface IDatabase : IDisposable
{
    /// <summary>The names of every column, <see cref="DatabaseOptions.DefaultColumn"/> first.</summary>
    IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The store for the column named <paramref name="name"/>; the same instance on every call.</summary>
    /// <param name="name">A column name.</param>
    /// <returns>The column's store.</returns>
    /// <exception cref="KeyNotFoundException">The database has no such column.</exception>
    IKeyValueStore GetColumn(string name);

    /// <summary>Starts an empty write batch for this database.</summary>
    /// <returns>The batch; dispose it when done.</returns>
    IWriteBatch CreateWriteBatch();

    /// <summary>Takes a consistent point-in-time view of every column.</summary>
    /// <returns>The snapshot; dispose it when done.</returns>
    ISnapshot CreateSnapshot();

    /// <summary>
    /// Writes buffered data out of memory into the engine's durable files and waits for it; a no-op for
    /// stores that keep nothing on disk. Not needed for durability, which the write-ahead log provides.
    /// </summary>
    void Flush();
}
