using Nectar.Db;

namespace Nectar.Chain.Storage;

/// <summary>A live column of an <see cref="OverlayDatabase"/>: writes land in the overlay, under the database's lock.</summary>
internal sealed class OverlayColumn(OverlayDatabase database, IKeyValueStore baseColumn) : OverlayReader(baseColumn.Name), IKeyValueStore
{
    private readonly SortedDictionary<byte[], byte[]?> _changes = new(ByteArrayComparer.Instance);

    public OverlayDatabase Database { get; } = database;

    protected override IReadOnlyKeyValueStore Base { get; } = baseColumn;

    public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        lock (Database.Gate)
        {
            SetUnlocked(key.ToArray(), value.ToArray());
        }
    }

    public void Delete(ReadOnlySpan<byte> key)
    {
        lock (Database.Gate)
        {
            SetUnlocked(key.ToArray(), null);
        }
    }

    /// <summary>Records a write; the caller holds the database's lock.</summary>
    internal void SetUnlocked(byte[] key, byte[]? value) => _changes[key] = value;

    /// <summary>A copy of the overlay's entries, for a snapshot; the caller holds the database's lock.</summary>
    internal SortedDictionary<byte[], byte[]?> CopyUnlocked() => new(_changes, ByteArrayComparer.Instance);

    protected override bool TryFindChange(ReadOnlySpan<byte> key, out byte[]? value)
    {
        var lookup = key.ToArray();
        lock (Database.Gate)
        {
            return _changes.TryGetValue(lookup, out value);
        }
    }

    protected override List<KeyValuePair<byte[], byte[]?>> ChangesBetween(byte[] start, byte[]? end)
    {
        lock (Database.Gate)
        {
            return OverlayRange.Between(_changes, start, end);
        }
    }
}
