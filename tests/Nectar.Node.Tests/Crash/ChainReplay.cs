using Nectar.Chain.Execution;
using Nectar.Chain.Persistence;
using Nectar.Chain.Validation;
using Nectar.Compliance.Devnet;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.Crypto.Secp256k1;
using Nectar.Db;
using Nectar.Db.RocksDb;

namespace Nectar.Node.Tests.Crash;

/// <summary>
/// Re-executes a stopped node's chain from the devnet genesis, independently of what it stored: every block is read
/// from the node's RocksDB, its transactions are decoded afresh (so every sender is recovered again, not taken from the
/// store), and it is imported through the validator into a new chain store in memory, which checks the header, the
/// transactions, receipts and withdrawals roots, the bloom, the gas used and the state root against a re-execution.
/// </summary>
internal static class ChainReplay
{
    /// <summary>What the replay found: the stored head, and the root and transactions the re-execution reached.</summary>
    public sealed record Result(ulong HeadNumber, Hash256 HeadHash, Hash256 StoredStateRoot, Hash256 ReplayedStateRoot, int Transactions);

    public static Result Run(string dataDirectory)
    {
        var spec = DevnetChainSpec.Load();
        using var database = RocksDbDatabase.Open(new DatabaseOptions
        {
            Path = Path.Combine(dataDirectory, NectarNode.DatabaseFolder),
            Columns = ChainColumns.AllWithState,
            CreateIfMissing = false,
            BlockCacheSize = 8L * 1024 * 1024,
            WriteBufferSize = 4L * 1024 * 1024,
        });

        // Opening checks, as the node does, that the stored head's state root is the stored state's.
        var stored = ChainStore.Open(database, spec.Genesis, spec.Forks);
        using var memory = new MemoryDatabase([.. ChainColumns.AllWithState]);
        var replay = ChainStore.Open(memory, spec.Genesis, spec.Forks);
        Assert.Equal(stored.Genesis.Hash, replay.Genesis.Hash);

        using var secp256k1 = new LibSecp256k1();
        var validator = new BlockValidator(new BlockProcessor(secp256k1, spec.ChainId));
        var transactions = 0;
        for (ulong number = 1; number <= stored.Head.Number; number++)
        {
            var block = stored.FindBlock(number) ?? throw new Xunit.Sdk.XunitException($"block {number} is missing below the head {stored.Head.Number}");
            var fresh = new Block
            {
                Header = block.Header,
                Transactions = [.. block.Transactions.Select(t => TransactionCodec.Decode(TransactionCodec.Encode(t)))],
                Ommers = block.Ommers,
                Withdrawals = block.Withdrawals,
            };
            var verdict = validator.ValidateAndApply(fresh, replay.Head, replay.Forks.At(block.Header.Timestamp), replay.State, replay);
            Assert.True(verdict.IsValid, $"block {number} {block.Hash} does not replay: {verdict.Error}: {verdict.Message} (transaction {verdict.TransactionIndex})");

            var receipts = verdict.Execution!.Receipts;
            var storedReceipts = stored.FindReceipts(block.Hash)!;
            Assert.Equal(receipts.Length, storedReceipts.Count);
            for (var i = 0; i < receipts.Length; i++)
            {
                Assert.Equal(receipts[i].Success, storedReceipts[i].Success);
                Assert.Equal(receipts[i].CumulativeGasUsed, storedReceipts[i].CumulativeGasUsed);
            }

            var senders = fresh.Transactions.Select(t => t.Sender!.Value).ToArray();
            Assert.Equal(stored.FindSenders(block.Hash)!, senders);
            replay.CommitBlock(fresh, receipts, senders);
            Assert.Equal(block.Hash, replay.Head.Hash);
            transactions += fresh.Transactions.Length;
        }

        return new Result(stored.Head.Number, stored.Head.Hash, stored.Head.StateRoot, replay.StateStore.StateRoot, transactions);
    }
}
