namespace Nectar.Db.Memory;

/// <summary>A live column of a <see cref="MemoryDatabase"/>: reads see the latest committed version.</summary>
internal sealed class MemoryColumn(MemoryDatabase database, int index, string name) : MemoryReader(name), IKeyValueStore
{
    public MemoryDatabase Database { get; } = database;

    public int Index { get; } = index;

    protected override MemoryNode? Root => Database.ReadRoot(Index);

    public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => Database.Apply(new MemoryWrite(Index, key.ToArray(), value.ToArray()));

    public void Delete(ReadOnlySpan<byte> key) => Database.Apply(new MemoryWrite(Index, key.ToArray(), null));
}
