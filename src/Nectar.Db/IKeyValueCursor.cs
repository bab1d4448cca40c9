namespace Nectar.Db;

/// <summary>
/// An ordered walk over entries of one column, opened by <see cref="IReadOnlyKeyValueStore.ScanPrefix"/> or
/// <see cref="IReadOnlyKeyValueStore.ScanRange"/>. A cursor is used by one thread at a time and must be
/// disposed; it keeps the storage it reads alive until then.
/// </summary>
/// <example>
/// <code>
/// using var cursor = store.ScanPrefix(prefix);
/// while (cursor.MoveNext())
/// {
///     Use(cursor.Key, cursor.Value);
/// }
/// </code>
/// </example>
public interface IKeyValueCursor : IDisposable
{
    /// <summary>Advances to the next entry in the scan's direction.</summary>
    /// <returns><see langword="false"/> when the scan is exhausted.</returns>
    bool MoveNext();

    /// <summary>The key of the current entry; valid until the next <see cref="MoveNext"/> or <see cref="IDisposable.Dispose"/>.</summary>
    ReadOnlySpan<byte> Key { get; }

    /// <summary>The value of the current entry; valid until the next <see cref="MoveNext"/> or <see cref="IDisposable.Dispose"/>.</summary>
    ReadOnlySpan<byte> Value { get; }
}
