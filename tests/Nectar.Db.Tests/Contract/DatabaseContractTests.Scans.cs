namespace Nectar.Db.Tests.Contract;

public abstract partial class DatabaseContractTests
{
    // Keys sharing prefixes, with 0x00 and 0xff at the edges, inserted out of order.
    private static readonly string[] EdgeKeys =
    [
        "02", "01ff", "", "0100", "01", "ff", "01ffff", "ffff", "0101", "00", "01ff00", "ff00", "fffffe", "ffffff", "0200", "00ff",
    ];

    private void PutEdgeKeys(IKeyValueStore column)
    {
        foreach (var key in EdgeKeys)
        {
            column.Put(H(key), H("aa" + key));
        }
    }

    [Fact]
    public void Prefix_scan_returns_the_keys_with_the_prefix_in_byte_order()
    {
        PutEdgeKeys(Blocks);
        Assert.Equal(["01", "0100", "0101", "01FF", "01FF00", "01FFFF"], Keys(Blocks.ScanPrefix(H("01"))));
        Assert.Equal(["01FF", "01FF00", "01FFFF"], Keys(Blocks.ScanPrefix(H("01ff"))));
        Assert.Equal(["0101"], Keys(Blocks.ScanPrefix(H("0101"))));
    }

    [Fact]
    public void Prefix_scan_in_reverse_returns_the_same_keys_backwards()
    {
        PutEdgeKeys(Blocks);
        Assert.Equal(["01FFFF", "01FF00", "01FF", "0101", "0100", "01"], Keys(Blocks.ScanPrefix(H("01"), ScanDirection.Reverse)));
    }

    [Fact]
    public void Prefix_of_ff_bytes_reaches_the_end_of_the_key_space()
    {
        PutEdgeKeys(Blocks);
        Assert.Equal(["FF", "FF00", "FFFF", "FFFFFE", "FFFFFF"], Keys(Blocks.ScanPrefix(H("ff"))));
        Assert.Equal(["FFFF", "FFFFFE", "FFFFFF"], Keys(Blocks.ScanPrefix(H("ffff"))));
        Assert.Equal(["FFFFFF", "FFFFFE", "FFFF"], Keys(Blocks.ScanPrefix(H("ffff"), ScanDirection.Reverse)));
        Assert.Equal(["FFFFFF"], Keys(Blocks.ScanPrefix(H("ffffff"))));
    }

    [Fact]
    public void Empty_prefix_scans_the_whole_column_including_the_empty_key()
    {
        PutEdgeKeys(Blocks);
        Receipts.Put(H("05"), H("55"));
        var expected = EdgeKeys.Select(k => k.ToUpperInvariant()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, Keys(Blocks.ScanPrefix([])));
        expected.Reverse();
        Assert.Equal(expected, Keys(Blocks.ScanPrefix([], ScanDirection.Reverse)));
    }

    [Fact]
    public void Prefix_without_matches_yields_nothing()
    {
        PutEdgeKeys(Blocks);
        Assert.Empty(Keys(Blocks.ScanPrefix(H("03"))));
        Assert.Empty(Keys(Blocks.ScanPrefix(H("0102"), ScanDirection.Reverse)));
        Assert.Empty(Keys(Receipts.ScanPrefix([])));
    }

    [Fact]
    public void Scan_returns_each_key_with_its_own_value()
    {
        PutEdgeKeys(Blocks);
        foreach (var (key, value) in Drain(Blocks.ScanPrefix([])))
        {
            Assert.Equal(H("aa" + Convert.ToHexString(key)), value);
        }
    }

    [Fact]
    public void Range_scan_includes_the_start_and_excludes_the_end()
    {
        PutEdgeKeys(Blocks);
        Assert.Equal(["0100", "0101", "01FF", "01FF00", "01FFFF"], Keys(Blocks.ScanRange(H("0100"), H("02"))));
        Assert.Equal(["01FFFF", "01FF00", "01FF", "0101", "0100"], Keys(Blocks.ScanRange(H("0100"), H("02"), ScanDirection.Reverse)));
    }

    [Fact]
    public void Range_bounds_need_not_be_stored_keys()
    {
        PutEdgeKeys(Blocks);
        Assert.Equal(["0101", "01FF", "01FF00"], Keys(Blocks.ScanRange(H("0100ff"), H("01ff0000"))));
        Assert.Equal(["01FF00", "01FF", "0101"], Keys(Blocks.ScanRange(H("0100ff"), H("01ff0000"), ScanDirection.Reverse)));
        Assert.Equal(["", "00"], Keys(Blocks.ScanRange([], H("0000"))));
        Assert.Equal(["", "00", "00FF"], Keys(Blocks.ScanRange([], H("01"))));
        Assert.Equal(["FFFFFE", "FFFFFF"], Keys(Blocks.ScanRange(H("fffffe"), H("ffffffff"))));
    }

    [Fact]
    public void Range_whose_start_is_not_below_its_end_is_empty()
    {
        PutEdgeKeys(Blocks);
        Assert.Empty(Keys(Blocks.ScanRange(H("01"), H("01"))));
        Assert.Empty(Keys(Blocks.ScanRange(H("02"), H("01"))));
        Assert.Empty(Keys(Blocks.ScanRange(H("02"), H("01"), ScanDirection.Reverse)));
        Assert.Empty(Keys(Blocks.ScanRange(H("ff"), H("ff"), ScanDirection.Reverse)));
    }

    [Fact]
    public void Cursor_sees_the_column_as_it_was_when_opened()
    {
        Blocks.Put(H("01"), H("aa"));
        Blocks.Put(H("02"), H("bb"));
        using var cursor = Blocks.ScanPrefix([]);
        Blocks.Put(H("03"), H("cc"));
        Blocks.Delete(H("02"));
        Blocks.Put(H("01"), H("a2"));
        var seen = Drain(cursor);
        Assert.Equal([H("01"), H("02")], seen.Select(e => e.Key));
        Assert.Equal([H("aa"), H("bb")], seen.Select(e => e.Value));
    }

    [Fact]
    public void Cursor_has_no_entry_before_the_first_move_nor_after_the_last()
    {
        Blocks.Put(H("01"), H("aa"));
        using var cursor = Blocks.ScanPrefix([]);
        Assert.Throws<InvalidOperationException>(() => cursor.Key.Length);
        Assert.True(cursor.MoveNext());
        Assert.Equal(H("01"), cursor.Key.ToArray());
        Assert.False(cursor.MoveNext());
        Assert.False(cursor.MoveNext());
        Assert.Throws<InvalidOperationException>(() => cursor.Value.Length);
    }

    [Fact]
    public void Disposed_cursor_rejects_further_moves()
    {
        Blocks.Put(H("01"), H("aa"));
        var cursor = Blocks.ScanPrefix([]);
        cursor.Dispose();
        cursor.Dispose();
        Assert.Throws<ObjectDisposedException>(() => cursor.MoveNext());
    }

    [Fact]
    public void Scans_and_reads_agree_with_a_sorted_model_after_random_writes()
    {
        // A replayable random mix of puts, deletes and batches over a small key space (so keys collide),
        // checked against a sorted dictionary with full, prefix and range scans in both directions.
        const int Seed = 20240917;
        var random = new Random(Seed);
        var model = new SortedDictionary<byte[], byte[]>(Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)));
        byte[] RandomKey() => H(string.Concat(Enumerable.Range(0, random.Next(0, 4)).Select(_ => new[] { "00", "01", "7f", "fe", "ff" }[random.Next(5)])));

        for (var round = 0; round < 40; round++)
        {
            for (var op = 0; op < 50; op++)
            {
                var key = RandomKey();
                switch (random.Next(4))
                {
                    case 0:
                        Blocks.Delete(key);
                        model.Remove(key);
                        break;
                    case 1:
                        using (var batch = Db.CreateWriteBatch())
                        {
                            var second = RandomKey();
                            batch.Put(Blocks, key, [(byte)op]);
                            batch.Delete(Blocks, second);
                            batch.Commit();
                            model[key] = [(byte)op];
                            model.Remove(second);
                        }

                        break;
                    default:
                        var value = new byte[random.Next(0, 40)];
                        random.NextBytes(value);
                        Blocks.Put(key, value);
                        model[key] = value;
                        break;
                }
            }

            if (round == 20)
            {
                Db.Flush();
            }

            var all = model.Select(e => (e.Key, e.Value)).ToList();
            Assert.Equal(Hex(all), Hex(Drain(Blocks.ScanPrefix([]))));
            var prefix = RandomKey();
            var reverse = random.Next(2) == 1 ? ScanDirection.Reverse : ScanDirection.Forward;
            var expected = all.Where(e => e.Key.AsSpan().StartsWith(prefix)).ToList();
            if (reverse == ScanDirection.Reverse)
            {
                expected.Reverse();
            }

            Assert.Equal(Hex(expected), Hex(Drain(Blocks.ScanPrefix(prefix, reverse))));
            var (start, end) = (RandomKey(), RandomKey());
            expected = all.Where(e => e.Key.AsSpan().SequenceCompareTo(start) >= 0 && e.Key.AsSpan().SequenceCompareTo(end) < 0).ToList();
            if (reverse == ScanDirection.Reverse)
            {
                expected.Reverse();
            }

            Assert.Equal(Hex(expected), Hex(Drain(Blocks.ScanRange(start, end, reverse))));
            for (var probe = 0; probe < 20; probe++)
            {
                var key = RandomKey();
                Assert.Equal(model.TryGetValue(key, out var value) ? Convert.ToHexString(value) : null, Blocks.Get(key) is { } read ? Convert.ToHexString(read) : null);
            }
        }
    }

    private static List<string> Hex(List<(byte[] Key, byte[] Value)> entries) =>
        entries.Select(e => Convert.ToHexString(e.Key) + "=" + Convert.ToHexString(e.Value)).ToList();
}
