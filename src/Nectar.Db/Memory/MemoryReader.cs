namespace Nectar.Db.Memory;

/// <summary>Point reads and scans over one column version; the version comes from <see cref="Root"/>.</summary>
internal abstract class MemoryReader(string name) : IReadOnlyKeyValueStore
{
    public string Name { get; } = name;

    /// <summary>The tree version to read; throws <see cref="ObjectDisposedException"/> once the owner is closed.</summary>
    protected abstract MemoryNode? Root { get; }

    public byte[]? Get(ReadOnlySpan<byte> key) => MemoryTree.Find(Root, key)?.Value.AsSpan().ToArray();

    public bool TryGet(ReadOnlySpan<byte> key, Span<byte> destination, out int length)
    {
        var node = MemoryTree.Find(Root, key);
        if (node is null)
        {
            length = -1;
            return false;
        }

        length = node.Value.Length;
        if (length <= destination.Length)
        {
            node.Value.CopyTo(destination);
        }

        return true;
    }

    public bool TryRead<TState, TResult>(ReadOnlySpan<byte> key, TState state, ValueReader<TState, TResult> reader, out TResult result)
        where TState : allows ref struct
    {
        ArgumentNullException.ThrowIfNull(reader);
        var node = MemoryTree.Find(Root, key);
        if (node is null)
        {
            result = default!;
            return false;
        }

        result = reader(node.Value, state);
        return true;
    }

    public bool Has(ReadOnlySpan<byte> key) => MemoryTree.Find(Root, key) is not null;

    public IKeyValueCursor ScanPrefix(ReadOnlySpan<byte> prefix, ScanDirection direction = ScanDirection.Forward) =>
        new MemoryCursor(Root, prefix.ToArray(), KeyBounds.PrefixEnd(prefix), direction);

    public IKeyValueCursor ScanRange(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, ScanDirection direction = ScanDirection.Forward) =>
        new MemoryCursor(Root, start.ToArray(), end.ToArray(), direction);
}
