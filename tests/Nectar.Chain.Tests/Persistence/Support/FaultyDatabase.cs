using Nectar.Db;

namespace Nectar.Chain.Tests.Persistence.Support;

/// <summary>A database whose write batches can be made to fail at commit, and that records how batches were written.</summary>
internal sealed class FaultyDatabase(IDatabase inner) : IDatabase
{
    private readonly List<WriteDurability> _commits = [];

    /// <summary>Whether the next batch commit throws instead of writing.</summary>
    public bool FailNextCommit { get; set; }

    /// <summary>The durability of every batch written, in order.</summary>
    public IReadOnlyList<WriteDurability> Commits
    {
        get
        {
            lock (_commits)
            {
                return [.. _commits];
            }
        }
    }

    public IReadOnlyList<string> ColumnNames => inner.ColumnNames;

    public IKeyValueStore GetColumn(string name) => inner.GetColumn(name);

    public IWriteBatch CreateWriteBatch() => new Batch(this, inner.CreateWriteBatch());

    public ISnapshot CreateSnapshot() => inner.CreateSnapshot();

    public void Flush() => inner.Flush();

    public void Dispose() => inner.Dispose();

    private sealed class Batch(FaultyDatabase owner, IWriteBatch inner) : IWriteBatch
    {
        public int Count => inner.Count;

        public void Put(IKeyValueStore column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => inner.Put(column, key, value);

        public void Delete(IKeyValueStore column, ReadOnlySpan<byte> key) => inner.Delete(column, key);

        public void Commit(WriteDurability durability = WriteDurability.Buffered)
        {
            if (owner.FailNextCommit)
            {
                owner.FailNextCommit = false;
                throw new StorageException("injected write failure");
            }

            inner.Commit(durability);
            lock (owner._commits)
            {
                owner._commits.Add(durability);
            }
        }

        public void Clear() => inner.Clear();

        public void Dispose() => inner.Dispose();
    }
}
