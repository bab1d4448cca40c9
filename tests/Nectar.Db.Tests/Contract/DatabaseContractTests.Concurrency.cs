using System.Buffers.Binary;

namespace Nectar.Db.Tests.Contract;

public abstract partial class DatabaseContractTests
{
    private static readonly byte[] Head = H("68656164");

    [Fact]
    public void Concurrent_readers_see_whole_batches_while_a_writer_commits()
    {
        // Batch n sets the head of both columns to n and adds key n to both: any view must show equal
        // heads, exactly head keys per column, and heads that never go backwards.
        const int Batches = 300;
        const int Readers = 3;
        var done = 0;
        var failures = new List<Exception>();
        var readsPerReader = new int[Readers];
        using var started = new Barrier(Readers + 1);

        var readers = Enumerable.Range(0, Readers).Select(r => new Thread(() =>
        {
            try
            {
                started.SignalAndWait();
                long last = 0;
                while (Volatile.Read(ref done) == 0 || readsPerReader[r] == 0)
                {
                    using var snapshot = Db.CreateSnapshot();
                    var blocks = snapshot.GetColumn("blocks");
                    var receipts = snapshot.GetColumn("receipts");
                    var head = ReadHead(blocks);
                    Assert.Equal(head, ReadHead(receipts));
                    Assert.True(head >= last, $"head went back from {last} to {head}");
                    Assert.Equal(head, Drain(blocks.ScanPrefix(H("6b"))).Count);
                    Assert.Equal(head, Drain(receipts.ScanPrefix(H("6b"), ScanDirection.Reverse)).Count);
                    var live = ReadHead(Db.GetColumn("blocks"));
                    Assert.True(live >= head, $"live head {live} behind snapshot head {head}");
                    last = head;
                    readsPerReader[r]++;
                }
            }
            catch (Exception e)
            {
                lock (failures)
                {
                    failures.Add(e);
                }
            }
        })).ToList();
        readers.ForEach(t => t.Start());

        started.SignalAndWait();
        var key = new byte[9];
        key[0] = 0x6b;
        var value = new byte[8];
        for (var n = 1; n <= Batches; n++)
        {
            using var batch = Db.CreateWriteBatch();
            BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(1), n);
            BinaryPrimitives.WriteInt64BigEndian(value, n);
            batch.Put(Blocks, key, value);
            batch.Put(Receipts, key, value);
            batch.Put(Blocks, Head, value);
            batch.Put(Receipts, Head, value);
            batch.Commit();
        }

        Volatile.Write(ref done, 1);
        readers.ForEach(t => Assert.True(t.Join(TimeSpan.FromMinutes(2)), "a reader did not finish"));
        Assert.Empty(failures);
        Assert.All(readsPerReader, count => Assert.True(count > 0));
        Assert.Equal(Batches, ReadHead(Blocks));
    }

    [Fact]
    public void Concurrent_writers_lose_no_write()
    {
        const int Writers = 4;
        const int PerWriter = 500;
        var threads = Enumerable.Range(0, Writers).Select(w => new Thread(() =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                var key = new[] { (byte)w, (byte)(i >> 8), (byte)i };
                if (i % 2 == 0)
                {
                    Blocks.Put(key, key);
                }
                else
                {
                    using var batch = Db.CreateWriteBatch();
                    batch.Put(Blocks, key, key);
                    batch.Commit();
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromMinutes(2)), "a writer did not finish"));

        for (var w = 0; w < Writers; w++)
        {
            Assert.Equal(PerWriter, Drain(Blocks.ScanPrefix([(byte)w])).Count);
        }
    }

    private static long ReadHead(IReadOnlyKeyValueStore column) =>
        column.TryRead(Head, 0, static (value, _) => BinaryPrimitives.ReadInt64BigEndian(value), out var head) ? head : 0;
}
