using System.Collections.ObjectModel;
using Nectar.Db.Memory;

namespace Nectar.Db;

/// <summary>
/// The <see cref="IDatabase"/> contract in memory, for tests and tools: ordered columns, atomic batches and
/// snapshots, nothing on disk. Each column is an immutable balanced tree; a write publishes new roots for
/// every column at once, so readers, cursors and snapshots never lock and always see whole batches.
/// Writers are serialised. <see cref="WriteDurability"/> has no effect: nothing survives the process.
/// </summary>
public sealed class MemoryDatabase : IDatabase
{
    private readonly Lock _writeLock = new();
    private readonly ReadOnlyCollection<string> _names;
    private readonly Dictionary<string, MemoryColumn> _columns;
    private volatile MemoryNode?[] _roots;
    private volatile bool _disposed;

    /// <summary>Creates an empty database with the <see cref="DatabaseOptions.DefaultColumn"/> and <paramref name="columns"/>.</summary>
    /// <param name="columns">Further column names.</param>
    public MemoryDatabase(params string[] columns)
        : this(new DatabaseOptions { Columns = columns })
    {
    }

    /// <summary>Creates an empty database with the columns of <paramref name="options"/>; other options are ignored.</summary>
    /// <param name="options">The options; validated without requiring a path.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public MemoryDatabase(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(requirePath: false);
        _names = new ReadOnlyCollection<string>([.. options.ResolveColumns()]);
        _columns = new Dictionary<string, MemoryColumn>(_names.Count, StringComparer.Ordinal);
        for (var i = 0; i < _names.Count; i++)
        {
            _columns.Add(_names[i], new MemoryColumn(this, i, _names[i]));
        }

        _roots = new MemoryNode?[_names.Count];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ColumnNames => _names;

    /// <inheritdoc />
    public IKeyValueStore GetColumn(string name)
    {
        ThrowIfDisposed();
        return Find(name);
    }

    /// <inheritdoc />
    public IWriteBatch CreateWriteBatch()
    {
        ThrowIfDisposed();
        return new MemoryWriteBatch(this);
    }

    /// <inheritdoc />
    public ISnapshot CreateSnapshot()
    {
        ThrowIfDisposed();
        return new MemorySnapshot(this, _roots);
    }

    /// <inheritdoc />
    public void Flush() => ThrowIfDisposed();

    /// <summary>Closes the database; later calls throw <see cref="ObjectDisposedException"/>. Open snapshots and cursors keep working.</summary>
    public void Dispose()
    {
        lock (_writeLock)
        {
            _disposed = true;
        }
    }

    internal MemoryColumn Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _columns.TryGetValue(name, out var column)
            ? column
            : throw new KeyNotFoundException($"The database has no column '{name}'; its columns are: {string.Join(", ", _names)}.");
    }

    internal MemoryNode? ReadRoot(int column)
    {
        ThrowIfDisposed();
        return _roots[column];
    }

    internal void Apply(MemoryWrite write)
    {
        lock (_writeLock)
        {
            ThrowIfDisposed();
            var roots = (MemoryNode?[])_roots.Clone();
            Apply(roots, write, new object());
            _roots = roots;
        }
    }

    internal void Apply(List<MemoryWrite> writes)
    {
        lock (_writeLock)
        {
            ThrowIfDisposed();
            // One owner token for the whole batch: nodes it creates are reused by its later writes, and
            // the token is dropped once the roots are published, freezing those nodes.
            var roots = (MemoryNode?[])_roots.Clone();
            var owner = new object();
            foreach (var write in writes)
            {
                Apply(roots, write, owner);
            }

            // One reference store publishes every column's new version: readers see all of the batch or none.
            _roots = roots;
        }
    }

    private static void Apply(MemoryNode?[] roots, MemoryWrite write, object owner) =>
        roots[write.Column] = write.Value is null
            ? MemoryTree.Remove(roots[write.Column], write.Key, owner)
            : MemoryTree.Set(roots[write.Column], write.Key, write.Value, owner);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
