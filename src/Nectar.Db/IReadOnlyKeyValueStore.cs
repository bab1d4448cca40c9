namespace Nectar.Db;

/// <summary>
/// Read access to one column of a database: point reads and ordered scans. Keys and values are raw
/// bytes; keys are ordered byte-wise (unsigned, lexicographic, a shorter key before its extensions).
/// Every member is safe to call from several threads at once.
/// </summary>
public interface IReadOnlyKeyValueStore
{
    /// <summary>The name of the column this store reads.</summary>
    string Name { get; }

    /// <summary>Reads the value stored under <paramref name="key"/> into a new array.</summary>
    /// <param name="key">The key to read.</param>
    /// <returns>A copy of the value (possibly empty), or <see langword="null"/> when the key is missing.</returns>
    byte[]? Get(ReadOnlySpan<byte> key);

    /// <summary>
    /// Reads the value stored under <paramref name="key"/> into a caller's buffer without allocating.
    /// </summary>
    /// <param name="key">The key to read.</param>
    /// <param name="destination">Receives the value when it fits.</param>
    /// <param name="length">
    /// The length of the stored value, or -1 when the key is missing. The value has been copied into
    /// <paramref name="destination"/> only when <paramref name="length"/> is at most its length; otherwise
    /// <paramref name="destination"/> is untouched and the caller may retry with a larger buffer.
    /// </param>
    /// <returns><see langword="true"/> when the key exists.</returns>
    bool TryGet(ReadOnlySpan<byte> key, Span<byte> destination, out int length);

    /// <summary>
    /// Hands the value stored under <paramref name="key"/> to <paramref name="reader"/> as a span that is
    /// valid only during the call, so the caller decodes it without copying it first.
    /// </summary>
    /// <typeparam name="TState">State passed through to the reader (may be a ref struct).</typeparam>
    /// <typeparam name="TResult">What the reader makes of the value.</typeparam>
    /// <param name="key">The key to read.</param>
    /// <param name="state">State passed to <paramref name="reader"/>.</param>
    /// <param name="reader">Called once with the value when the key exists; never called otherwise.</param>
    /// <param name="result">The reader's result, or <see langword="default"/> when the key is missing.</param>
    /// <returns><see langword="true"/> when the key exists.</returns>
    bool TryRead<TState, TResult>(ReadOnlySpan<byte> key, TState state, ValueReader<TState, TResult> reader, out TResult result)
        where TState : allows ref struct;

    /// <summary>Tells whether a value (possibly empty) is stored under <paramref name="key"/>.</summary>
    /// <param name="key">The key to look up.</param>
    /// <returns><see langword="true"/> when the key exists.</returns>
    bool Has(ReadOnlySpan<byte> key);

    /// <summary>
    /// Opens a cursor over every key that starts with <paramref name="prefix"/>, in key order (or reverse
    /// order). An empty prefix scans the whole column. The cursor sees the column as it was when the
    /// cursor was opened; later writes do not show through.
    /// </summary>
    /// <param name="prefix">The prefix every returned key starts with.</param>
    /// <param name="direction">Ascending or descending key order.</param>
    /// <returns>A cursor positioned before the first entry; dispose it when done.</returns>
    IKeyValueCursor ScanPrefix(ReadOnlySpan<byte> prefix, ScanDirection direction = ScanDirection.Forward);

    /// <summary>
    /// Opens a cursor over the keys in [<paramref name="start"/>, <paramref name="end"/>), in key order (or
    /// reverse order). The range is empty when <paramref name="start"/> is not below <paramref name="end"/>.
    /// The cursor sees the column as it was when the cursor was opened.
    /// </summary>
    /// <param name="start">The inclusive lower bound.</param>
    /// <param name="end">The exclusive upper bound.</param>
    /// <param name="direction">Ascending or descending key order.</param>
    /// <returns>A cursor positioned before the first entry; dispose it when done.</returns>
    IKeyValueCursor ScanRange(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, ScanDirection direction = ScanDirection.Forward);
}
