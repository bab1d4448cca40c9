using System.Collections.Concurrent;
using Nectar.Core.Numerics;
using Nectar.Db;
using static Nectar.Chain.Tests.ChainHarness;
using static Nectar.Chain.Tests.Persistence.Support.StoreHarness;

namespace Nectar.Chain.Tests.Persistence;

public sealed class ChainStoreConcurrencyTests : IDisposable
{
    private const int Blocks = 40;
    private readonly MemoryDatabase _database = NewMemoryDatabase();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Readers_see_whole_blocks_only_while_the_writer_stores_blocks()
    {
        // Block n holds one Counter increment and one 1-wei transfer to Carol, so at block n both read n.
        var store = Open(_database);
        var errors = new ConcurrentQueue<string>();
        using var done = new CancellationTokenSource();
        var checks = 0L;

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                var head = store.Head;
                var block = store.FindBlock(head.Number);
                var receipts = store.FindReceipts(head.Hash);
                if (block is null || receipts is null || receipts.Count != block.Transactions.Length)
                {
                    errors.Enqueue($"block {head.Number} published before its body or receipts");
                }

                foreach (var tx in block?.Transactions ?? [])
                {
                    if (store.FindTransaction(tx.Hash) is not { } location || location.BlockNumber != head.Number)
                    {
                        errors.Enqueue($"transaction of block {head.Number} not indexed");
                    }
                }

                var state = store.GetState(head.Number);
                var counter = state?.GetStorage(Counter, UInt256.Zero);
                var carol = state is null ? (UInt256?)null : Balance(state, Carol);
                if (counter != new UInt256(head.Number) || carol != new UInt256(head.Number))
                {
                    errors.Enqueue($"state of block {head.Number} read counter {counter} and balance {carol}");
                }

                Interlocked.Increment(ref checks);
            }
        })).ToArray();

        // The readers are running before the first block goes in (bounded wait on a loaded machine).
        Assert.True(SpinWait.SpinUntil(() => Interlocked.Read(ref checks) > 0, TimeSpan.FromSeconds(30)));

        // A reader made for one block keeps answering for it while later blocks are stored.
        var pinned = new List<(ulong Number, Nectar.State.IStateReader Reader)>();
        for (ulong n = 1; n <= Blocks; n++)
        {
            Produce(store, Count(AliceKey, n - 1), Transfer(BobKey, n - 1, Carol, 1));
            pinned.Add((n, store.GetState(n)!));
            foreach (var (number, reader) in pinned)
            {
                if (reader.GetStorage(Counter, UInt256.Zero) != new UInt256(number) || Balance(reader, Carol) != new UInt256(number))
                {
                    errors.Enqueue($"reader of block {number} drifted at block {n}");
                }
            }
        }

        await done.CancelAsync();
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Empty(errors);
        Assert.True(Interlocked.Read(ref checks) > 0);
        Assert.Equal((ulong)Blocks, store.Head.Number);
    }
}
