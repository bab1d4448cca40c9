namespace Nectar.Db.Tests.Contract;

public abstract partial class DatabaseContractTests
{
    [Fact]
    public void Get_returns_the_value_that_was_put()
    {
        Blocks.Put(H("0102"), H("aabbcc"));
        Assert.Equal(H("aabbcc"), Blocks.Get(H("0102")));
        Assert.True(Blocks.Has(H("0102")));
    }

    [Fact]
    public void Get_of_a_missing_key_returns_null()
    {
        Blocks.Put(H("0102"), H("aa"));
        Assert.Null(Blocks.Get(H("0103")));
        Assert.Null(Blocks.Get(H("01")));
        Assert.False(Blocks.Has(H("010200")));
    }

    [Fact]
    public void Empty_value_is_stored_and_differs_from_a_missing_key()
    {
        Blocks.Put(H("01"), []);
        var value = Blocks.Get(H("01"));
        Assert.NotNull(value);
        Assert.Empty(value);
        Assert.True(Blocks.Has(H("01")));
        Assert.True(Blocks.TryGet(H("01"), [], out var length));
        Assert.Equal(0, length);
        Assert.Null(Blocks.Get(H("02")));
    }

    [Fact]
    public void Empty_key_is_a_valid_key()
    {
        Blocks.Put([], H("ee"));
        Assert.Equal(H("ee"), Blocks.Get([]));
        Blocks.Delete([]);
        Assert.False(Blocks.Has([]));
    }

    [Fact]
    public void Put_replaces_the_previous_value()
    {
        Blocks.Put(H("01"), H("aa"));
        Blocks.Put(H("01"), H("bbbb"));
        Assert.Equal(H("bbbb"), Blocks.Get(H("01")));
    }

    [Fact]
    public void Delete_removes_the_key_and_deleting_a_missing_key_does_nothing()
    {
        Blocks.Put(H("01"), H("aa"));
        Blocks.Put(H("02"), H("bb"));
        Blocks.Delete(H("01"));
        Blocks.Delete(H("03"));
        Assert.Null(Blocks.Get(H("01")));
        Assert.Equal(H("bb"), Blocks.Get(H("02")));
    }

    [Fact]
    public void Stored_bytes_are_isolated_from_callers_buffers()
    {
        var key = H("01");
        var value = H("aabb");
        Blocks.Put(key, value);
        value[0] = 0;
        key[0] = 9;
        var read = Blocks.Get(H("01"))!;
        Assert.Equal(H("aabb"), read);
        read[0] = 0;
        Assert.Equal(H("aabb"), Blocks.Get(H("01")));
    }

    [Fact]
    public void TryGet_copies_the_value_when_it_fits()
    {
        Blocks.Put(H("01"), H("aabbcc"));
        var buffer = new byte[8];
        Assert.True(Blocks.TryGet(H("01"), buffer, out var length));
        Assert.Equal(3, length);
        Assert.Equal(H("aabbcc0000000000"), buffer);
    }

    [Fact]
    public void TryGet_reports_the_length_and_leaves_a_too_small_buffer_untouched()
    {
        Blocks.Put(H("01"), H("aabbcc"));
        var buffer = H("1122");
        Assert.True(Blocks.TryGet(H("01"), buffer, out var length));
        Assert.Equal(3, length);
        Assert.Equal(H("1122"), buffer);
    }

    [Fact]
    public void TryGet_of_a_missing_key_returns_false_and_length_minus_one()
    {
        var buffer = H("1122");
        Assert.False(Blocks.TryGet(H("01"), buffer, out var length));
        Assert.Equal(-1, length);
        Assert.Equal(H("1122"), buffer);
    }

    [Fact]
    public void TryRead_hands_the_value_and_the_state_to_the_reader()
    {
        Blocks.Put(H("01"), H("0a0b0c"));
        Assert.True(Blocks.TryRead(H("01"), 100, static (value, offset) => offset + value[2], out var result));
        Assert.Equal(112, result);
    }

    [Fact]
    public void TryRead_does_not_call_the_reader_for_a_missing_key()
    {
        var calls = 0;
        Assert.False(Blocks.TryRead(H("01"), 0, (_, _) => ++calls, out var result));
        Assert.Equal(0, calls);
        Assert.Equal(0, result);
    }

    [Fact]
    public void Columns_are_independent_key_spaces()
    {
        Blocks.Put(H("01"), H("aa"));
        Receipts.Put(H("01"), H("bb"));
        Receipts.Delete(H("01"));
        Assert.Equal(H("aa"), Blocks.Get(H("01")));
        Assert.Null(Receipts.Get(H("01")));
        Assert.Null(State.Get(H("01")));
    }

    [Fact]
    public void Default_column_always_exists_and_columns_keep_their_order()
    {
        Assert.Equal(["default", "blocks", "receipts", "state"], Db.ColumnNames);
        Db.GetColumn(DatabaseOptions.DefaultColumn).Put(H("01"), H("aa"));
        Assert.Equal(H("aa"), Db.GetColumn("default").Get(H("01")));
        Assert.Same(Blocks, Db.GetColumn("blocks"));
        Assert.Equal("blocks", Blocks.Name);
    }

    [Fact]
    public void Unknown_column_is_rejected_with_its_name()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Db.GetColumn("nope"));
        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => Db.GetColumn("Blocks"));
    }

    [Fact]
    public void Values_of_one_mebibyte_round_trip_through_put_batch_and_scan()
    {
        var big = new byte[1 << 20];
        new Random(7).NextBytes(big);
        var other = (byte[])big.Clone();
        other[^1] ^= 0xff;

        Blocks.Put(H("01"), big);
        using (var batch = Db.CreateWriteBatch())
        {
            batch.Put(Blocks, H("02"), other);
            batch.Commit();
        }

        Assert.Equal(big, Blocks.Get(H("01")));
        Assert.True(Blocks.TryGet(H("02"), new byte[1 << 20], out var length));
        Assert.Equal(1 << 20, length);
        var scanned = Drain(Blocks.ScanPrefix([]));
        Assert.Equal(2, scanned.Count);
        Assert.Equal(big, scanned[0].Value);
        Assert.Equal(other, scanned[1].Value);
    }

    [Fact]
    public void Disposed_database_rejects_further_calls()
    {
        var database = Create();
        var column = database.GetColumn("blocks");
        column.Put(H("01"), H("aa"));
        database.Dispose();
        database.Dispose();
        Assert.Throws<ObjectDisposedException>(() => database.GetColumn("blocks"));
        Assert.Throws<ObjectDisposedException>(() => column.Get(H("01")));
        Assert.Throws<ObjectDisposedException>(() => column.Put(H("01"), H("bb")));
        Assert.Throws<ObjectDisposedException>(database.CreateSnapshot);
        Assert.Throws<ObjectDisposedException>(database.CreateWriteBatch);
    }
}
