using System.Buffers.Binary;
using System.Globalization;

namespace Nectar.Db.RocksDb.Tests;

public sealed class CrashRecoveryTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Process_killed_right_after_non_synced_commits_loses_no_committed_batch()
    {
        var path = _directory.Sub("db");
        long reported;
        using (var child = ChildProcess.Start("write-until-killed", path))
        {
            // Kill with SIGKILL as soon as the child reports a commit: no flush, no close, no fsync.
            var line = await child.ReadUntilAsync(l => long.Parse(l, CultureInfo.InvariantCulture) >= 300);
            await child.KillAsync();
            reported = long.Parse(line, CultureInfo.InvariantCulture);
            Assert.Equal(128 + 9, child.ExitCode);
        }

        using var database = RocksDbDatabase.Open(new DatabaseOptions { Path = path });
        var blocks = database.GetColumn("blocks");
        var receipts = database.GetColumn("receipts");
        var head = BinaryPrimitives.ReadInt64BigEndian(blocks.Get(Program.HeadKey));
        Assert.True(head >= reported, $"batch {reported} was reported committed but the head is {head}");
        Assert.Equal(head, BinaryPrimitives.ReadInt64BigEndian(receipts.Get(Program.HeadKey)));

        // Every batch up to the head is complete in both columns, and nothing beyond it exists: batches are whole.
        for (var column = 0; column < 2; column++)
        {
            var store = column == 0 ? blocks : receipts;
            long expected = 0;
            using var cursor = store.ScanPrefix("k"u8);
            while (cursor.MoveNext())
            {
                Assert.Equal(Program.BatchKey(expected), cursor.Key.ToArray());
                Assert.Equal(expected, BinaryPrimitives.ReadInt64BigEndian(cursor.Value));
                expected++;
            }

            Assert.Equal(head + 1, expected);
        }
    }

    [Fact]
    public async Task Open_fails_with_a_lock_error_while_another_process_holds_the_database()
    {
        var path = _directory.Sub("db");
        using var child = ChildProcess.Start("hold-open", path);
        Assert.Equal(Program.Ready, await child.ReadLineAsync());

        var error = Assert.Throws<DatabaseLockedException>(() => RocksDbDatabase.Open(new DatabaseOptions { Path = path }));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("already open", error.Message, StringComparison.Ordinal);

        Assert.Equal(0, await child.StopAsync());
        using var database = RocksDbDatabase.Open(new DatabaseOptions { Path = path });
        Assert.Equal(["default", "blocks", "receipts"], database.ColumnNames);
    }
}
