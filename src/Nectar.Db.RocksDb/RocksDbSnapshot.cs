using Nectar.Db.RocksDb.Native;

namespace Nectar.Db.RocksDb;

/// <summary>A RocksDB snapshot: one sequence number, so every column family reads as of the same instant.</summary>
internal sealed class RocksDbSnapshot : ISnapshot
{
    private readonly SnapshotHandle _snapshot;
    private readonly ReadOptionsHandle _readOptions;
    private readonly Dictionary<string, RocksDbReader> _columns;

    public RocksDbSnapshot(RocksDbDatabase database, IReadOnlyList<RocksDbColumn> columns)
    {
        _snapshot = SnapshotHandle.Create(database.Handle);
        try
        {
            _readOptions = ReadOptionsHandle.Create(_snapshot);
        }
        catch
        {
            _snapshot.Dispose();
            throw;
        }

        _columns = new Dictionary<string, RocksDbReader>(columns.Count, StringComparer.Ordinal);
        foreach (var column in columns)
        {
            _columns.Add(column.Name, new RocksDbReader(database, column.Name, column.ColumnFamily, _readOptions, _snapshot));
        }
    }

    public IReadOnlyKeyValueStore GetColumn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ObjectDisposedException.ThrowIf(_snapshot.IsClosed, this);
        return _columns.TryGetValue(name, out var column)
            ? column
            : throw new KeyNotFoundException($"The database has no column '{name}'; its columns are: {string.Join(", ", _columns.Keys)}.");
    }

    public void Dispose()
    {
        // The read options hold a reference on the snapshot, so the snapshot is released only after them
        // and after any read still in flight.
        _readOptions.Dispose();
        _snapshot.Dispose();
    }
}
