namespace Nectar.Db.Tests.Contract;

public abstract partial class DatabaseContractTests
{
    [Fact]
    public void Snapshot_keeps_the_values_from_before_later_writes()
    {
        Blocks.Put(H("01"), H("aa"));
        Blocks.Put(H("02"), H("bb"));
        using var snapshot = Db.CreateSnapshot();
        Blocks.Put(H("01"), H("a2"));
        Blocks.Delete(H("02"));
        Blocks.Put(H("03"), H("cc"));

        var view = snapshot.GetColumn("blocks");
        Assert.Equal(H("aa"), view.Get(H("01")));
        Assert.Equal(H("bb"), view.Get(H("02")));
        Assert.Null(view.Get(H("03")));
        Assert.False(view.Has(H("03")));
        Assert.True(view.TryGet(H("02"), new byte[4], out var length));
        Assert.Equal(1, length);
        Assert.True(view.TryRead(H("01"), 0, static (value, _) => value[0], out var first));
        Assert.Equal(0xaa, first);
        Assert.Equal(H("a2"), Blocks.Get(H("01")));
        Assert.Null(Blocks.Get(H("02")));
    }

    [Fact]
    public void Snapshot_scans_ignore_later_writes()
    {
        Blocks.Put(H("0101"), H("aa"));
        Blocks.Put(H("0102"), H("bb"));
        using var snapshot = Db.CreateSnapshot();
        Blocks.Put(H("0103"), H("cc"));
        Blocks.Delete(H("0101"));
        var view = snapshot.GetColumn("blocks");
        Assert.Equal(["0101", "0102"], Keys(view.ScanPrefix(H("01"))));
        Assert.Equal(["0102", "0101"], Keys(view.ScanRange(H("00"), H("02"), ScanDirection.Reverse)));
        Assert.Equal(["0102", "0103"], Keys(Blocks.ScanPrefix(H("01"))));
    }

    [Fact]
    public void Snapshot_is_one_instant_across_columns()
    {
        using (var batch = Db.CreateWriteBatch())
        {
            batch.Put(Blocks, H("01"), H("b1"));
            batch.Put(Receipts, H("01"), H("c1"));
            batch.Commit();
        }

        using var snapshot = Db.CreateSnapshot();
        using (var batch = Db.CreateWriteBatch())
        {
            batch.Put(Blocks, H("01"), H("b2"));
            batch.Put(Receipts, H("01"), H("c2"));
            batch.Commit();
        }

        Assert.Equal(H("b1"), snapshot.GetColumn("blocks").Get(H("01")));
        Assert.Equal(H("c1"), snapshot.GetColumn("receipts").Get(H("01")));
        Assert.Null(snapshot.GetColumn("state").Get(H("01")));
    }

    [Fact]
    public void Snapshots_taken_at_different_times_see_different_states()
    {
        Blocks.Put(H("01"), H("01"));
        using var first = Db.CreateSnapshot();
        Blocks.Put(H("01"), H("02"));
        using var second = Db.CreateSnapshot();
        Blocks.Put(H("01"), H("03"));
        Assert.Equal(H("01"), first.GetColumn("blocks").Get(H("01")));
        Assert.Equal(H("02"), second.GetColumn("blocks").Get(H("01")));
        Assert.Equal(H("03"), Blocks.Get(H("01")));
    }

    [Fact]
    public void Disposed_snapshot_rejects_reads()
    {
        Blocks.Put(H("01"), H("aa"));
        var snapshot = Db.CreateSnapshot();
        var view = snapshot.GetColumn("blocks");
        snapshot.Dispose();
        snapshot.Dispose();
        Assert.Throws<ObjectDisposedException>(() => view.Get(H("01")));
        Assert.Throws<ObjectDisposedException>(() => view.ScanPrefix([]));
        Assert.Throws<ObjectDisposedException>(() => snapshot.GetColumn("blocks"));
        Assert.Equal(H("aa"), Blocks.Get(H("01")));
    }

    [Fact]
    public void Snapshot_rejects_an_unknown_column()
    {
        using var snapshot = Db.CreateSnapshot();
        Assert.Throws<KeyNotFoundException>(() => snapshot.GetColumn("nope"));
    }
}
