namespace Nectar.Db.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="IDatabase"/> must show, run against each store by a subclass that says
/// how to create one. Split by concern into partial files.
/// </summary>
public abstract partial class DatabaseContractTests : IDisposable
{
    protected static readonly string[] TestColumns = ["blocks", "receipts", "state"];

    private readonly List<IDatabase> _databases = [];
    private IDatabase? _database;

    protected IDatabase Db
    {
        get
        {
            // Tests touch it from several threads at once.
            lock (_databases)
            {
                return _database ??= Create();
            }
        }
    }

    protected IKeyValueStore Blocks => Db.GetColumn("blocks");

    protected IKeyValueStore Receipts => Db.GetColumn("receipts");

    protected IKeyValueStore State => Db.GetColumn("state");

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates a new, empty database with the default column and <paramref name="columns"/>; each call gives a distinct database.</summary>
    protected abstract IDatabase CreateDatabase(IReadOnlyList<string> columns);

    protected IDatabase Create(params string[] columns)
    {
        lock (_databases)
        {
            var database = CreateDatabase(columns.Length == 0 ? TestColumns : columns);
            _databases.Add(database);
            return database;
        }
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var database in _databases)
            {
                database.Dispose();
            }
        }
    }

    protected static byte[] H(string hex) => Convert.FromHexString(hex);

    protected static List<(byte[] Key, byte[] Value)> Drain(IKeyValueCursor cursor)
    {
        using (cursor)
        {
            var entries = new List<(byte[], byte[])>();
            while (cursor.MoveNext())
            {
                entries.Add((cursor.Key.ToArray(), cursor.Value.ToArray()));
            }

            return entries;
        }
    }

    protected static List<string> Keys(IKeyValueCursor cursor) => Drain(cursor).Select(e => Convert.ToHexString(e.Key)).ToList();
}
