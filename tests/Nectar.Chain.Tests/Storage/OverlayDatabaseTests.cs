using Nectar.Chain.Storage;
using Nectar.Db;

namespace Nectar.Chain.Tests.Storage;

public sealed class OverlayDatabaseTests
{
    private static readonly byte[] A = [0x01];
    private static readonly byte[] B = [0x02];
    private static readonly byte[] C = [0x02, 0x01];

    [Fact]
    public void Reads_fall_through_to_the_base()
    {
        using var baseDb = Seeded();
        using var overlay = new OverlayDatabase(baseDb);

        var column = overlay.GetColumn("data");

        Assert.Equal([0xA1], column.Get(A));
        Assert.True(column.Has(B));
        Assert.Null(column.Get([0x09]));
    }

    [Fact]
    public void Writes_stay_in_the_overlay_and_never_reach_the_base()
    {
        using var baseDb = Seeded();
        using var overlay = new OverlayDatabase(baseDb);
        var column = overlay.GetColumn("data");

        column.Put(A, [0xFF]);
        column.Delete(B);
        column.Put([0x07], [0x70]);

        Assert.Equal([0xFF], column.Get(A));
        Assert.False(column.Has(B));
        Assert.Equal([0x70], column.Get([0x07]));
        var baseColumn = baseDb.GetColumn("data");
        Assert.Equal([0xA1], baseColumn.Get(A));
        Assert.Equal([0xB2], baseColumn.Get(B));
        Assert.Null(baseColumn.Get([0x07]));
    }

    [Fact]
    public void Try_get_and_try_read_see_overlay_values_and_deletes()
    {
        using var baseDb = Seeded();
        using var overlay = new OverlayDatabase(baseDb);
        var column = overlay.GetColumn("data");
        column.Put(A, [0x11, 0x22]);
        column.Delete(B);

        Span<byte> buffer = stackalloc byte[4];
        Assert.True(column.TryGet(A, buffer, out var length));
        Assert.Equal(2, length);
        Assert.Equal([0x11, 0x22], buffer[..2].ToArray());
        Assert.False(column.TryGet(B, buffer, out length));
        Assert.Equal(-1, length);
        Assert.True(column.TryRead(A, 0, static (value, _) => value.Length, out var read));
        Assert.Equal(2, read);
        Assert.False(column.TryRead(B, 0, static (value, _) => value.Length, out _));
    }

    [Fact]
    public void Scans_merge_overlay_and_base_in_both_directions()
    {
        using var baseDb = Seeded();
        using var overlay = new OverlayDatabase(baseDb);
        var column = overlay.GetColumn("data");
        column.Delete(B);
        column.Put([0x02, 0x00], [0x20]);
        column.Put(C, [0xC3]);

        Assert.Equal([[0x02, 0x00], [0x02, 0x01]], Keys(column.ScanPrefix([0x02])));
        Assert.Equal([[0x02, 0x01], [0x02, 0x00]], Keys(column.ScanPrefix([0x02], ScanDirection.Reverse)));
        Assert.Equal([[0x01], [0x02, 0x00]], Keys(column.ScanRange([0x01], [0x02, 0x01])));
        Assert.Equal([0xC3], Values(column.ScanPrefix(C))[0]);
    }

    [Fact]
    public void A_batch_applies_all_its_writes_at_commit_and_nothing_before()
    {
        using var baseDb = Seeded();
        using var overlay = new OverlayDatabase(baseDb);
        var column = overlay.GetColumn("data");
        using var batch = overlay.CreateWriteBatch();
        batch.Put(column, A, [0x99]);
        batch.Delete(column, B);

        Assert.Equal(2, batch.Count);
        Assert.Equal([0xA1], column.Get(A));

        batch.Commit();

        Assert.Equal([0x99], column.Get(A));
        Assert.Null(column.Get(B));
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public void A_batch_rejects_a_column_of_another_database()
    {
        using var baseDb = Seeded();
        using var overlay = new OverlayDatabase(baseDb);
        using var batch = overlay.CreateWriteBatch();

        Assert.Throws<ArgumentException>(() => batch.Put(baseDb.GetColumn("data"), A, [0x00]));
    }

    [Fact]
    public void A_snapshot_does_not_see_later_overlay_writes()
    {
        using var baseDb = Seeded();
        using var overlay = new OverlayDatabase(baseDb);
        var column = overlay.GetColumn("data");
        column.Put(A, [0x01]);
        using var snapshot = overlay.CreateSnapshot();

        column.Put(A, [0x02]);
        column.Delete(B);

        var view = snapshot.GetColumn("data");
        Assert.Equal([0x01], view.Get(A));
        Assert.Equal([0xB2], view.Get(B));
        Assert.Equal(2, Keys(view.ScanPrefix([])).Count);
    }

    [Fact]
    public void Behaves_like_a_database_that_applied_the_same_writes()
    {
        // A replayable random sequence of puts, deletes and batches against an overlay and against a copy of its
        // base: every read and scan must agree, and the base must stay as it was.
        var random = new Random(0x0C0FFEE);
        for (var round = 0; round < 25; round++)
        {
            using var baseDb = new MemoryDatabase("data");
            using var model = new MemoryDatabase("data");
            foreach (var db in new[] { baseDb, model })
            {
                var seed = new Random(round);
                for (var i = 0; i < 30; i++)
                {
                    db.GetColumn("data").Put(RandomKey(seed), [(byte)i]);
                }
            }

            var before = Dump(baseDb.GetColumn("data"));
            using var overlay = new OverlayDatabase(baseDb);
            var column = overlay.GetColumn("data");
            var expected = model.GetColumn("data");
            for (var step = 0; step < 200; step++)
            {
                var key = RandomKey(random);
                switch (random.Next(4))
                {
                    case 0:
                        var value = new byte[random.Next(0, 4)];
                        random.NextBytes(value);
                        column.Put(key, value);
                        expected.Put(key, value);
                        break;
                    case 1:
                        column.Delete(key);
                        expected.Delete(key);
                        break;
                    case 2:
                        Assert.Equal(expected.Get(key), column.Get(key));
                        break;
                    default:
                        var prefix = key[..1];
                        var direction = random.Next(2) == 0 ? ScanDirection.Forward : ScanDirection.Reverse;
                        Assert.Equal(Dump(expected.ScanPrefix(prefix, direction)), Dump(column.ScanPrefix(prefix, direction)));
                        break;
                }
            }

            Assert.Equal(Dump(expected.ScanPrefix([])), Dump(column.ScanPrefix([])));
            Assert.Equal(before, Dump(baseDb.GetColumn("data")));
        }
    }

    private static MemoryDatabase Seeded()
    {
        var db = new MemoryDatabase("data");
        var column = db.GetColumn("data");
        column.Put(A, [0xA1]);
        column.Put(B, [0xB2]);
        return db;
    }

    private static byte[] RandomKey(Random random)
    {
        var key = new byte[random.Next(1, 3)];
        key[0] = (byte)random.Next(0, 4);
        if (key.Length > 1)
        {
            key[1] = (byte)random.Next(0, 4);
        }

        return key;
    }

    private static List<string> Dump(IReadOnlyKeyValueStore store) => Dump(store.ScanPrefix([]));

    private static List<string> Dump(IKeyValueCursor cursor)
    {
        using (cursor)
        {
            var entries = new List<string>();
            while (cursor.MoveNext())
            {
                entries.Add(Convert.ToHexString(cursor.Key) + "=" + Convert.ToHexString(cursor.Value));
            }

            return entries;
        }
    }

    private static List<byte[]> Keys(IKeyValueCursor cursor)
    {
        using (cursor)
        {
            var keys = new List<byte[]>();
            while (cursor.MoveNext())
            {
                keys.Add(cursor.Key.ToArray());
            }

            return keys;
        }
    }

    private static List<byte[]> Values(IKeyValueCursor cursor)
    {
        using (cursor)
        {
            var values = new List<byte[]>();
            while (cursor.MoveNext())
            {
                values.Add(cursor.Value.ToArray());
            }

            return values;
        }
    }
}
