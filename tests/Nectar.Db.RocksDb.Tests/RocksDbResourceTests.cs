namespace Nectar.Db.RocksDb.Tests;

[Collection(nameof(SerialCollection))]
public sealed class RocksDbResourceTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Opening_using_and_closing_repeatedly_leaks_no_file_descriptors()
    {
        // Warm up first: RocksDB's shared thread pools and the runtime open descriptors once per process.
        Cycle(3);
        var before = OpenDescriptors();
        Cycle(20);
        Assert.Equal(before, OpenDescriptors());
    }

    private void Cycle(int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var database = RocksDbDatabase.Open(new DatabaseOptions { Path = _directory.Sub("db"), Columns = ["blocks", "receipts"] });
            var blocks = database.GetColumn("blocks");
            using (var batch = database.CreateWriteBatch())
            {
                batch.Put(blocks, [(byte)i], [1]);
                batch.Put(database.GetColumn("receipts"), [(byte)i], [2]);
                batch.Commit(WriteDurability.Synced);
            }

            database.Flush();
            using var snapshot = database.CreateSnapshot();
            using var cursor = snapshot.GetColumn("blocks").ScanPrefix([]);
            var count = 0;
            while (cursor.MoveNext())
            {
                count++;
            }

            Assert.True(count > i);
            Assert.True(blocks.Has([(byte)i]));
        }
    }

    private static int OpenDescriptors() => Directory.GetFileSystemEntries("/proc/self/fd").Length;
}
