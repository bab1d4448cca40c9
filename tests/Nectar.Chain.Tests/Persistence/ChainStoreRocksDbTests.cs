using System.Globalization;
using Nectar.Chain.Persistence;
using Nectar.Chain.Tests.Persistence.Support;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Db;
using Nectar.Db.RocksDb;
using static Nectar.Chain.Tests.ChainHarness;
using static Nectar.Chain.Tests.Persistence.Support.StoreHarness;

namespace Nectar.Chain.Tests.Persistence;

public sealed class ChainStoreRocksDbTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Blocks_receipts_and_state_survive_closing_and_reopening_the_database()
    {
        var path = _directory.Sub("db");
        Hash256 headHash;
        Hash256 firstHash;
        Hash256 transferHash;
        using (var database = OpenRocksDb(path))
        {
            var store = Open(database);
            var transfer = Transfer(AliceKey, 0, Carol, 5);
            transferHash = transfer.Hash;
            firstHash = Produce(store, transfer, ChainHarness.Call(AliceKey, 1, Logger)).Hash;
            headHash = Produce(store, Count(BobKey, 0)).Hash;
        }

        using (var database = OpenRocksDb(path))
        {
            var store = Open(database);
            Assert.Equal(headHash, store.Head.Hash);
            Assert.Equal(store.Head.StateRoot, store.StateStore.StateRoot);
            Assert.Equal(firstHash, store.FindBlock(1)!.Hash);
            Assert.Equal(new Reading.TransactionLocation(firstHash, 1, 0), store.FindTransaction(transferHash));
            Assert.Single(store.FindReceipts(firstHash)![1].Logs);
            Assert.Equal([Alice, Alice], store.FindSenders(firstHash));
            Assert.Equal(new UInt256(5), Balance(store.GetState(1)!, Carol));
            Assert.Equal(UInt256.Zero, store.GetState(1)!.GetStorage(Counter, UInt256.Zero));
            Assert.Equal(UInt256.One, store.GetHeadState().GetStorage(Counter, UInt256.Zero));
            Assert.Equal(3UL, Produce(store, Count(BobKey, 1)).Number);
        }
    }

    [Fact]
    public void Reopening_with_another_genesis_is_refused()
    {
        var path = _directory.Sub("db");
        using (var database = OpenRocksDb(path))
        {
            Open(database);
        }

        using (var database = OpenRocksDb(path))
        {
            Assert.Throws<ChainStoreException>(() => Open(database, TestGenesis(timestamp: GenesisTimestamp + 1)));
        }
    }

    [Fact]
    public void Revert_is_durable()
    {
        var path = _directory.Sub("db");
        Hash256 kept;
        using (var database = OpenRocksDb(path))
        {
            var store = Open(database);
            kept = Produce(store, Transfer(AliceKey, 0, Carol, 1)).Hash;
            Produce(store, Transfer(AliceKey, 1, Carol, 1));
            Produce(store, Transfer(AliceKey, 2, Carol, 1));
            store.RevertToBlock(1);
        }

        using (var database = OpenRocksDb(path))
        {
            var store = Open(database);
            Assert.Equal(kept, store.Head.Hash);
            Assert.Null(store.FindHeader(2));
            Assert.Equal(UInt256.One, Balance(store.GetHeadState(), Carol));
        }
    }

    [Fact]
    public async Task Process_killed_while_storing_blocks_loses_no_block_it_reported_stored()
    {
        var path = _directory.Sub("db");
        var seed = Environment.TickCount;
        var stopAfter = new Random(seed).Next(3, 40);
        ulong reported;
        Hash256 reportedRoot;
        using (var child = ChildProcess.Start(CrashChild.Mode, path))
        {
            string line;
            do
            {
                line = await child.ReadLineAsync();
            }
            while (ulong.Parse(line.Split(' ')[0], CultureInfo.InvariantCulture) < (ulong)stopAfter);

            // SIGKILL right after a block was reported stored: no flush, no close, no fsync.
            await child.KillAsync();
            Assert.Equal(128 + 9, child.ExitCode);
            var parts = line.Split(' ');
            reported = ulong.Parse(parts[0], CultureInfo.InvariantCulture);
            reportedRoot = Hash256.Parse(parts[1]);
        }

        using var database = OpenRocksDb(path);

        // Opening checks that the stored head's state root is the stored state's.
        var store = Open(database);
        Assert.True(store.Head.Number >= reported, $"block {reported} was reported stored but the head is {store.Head.Number} (seed {seed})");
        Assert.Equal(reportedRoot, store.FindHeader(reported)!.StateRoot);
        for (ulong n = 1; n <= store.Head.Number; n++)
        {
            var block = store.FindBlock(n)!;
            Assert.Equal(block.Transactions.Length, store.FindReceipts(block.Hash)!.Count);
            Assert.Equal(new UInt256(n), store.GetState(n)!.GetStorage(Counter, UInt256.Zero));
        }

        var state = store.GetHeadState();
        Assert.True(state.TryGetAccount(Alice, out var alice));
        Assert.Equal(store.Head.Number + 1, Produce(store, Count(AliceKey, alice.Nonce)).Number);
    }

    private static RocksDbDatabase OpenRocksDb(string path) =>
        RocksDbDatabase.Open(new DatabaseOptions { Path = path, Columns = ChainColumns.AllWithState, BlockCacheSize = 8L * 1024 * 1024, WriteBufferSize = 4L * 1024 * 1024 });
}
