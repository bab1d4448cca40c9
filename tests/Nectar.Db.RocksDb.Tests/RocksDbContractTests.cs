using Nectar.Db.Tests.Contract;

namespace Nectar.Db.RocksDb.Tests;

public sealed class RocksDbContractTests : DatabaseContractTests
{
    private readonly TempDirectory _directory = new();
    private int _count;

    protected override IDatabase CreateDatabase(IReadOnlyList<string> columns) =>
        RocksDbDatabase.Open(new DatabaseOptions
        {
            Path = _directory.Sub("db" + _count++),
            Columns = columns,
            BlockCacheSize = 8L << 20,
            WriteBufferSize = 4L << 20,
        });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
        }
    }
}
