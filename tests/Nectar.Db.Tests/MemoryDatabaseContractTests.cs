using Nectar.Db.Tests.Contract;

namespace Nectar.Db.Tests;

public sealed class MemoryDatabaseContractTests : DatabaseContractTests
{
    protected override IDatabase CreateDatabase(IReadOnlyList<string> columns) => new MemoryDatabase(new DatabaseOptions { Columns = columns });
}
