namespace Nectar.Db.RocksDb.Tests;

public sealed class RocksDbDatabaseTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string DbPath => _directory.Sub("db");

    private RocksDbDatabase Open(params string[] columns) => RocksDbDatabase.Open(new DatabaseOptions { Path = DbPath, Columns = columns });

    private static byte[] H(string hex) => Convert.FromHexString(hex);

    [Fact]
    public void Reopening_keeps_the_data_and_the_column_families()
    {
        using (var database = Open("blocks", "receipts"))
        {
            database.GetColumn("blocks").Put(H("01"), H("b1"));
            database.GetColumn("receipts").Put(H("01"), H("c1"));
            database.GetColumn("receipts").Put(H("02"), []);
        }

        using (var reopened = Open())
        {
            Assert.Equal(["default", "blocks", "receipts"], reopened.ColumnNames);
            Assert.Equal(H("b1"), reopened.GetColumn("blocks").Get(H("01")));
            Assert.Equal(H("c1"), reopened.GetColumn("receipts").Get(H("01")));
            Assert.Empty(reopened.GetColumn("receipts").Get(H("02"))!);
        }
    }

    [Fact]
    public void Reopening_with_a_new_column_adds_it_after_the_existing_ones()
    {
        using (var database = Open("blocks"))
        {
            database.GetColumn("blocks").Put(H("01"), H("b1"));
        }

        using (var reopened = Open("state"))
        {
            Assert.Equal(["default", "state", "blocks"], reopened.ColumnNames);
            reopened.GetColumn("state").Put(H("01"), H("5a"));
        }

        using var again = Open();
        Assert.Equal(["default", "blocks", "state"], again.ColumnNames);
        Assert.Equal(H("5a"), again.GetColumn("state").Get(H("01")));
        Assert.Equal(H("b1"), again.GetColumn("blocks").Get(H("01")));
    }

    [Theory]
    [InlineData(WriteDurability.Buffered)]
    [InlineData(WriteDurability.Synced)]
    public void Batch_committed_before_close_is_present_after_reopening(WriteDurability durability)
    {
        using (var database = Open("blocks", "receipts"))
        {
            using var batch = database.CreateWriteBatch();
            for (var i = 0; i < 1000; i++)
            {
                batch.Put(database.GetColumn(i % 2 == 0 ? "blocks" : "receipts"), BitConverter.GetBytes(i), BitConverter.GetBytes(i * 3));
            }

            batch.Delete(database.GetColumn("blocks"), BitConverter.GetBytes(0));
            batch.Commit(durability);
        }

        using var reopened = Open();
        Assert.Null(reopened.GetColumn("blocks").Get(BitConverter.GetBytes(0)));
        Assert.Equal(BitConverter.GetBytes(6), reopened.GetColumn("blocks").Get(BitConverter.GetBytes(2)));
        Assert.Equal(BitConverter.GetBytes(2997), reopened.GetColumn("receipts").Get(BitConverter.GetBytes(999)));
    }

    [Fact]
    public void Flushed_files_and_newer_memtable_writes_read_and_scan_as_one()
    {
        using (var database = Open("blocks"))
        {
            var blocks = database.GetColumn("blocks");
            for (byte i = 0; i < 10; i++)
            {
                blocks.Put([1, i], [i]);
            }

            database.Flush();
            blocks.Delete([1, 3]);
            blocks.Put([1, 4], [44]);
            blocks.Put([1, 0x0a], [10]);
        }

        using var reopened = Open();
        var column = reopened.GetColumn("blocks");
        Assert.Null(column.Get([1, 3]));
        Assert.Equal([44], column.Get([1, 4]));
        using var cursor = column.ScanPrefix([1], ScanDirection.Reverse);
        var keys = new List<byte>();
        while (cursor.MoveNext())
        {
            keys.Add(cursor.Key[1]);
        }

        Assert.Equal([10, 9, 8, 7, 6, 5, 4, 2, 1, 0], keys);
    }

    [Fact]
    public void Second_open_in_the_same_process_fails_with_a_lock_error_until_the_first_is_closed()
    {
        var first = Open("blocks");
        var error = Assert.Throws<DatabaseLockedException>(() => Open("blocks"));
        Assert.Contains(DbPath, error.Message, StringComparison.Ordinal);
        first.Dispose();
        using var second = Open("blocks");
        Assert.Contains("blocks", second.ColumnNames);
    }

    [Fact]
    public void Database_closes_only_after_its_last_cursor_and_snapshot_are_disposed()
    {
        var database = Open("blocks");
        database.GetColumn("blocks").Put(H("01"), H("aa"));
        database.GetColumn("blocks").Put(H("02"), H("bb"));
        var cursor = database.GetColumn("blocks").ScanPrefix([]);
        var snapshot = database.CreateSnapshot();
        database.Dispose();

        // The cursor still reads: RocksDB has not closed under it.
        Assert.True(cursor.MoveNext());
        Assert.Equal(H("aa"), cursor.Value.ToArray());
        Assert.Throws<DatabaseLockedException>(() => Open("blocks"));

        cursor.Dispose();
        Assert.Throws<DatabaseLockedException>(() => Open("blocks"));
        snapshot.Dispose();
        using var reopened = Open("blocks");
        Assert.Equal(H("bb"), reopened.GetColumn("blocks").Get(H("02")));
    }

    [Fact]
    public void Opening_a_missing_database_without_create_if_missing_fails_with_rocksdbs_reason()
    {
        var error = Assert.Throws<RocksDbException>(() => RocksDbDatabase.Open(new DatabaseOptions { Path = DbPath, CreateIfMissing = false }));
        Assert.Contains(DbPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.NativeMessage);
        Assert.Contains(error.NativeMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_rejects_invalid_options_before_touching_the_disk()
    {
        Assert.Throws<ArgumentException>(() => RocksDbDatabase.Open(new DatabaseOptions()));
        var error = Assert.Throws<ArgumentException>(() => RocksDbDatabase.Open(new DatabaseOptions { Path = DbPath, Columns = ["a", "a"] }));
        Assert.Contains("column 'a' is listed more than once", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(DbPath));
    }

    [Fact]
    public void Opens_with_lz4_and_zstd_when_the_library_has_them()
    {
        // Debian's librocksdb 7.8 links liblz4 and libzstd.
        using var database = Open();
        Assert.Equal(RocksDbCompression.Lz4WithZstdBottommost, database.Compression);
        Assert.Equal(DbPath, database.Path);
    }

    [Fact]
    public void Works_without_a_block_cache()
    {
        using var database = RocksDbDatabase.Open(new DatabaseOptions { Path = DbPath, BlockCacheSize = 0, Columns = ["blocks"] });
        var blocks = database.GetColumn("blocks");
        blocks.Put(H("01"), H("aa"));
        database.Flush();
        Assert.Equal(H("aa"), blocks.Get(H("01")));
    }
}
