namespace Nectar.Db.Tests.Contract;

public abstract partial class DatabaseContractTests
{
    [Fact]
    public void Batch_writes_are_invisible_until_commit()
    {
        Blocks.Put(H("02"), H("0f"));
        using var batch = Db.CreateWriteBatch();
        batch.Put(Blocks, H("01"), H("aa"));
        batch.Delete(Blocks, H("02"));
        Assert.Null(Blocks.Get(H("01")));
        Assert.Equal(H("0f"), Blocks.Get(H("02")));
        batch.Commit();
        Assert.Equal(H("aa"), Blocks.Get(H("01")));
        Assert.Null(Blocks.Get(H("02")));
    }

    [Fact]
    public void Batch_commit_applies_puts_and_deletes_across_columns()
    {
        State.Put(H("05"), H("55"));
        using var batch = Db.CreateWriteBatch();
        batch.Put(Blocks, H("01"), H("b1"));
        batch.Put(Receipts, H("01"), H("c1"));
        batch.Delete(State, H("05"));
        batch.Put(State, H("06"), []);
        batch.Commit();
        Assert.Equal(H("b1"), Blocks.Get(H("01")));
        Assert.Equal(H("c1"), Receipts.Get(H("01")));
        Assert.False(State.Has(H("05")));
        var empty = State.Get(H("06"));
        Assert.NotNull(empty);
        Assert.Empty(empty);
    }

    [Fact]
    public void Batch_applies_writes_in_the_order_they_were_added()
    {
        Blocks.Put(H("03"), H("33"));
        using var batch = Db.CreateWriteBatch();
        batch.Put(Blocks, H("01"), H("aa"));
        batch.Delete(Blocks, H("01"));
        batch.Delete(Blocks, H("03"));
        batch.Put(Blocks, H("03"), H("cc"));
        batch.Put(Blocks, H("04"), H("d1"));
        batch.Put(Blocks, H("04"), H("d2"));
        batch.Commit();
        Assert.Null(Blocks.Get(H("01")));
        Assert.Equal(H("cc"), Blocks.Get(H("03")));
        Assert.Equal(H("d2"), Blocks.Get(H("04")));
    }

    [Fact]
    public void Batch_counts_pending_writes_and_is_empty_and_reusable_after_commit()
    {
        using var batch = Db.CreateWriteBatch();
        Assert.Equal(0, batch.Count);
        batch.Put(Blocks, H("01"), H("aa"));
        batch.Delete(Receipts, H("01"));
        Assert.Equal(2, batch.Count);
        batch.Commit();
        Assert.Equal(0, batch.Count);

        batch.Put(Blocks, H("02"), H("bb"));
        batch.Commit(WriteDurability.Synced);
        Assert.Equal(H("aa"), Blocks.Get(H("01")));
        Assert.Equal(H("bb"), Blocks.Get(H("02")));
    }

    [Fact]
    public void Clear_drops_pending_writes()
    {
        using var batch = Db.CreateWriteBatch();
        batch.Put(Blocks, H("01"), H("aa"));
        batch.Clear();
        Assert.Equal(0, batch.Count);
        batch.Put(Blocks, H("02"), H("bb"));
        batch.Commit();
        Assert.Null(Blocks.Get(H("01")));
        Assert.Equal(H("bb"), Blocks.Get(H("02")));
    }

    [Fact]
    public void Disposing_an_uncommitted_batch_discards_it()
    {
        using (var batch = Db.CreateWriteBatch())
        {
            batch.Put(Blocks, H("01"), H("aa"));
        }

        Assert.Null(Blocks.Get(H("01")));
    }

    [Fact]
    public void Batch_copies_the_callers_buffers()
    {
        var key = H("01");
        var value = H("aa");
        using var batch = Db.CreateWriteBatch();
        batch.Put(Blocks, key, value);
        key[0] = 2;
        value[0] = 0xbb;
        batch.Commit();
        Assert.Equal(H("aa"), Blocks.Get(H("01")));
        Assert.Null(Blocks.Get(H("02")));
    }

    [Fact]
    public void Batch_rejects_a_column_of_another_database()
    {
        var other = Create();
        using var batch = Db.CreateWriteBatch();
        var error = Assert.Throws<ArgumentException>(() => batch.Put(other.GetColumn("blocks"), H("01"), H("aa")));
        Assert.Contains("does not belong", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => batch.Delete(other.GetColumn("blocks"), H("01")));
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public void Batch_of_ten_thousand_writes_commits_as_one()
    {
        using var snapshotBefore = Db.CreateSnapshot();
        using var batch = Db.CreateWriteBatch();
        for (var i = 0; i < 10_000; i++)
        {
            batch.Put(i % 2 == 0 ? Blocks : Receipts, BitConverter.GetBytes(i), BitConverter.GetBytes(-i));
        }

        batch.Commit();
        Assert.Equal(5_000, Drain(Blocks.ScanPrefix([])).Count);
        Assert.Equal(5_000, Drain(Receipts.ScanPrefix([])).Count);
        Assert.Empty(Drain(snapshotBefore.GetColumn("blocks").ScanPrefix([])));
    }
}
