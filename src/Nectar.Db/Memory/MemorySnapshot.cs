namespace Nectar.Db.Memory;

/// <summary>A frozen set of column versions: the roots published at the moment the snapshot was taken.</summary>
internal sealed class MemorySnapshot : ISnapshot
{
    private readonly MemoryDatabase _database;
    private readonly SnapshotColumn[] _columns;
    private volatile bool _disposed;

    public MemorySnapshot(MemoryDatabase database, MemoryNode?[] roots)
    {
        _database = database;
        _columns = new SnapshotColumn[roots.Length];
        for (var i = 0; i < roots.Length; i++)
        {
            _columns[i] = new SnapshotColumn(this, database.ColumnNames[i], roots[i]);
        }
    }

    public IReadOnlyKeyValueStore GetColumn(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _columns[_database.Find(name).Index];
    }

    public void Dispose() => _disposed = true;

    private sealed class SnapshotColumn(MemorySnapshot owner, string name, MemoryNode? root) : MemoryReader(name)
    {
        protected override MemoryNode? Root
        {
            get
            {
                ObjectDisposedException.ThrowIf(owner._disposed, owner);
                return root;
            }
        }
    }
}
