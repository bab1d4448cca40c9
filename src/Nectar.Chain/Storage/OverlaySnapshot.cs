using Nectar.Db;

namespace Nectar.Chain.Storage;

/// <summary>A point-in-time view of an <see cref="OverlayDatabase"/>: a snapshot of the base and a copy of the overlay.</summary>
internal sealed class OverlaySnapshot : ISnapshot
{
    private readonly ISnapshot _base;
    private readonly Dictionary<string, SnapshotColumn> _columns = new(StringComparer.Ordinal);

    public OverlaySnapshot(ISnapshot baseSnapshot, IReadOnlyDictionary<string, SortedDictionary<byte[], byte[]?>> changes)
    {
        _base = baseSnapshot;
        foreach (var (name, columnChanges) in changes)
        {
            _columns[name] = new SnapshotColumn(baseSnapshot.GetColumn(name), columnChanges);
        }
    }

    public IReadOnlyKeyValueStore GetColumn(string name) =>
        _columns.TryGetValue(name, out var column) ? column : throw new KeyNotFoundException($"The database has no column '{name}'.");

    public void Dispose() => _base.Dispose();

    private sealed class SnapshotColumn(IReadOnlyKeyValueStore baseColumn, SortedDictionary<byte[], byte[]?> changes) : OverlayReader(baseColumn.Name)
    {
        protected override IReadOnlyKeyValueStore Base { get; } = baseColumn;

        protected override bool TryFindChange(ReadOnlySpan<byte> key, out byte[]? value) => changes.TryGetValue(key.ToArray(), out value);

        protected override List<KeyValuePair<byte[], byte[]?>> ChangesBetween(byte[] start, byte[]? end) => OverlayRange.Between(changes, start, end);
    }
}
