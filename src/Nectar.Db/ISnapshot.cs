namespace Nectar.Db;

/// <summary>
/// A consistent point-in-time view of every column of a database: reads through it never see writes
/// committed after it was taken, whatever the writers do meanwhile. Safe to read from several threads;
/// dispose it to let the storage engine reclaim the versions it pins.
/// </summary>
public interface ISnapshot : IDisposable
{
    /// <summary>The read-only view of the column named <paramref name="name"/> as of the snapshot.</summary>
    /// <param name="name">A column name of the database.</param>
    /// <returns>The column view; it stays valid until the snapshot is disposed.</returns>
    /// <exception cref="KeyNotFoundException">The database has no such column.</exception>
    IReadOnlyKeyValueStore GetColumn(string name);
}
