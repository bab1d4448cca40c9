using Nectar.Db;

namespace Nectar.Chain.Storage;

/// <summary>
/// Reads one column of an <see cref="OverlayDatabase"/>: a key the overlay changed answers from the overlay (a
/// recorded delete reads as missing), any other key from the base column. Scans merge both.
/// </summary>
internal abstract class OverlayReader(string name) : IReadOnlyKeyValueStore
{
    public string Name { get; } = name;

    protected abstract IReadOnlyKeyValueStore Base { get; }

    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        if (TryFindChange(key, out var value))
        {
            return value?.ToArray();
        }

        return Base.Get(key);
    }

    public bool TryGet(ReadOnlySpan<byte> key, Span<byte> destination, out int length)
    {
        if (!TryFindChange(key, out var value))
        {
            return Base.TryGet(key, destination, out length);
        }

        if (value is null)
        {
            length = -1;
            return false;
        }

        length = value.Length;
        if (value.Length <= destination.Length)
        {
            value.CopyTo(destination);
        }

        return true;
    }

    public bool TryRead<TState, TResult>(ReadOnlySpan<byte> key, TState state, ValueReader<TState, TResult> reader, out TResult result)
        where TState : allows ref struct
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!TryFindChange(key, out var value))
        {
            return Base.TryRead(key, state, reader, out result);
        }

        if (value is null)
        {
            result = default!;
            return false;
        }

        result = reader(value, state);
        return true;
    }

    public bool Has(ReadOnlySpan<byte> key) => TryFindChange(key, out var value) ? value is not null : Base.Has(key);

    public IKeyValueCursor ScanPrefix(ReadOnlySpan<byte> prefix, ScanDirection direction = ScanDirection.Forward)
    {
        var end = KeyBounds.PrefixEnd(prefix);
        using var baseCursor = Base.ScanPrefix(prefix, direction);
        return Merge(baseCursor, prefix.ToArray(), end, direction);
    }

    public IKeyValueCursor ScanRange(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, ScanDirection direction = ScanDirection.Forward)
    {
        using var baseCursor = Base.ScanRange(start, end, direction);
        return Merge(baseCursor, start.ToArray(), end.ToArray(), direction);
    }

    /// <summary>Finds the overlay's entry for a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The overlay's value, or null when the overlay deleted the key.</param>
    /// <returns>Whether the overlay has an entry (a value or a delete) for the key.</returns>
    protected abstract bool TryFindChange(ReadOnlySpan<byte> key, out byte[]? value);

    /// <summary>The overlay's entries (null values are deletes) with keys in [start, end); no end means unbounded.</summary>
    protected abstract List<KeyValuePair<byte[], byte[]?>> ChangesBetween(byte[] start, byte[]? end);

    /// <summary>
    /// Materialises the scan: overlay scans serve re-execution and proofs, not hot paths, and a copy keeps the
    /// cursor's view fixed at opening time as the contract requires.
    /// </summary>
    private OverlayCursor Merge(IKeyValueCursor baseCursor, byte[] start, byte[]? end, ScanDirection direction)
    {
        var merged = new SortedDictionary<byte[], byte[]>(ByteArrayComparer.Instance);
        while (baseCursor.MoveNext())
        {
            merged[baseCursor.Key.ToArray()] = baseCursor.Value.ToArray();
        }

        foreach (var (key, value) in ChangesBetween(start, end))
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }

        var entries = new List<KeyValuePair<byte[], byte[]>>(merged);
        if (direction == ScanDirection.Reverse)
        {
            entries.Reverse();
        }

        return new OverlayCursor(entries);
    }
}
