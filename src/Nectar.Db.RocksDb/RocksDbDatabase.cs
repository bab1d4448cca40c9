using System.Collections.ObjectModel;
using Nectar.Db.RocksDb.Native;

namespace Nectar.Db.RocksDb;

/// <summary>
/// An <see cref="IDatabase"/> over RocksDB through Debian's librocksdb C API: one column family per
/// column, one WAL for all of them, so a write batch is atomic across columns and survives a process
/// crash. Open it with <see cref="Open"/>; dispose it to close the database and release its directory
/// lock (the close waits until every cursor and snapshot still open is disposed).
/// </summary>
public sealed partial class RocksDbDatabase : IDatabase
{
    private readonly Lock _disposeLock = new();
    private readonly DatabaseHandle _handle;
    private readonly ReadOnlyCollection<string> _names;
    private readonly RocksDbColumn[] _columns;
    private readonly Dictionary<string, RocksDbColumn> _byName;
    private readonly ReadOptionsHandle _readOptions;
    private readonly WriteOptionsHandle _bufferedWrites;
    private readonly WriteOptionsHandle _syncedWrites;
    private readonly FlushOptionsHandle _flushOptions;
    private bool _disposed;

    /// <summary>The full path of the database directory.</summary>
    public string Path { get; }

    /// <summary>The block compression chosen when opening.</summary>
    public RocksDbCompression Compression { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> ColumnNames => _names;

    internal DatabaseHandle Handle => _handle;

    /// <inheritdoc />
    public IKeyValueStore GetColumn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ThrowIfDisposed();
        return _byName.TryGetValue(name, out var column)
            ? column
            : throw new KeyNotFoundException($"The database at '{Path}' has no column '{name}'; its columns are: {string.Join(", ", _names)}.");
    }

    /// <inheritdoc />
    public IWriteBatch CreateWriteBatch()
    {
        ThrowIfDisposed();
        return new RocksDbWriteBatch(this);
    }

    /// <inheritdoc />
    public ISnapshot CreateSnapshot()
    {
        ThrowIfDisposed();
        return new RocksDbSnapshot(this, _columns);
    }

    /// <summary>Flushes every column family's memtable to SST files and waits for it.</summary>
    public unsafe void Flush()
    {
        ThrowIfDisposed();
        foreach (var column in _columns)
        {
            nint error = 0;
            RocksDbNative.rocksdb_flush_cf(_handle, _flushOptions, column.ColumnFamily, &error);
            NativeError.ThrowIfSet(error, $"flush of column '{column.Name}'");
        }
    }

    /// <summary>
    /// Closes the database: later calls on it and on its columns throw <see cref="ObjectDisposedException"/>.
    /// RocksDB closes (and releases the lock) once every cursor and snapshot still open is disposed too.
    /// </summary>
    public void Dispose()
    {
        lock (_disposeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        // Children first; each holds a reference on the database handle, so the native close runs after
        // the last of them (and after any call in flight) whatever the order here.
        foreach (var column in _columns)
        {
            column.ColumnFamily.Dispose();
        }

        _readOptions.Dispose();
        _bufferedWrites.Dispose();
        _syncedWrites.Dispose();
        _flushOptions.Dispose();
        _handle.Dispose();
    }

    internal WriteOptionsHandle WriteOptions(WriteDurability durability) =>
        durability == WriteDurability.Synced ? _syncedWrites : _bufferedWrites;

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
}
