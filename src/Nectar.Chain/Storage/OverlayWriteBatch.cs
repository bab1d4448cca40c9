using Nectar.Db;

namespace Nectar.Chain.Storage;

/// <summary>A write batch of an <see cref="OverlayDatabase"/>: its writes reach the overlay together, under the database's lock.</summary>
internal sealed class OverlayWriteBatch(OverlayDatabase database) : IWriteBatch
{
    private readonly List<(OverlayColumn Column, byte[] Key, byte[]? Value)> _writes = [];

    public int Count => _writes.Count;

    public void Put(IKeyValueStore column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        _writes.Add((Own(column), key.ToArray(), value.ToArray()));

    public void Delete(IKeyValueStore column, ReadOnlySpan<byte> key) => _writes.Add((Own(column), key.ToArray(), null));

    public void Commit(WriteDurability durability = WriteDurability.Buffered)
    {
        lock (database.Gate)
        {
            foreach (var (column, key, value) in _writes)
            {
                column.SetUnlocked(key, value);
            }
        }

        _writes.Clear();
    }

    public void Clear() => _writes.Clear();

    public void Dispose() => _writes.Clear();

    private OverlayColumn Own(IKeyValueStore column) =>
        column is OverlayColumn overlay && overlay.Database == database
            ? overlay
            : throw new ArgumentException("The column does not belong to the overlay database that created this batch.", nameof(column));
}
