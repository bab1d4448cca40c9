using Nectar.Db;

namespace Nectar.Chain.Storage;

/// <summary>
/// A copy-on-write view of another database: reads fall through to the base, writes (single or batched) stay in
/// memory and are dropped with the overlay. Re-executing a block on top of the real state without changing it
/// (intermediate state roots for fraud proofs, validating a block on a side branch) opens a state store over one.
/// </summary>
/// <remarks>
/// The base must not change while the overlay is in use: the overlay records only its own writes, so a base
/// write would show through wherever the overlay has not written. Members are thread-safe; scans copy their
/// range when opened, which suits occasional scans and not hot paths. Disposing the overlay leaves the base open.
/// </remarks>
public sealed class OverlayDatabase : IDatabase
{
    private readonly IDatabase _base;
    private readonly Dictionary<string, OverlayColumn> _columns = new(StringComparer.Ordinal);
    private volatile bool _disposed;

    /// <summary>Creates an empty overlay over <paramref name="baseDatabase"/>.</summary>
    /// <param name="baseDatabase">The database to read through to; it is never written.</param>
    public OverlayDatabase(IDatabase baseDatabase)
    {
        ArgumentNullException.ThrowIfNull(baseDatabase);
        _base = baseDatabase;
        foreach (var name in baseDatabase.ColumnNames)
        {
            _columns[name] = new OverlayColumn(this, baseDatabase.GetColumn(name));
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ColumnNames => _base.ColumnNames;

    /// <summary>Serialises overlay writes against overlay reads.</summary>
    internal Lock Gate { get; } = new();

    /// <inheritdoc />
    public IKeyValueStore GetColumn(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _columns.TryGetValue(name, out var column) ? column : throw new KeyNotFoundException($"The database has no column '{name}'.");
    }

    /// <inheritdoc />
    public IWriteBatch CreateWriteBatch()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new OverlayWriteBatch(this);
    }

    /// <inheritdoc />
    public ISnapshot CreateSnapshot()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (Gate)
        {
            var changes = new Dictionary<string, SortedDictionary<byte[], byte[]?>>(StringComparer.Ordinal);
            foreach (var (name, column) in _columns)
            {
                changes[name] = column.CopyUnlocked();
            }

            return new OverlaySnapshot(_base.CreateSnapshot(), changes);
        }
    }

    /// <summary>Does nothing: the overlay keeps nothing on disk.</summary>
    public void Flush() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Drops the overlay; the base stays open.</summary>
    public void Dispose() => _disposed = true;
}
