namespace Nectar.Db.Memory;

/// <summary>Buffers writes and hands them to the database to publish as one new version.</summary>
internal sealed class MemoryWriteBatch(MemoryDatabase database) : IWriteBatch
{
    private readonly List<MemoryWrite> _writes = [];
    private bool _disposed;

    public int Count
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _writes.Count;
        }
    }

    public void Put(IKeyValueStore column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        _writes.Add(new MemoryWrite(IndexOf(column), key.ToArray(), value.ToArray()));

    public void Delete(IKeyValueStore column, ReadOnlySpan<byte> key) =>
        _writes.Add(new MemoryWrite(IndexOf(column), key.ToArray(), null));

    public void Commit(WriteDurability durability = WriteDurability.Buffered)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        database.Apply(_writes);
        _writes.Clear();
    }

    public void Clear()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _writes.Clear();
    }

    public void Dispose()
    {
        _disposed = true;
        _writes.Clear();
    }

    private int IndexOf(IKeyValueStore column)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(column);
        if (column is not MemoryColumn memory || !ReferenceEquals(memory.Database, database))
        {
            throw new ArgumentException($"Column '{column.Name}' does not belong to the database this batch writes to.", nameof(column));
        }

        return memory.Index;
    }
}
