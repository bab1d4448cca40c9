using Nectar.Chain.Persistence;
using Nectar.Chain.Reading;
using Nectar.Chain.Tests.Persistence.Support;
using Nectar.Core.Blocks;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Db;
using Nectar.State;
using Nectar.Trie;
using static Nectar.Chain.Tests.ChainHarness;
using static Nectar.Chain.Tests.Persistence.Support.StoreHarness;

namespace Nectar.Chain.Tests.Persistence;

public sealed class ChainStoreTests : IDisposable
{
    private readonly MemoryDatabase _database = NewMemoryDatabase();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Opening_an_empty_database_stores_the_genesis_block_as_head()
    {
        var store = Open(_database);

        var expected = ChainStore.BuildGenesis(TestGenesis(), Forks);
        Assert.Equal(expected.Hash, store.Head.Hash);
        Assert.Equal(expected.Hash, store.Genesis.Hash);
        Assert.Equal(0UL, store.Head.Number);
        Assert.Equal(expected.Hash, store.FindBlock(0)!.Hash);
        Assert.Equal(expected.Hash, store.FindHeader(expected.Hash)!.Hash);
        Assert.Empty(store.FindReceipts(expected.Hash)!);
        Assert.Equal(expected.Header.StateRoot, store.StateStore.StateRoot);
        Assert.Equal(Ether * 100, Balance(store.GetState(0)!, Alice));
        Assert.Same(store.Head, store.Safe);
        Assert.Same(store.Head, store.Finalized);
    }

    [Fact]
    public void Stored_block_is_found_by_hash_and_number_with_receipts_senders_and_locations()
    {
        var store = Open(_database);
        var first = Transfer(AliceKey, 0, Carol, 5);
        var second = Transfer(BobKey, 0, Carol, 7);
        var built = Build(store, first, second, ChainHarness.Call(AliceKey, 1, Logger));
        store.CommitBlock(built);
        var block = built.Block;

        Assert.Equal(block.Hash, store.Head.Hash);
        Assert.Equal(block.Hash, store.FindHeader(1)!.Hash);
        Assert.Equal(block.Hash, store.FindBlock(block.Hash)!.Hash);
        Assert.Equal(3, store.FindBlock(1)!.Transactions.Length);
        Assert.Equal([Alice, Bob, Alice], store.FindSenders(block.Hash));
        Assert.Equal(new TransactionLocation(block.Hash, 1, 1), store.FindTransaction(second.Hash));
        Assert.Null(store.FindTransaction(Keccak256.Compute([1, 2, 3])));
        Assert.Null(store.FindHeader(2));
        Assert.Null(store.FindBlock(2));

        var receipts = store.FindReceipts(block.Hash)!;
        Assert.Equal(built.Execution.Receipts.Length, receipts.Count);
        Assert.Equal(BlockRootsOf(built.Execution.Receipts), BlockRootsOf(receipts));
        Assert.Single(receipts[2].Logs);

        Assert.Equal(new UInt256(12), Balance(store.GetState(1)!, Carol));
    }

    [Fact]
    public void Blocks_read_back_from_the_database_equal_what_was_stored()
    {
        // No recent-block cache: every read decodes what the database holds.
        var store = Open(_database, options: new ChainStoreOptions { RecentBlocks = 0 });
        var transfer = Transfer(AliceKey, 0, Carol, 5);
        var built = Build(store, transfer, ChainHarness.Call(AliceKey, 1, Logger), ChainHarness.Call(BobKey, 0, Burner, gas: 50_000));
        store.CommitBlock(built);

        var read = store.FindBlock(built.Block.Hash)!;
        Assert.NotSame(built.Block, read);
        Assert.Equal(BlockCodec.Encode(built.Block), BlockCodec.Encode(read));
        Assert.Equal(Alice, read.Transactions[0].Sender);
        Assert.Equal(Bob, read.Transactions[2].Sender);

        var receipts = store.FindReceipts(built.Block.Hash)!;
        for (var i = 0; i < receipts.Count; i++)
        {
            Assert.Equal(ReceiptCodec.Encode(built.Execution.Receipts[i]), ReceiptCodec.Encode(receipts[i]));
        }

        Assert.False(receipts[2].Success);
        Assert.Equal(built.Block.Header.LogsBloom, BloomOf(receipts));
    }

    [Fact]
    public void Reopened_store_resumes_at_the_stored_head_with_the_same_state_root()
    {
        var store = Open(_database);
        Produce(store, Transfer(AliceKey, 0, Carol, 1));
        var head = Produce(store, Count(AliceKey, 1), Transfer(BobKey, 0, Carol, 2));

        var reopened = Open(_database);

        Assert.Equal(head.Hash, reopened.Head.Hash);
        Assert.Equal(head.Header.StateRoot, reopened.StateStore.StateRoot);
        Assert.Equal(store.Genesis.Hash, reopened.Genesis.Hash);
        Assert.Equal(UInt256.One, reopened.GetState(2)!.GetStorage(Counter, UInt256.Zero));

        // It goes on producing where it left off.
        var next = Produce(reopened, Count(AliceKey, 2));
        Assert.Equal(3UL, next.Number);
        Assert.Equal(new UInt256(2), reopened.GetState(3)!.GetStorage(Counter, UInt256.Zero));
    }

    [Fact]
    public void Opening_with_another_genesis_is_refused_naming_both()
    {
        var store = Open(_database);
        var other = TestGenesis(aliceBalance: Ether);

        var error = Assert.Throws<ChainStoreException>(() => Open(_database, other));

        Assert.Contains(store.Genesis.Hash.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(ChainStore.BuildGenesis(other, Forks).Hash.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_the_same_genesis_again_is_accepted()
    {
        Open(_database);

        Assert.Equal(0UL, Open(_database).Head.Number);
    }

    [Fact]
    public void Opening_a_database_whose_head_and_state_disagree_is_refused()
    {
        var store = Open(_database);
        Produce(store, Transfer(AliceKey, 0, Carol));

        // The head pointer goes back to genesis while the state stays at block 1: a damaged database.
        _database.GetColumn(ChainColumns.Meta).Put("head"u8, store.Genesis.Hash.Bytes);

        var error = Assert.Throws<ChainStoreException>(() => Open(_database));
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_a_database_with_state_but_no_chain_is_refused()
    {
        new StateStore(_database).Commit([], 0);

        var error = Assert.Throws<ChainStoreException>(() => Open(_database));
        Assert.Contains("no chain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_a_database_without_the_chain_columns_is_refused()
    {
        using var stateOnly = new MemoryDatabase([.. StateColumns.All]);

        var error = Assert.Throws<ChainStoreException>(() => Open(stateOnly));
        Assert.Contains(nameof(ChainColumns.AllWithState), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Block_and_state_are_written_in_one_batch_with_the_chosen_durability()
    {
        using var database = new FaultyDatabase(NewMemoryDatabase());
        var store = Open(database, options: new ChainStoreOptions { Durability = WriteDurability.Synced });
        Assert.Equal([WriteDurability.Synced], database.Commits);

        Produce(store, Transfer(AliceKey, 0, Carol), Count(BobKey, 0));

        Assert.Equal([WriteDurability.Synced, WriteDurability.Synced], database.Commits);
    }

    [Fact]
    public void Durability_defaults_to_the_write_ahead_log_without_fsync()
    {
        using var database = new FaultyDatabase(NewMemoryDatabase());
        var store = Open(database);
        Produce(store, Transfer(AliceKey, 0, Carol));

        Assert.Equal(WriteDurability.Buffered, store.Options.Durability);
        Assert.All(database.Commits, d => Assert.Equal(WriteDurability.Buffered, d));
    }

    [Fact]
    public void Failed_batch_leaves_the_previous_head_and_state_intact()
    {
        using var database = new FaultyDatabase(NewMemoryDatabase());
        var store = Open(database);
        var parent = Produce(store, Transfer(AliceKey, 0, Carol, 1));
        var transfer = Transfer(AliceKey, 1, Carol, 1_000);
        var built = Build(store, transfer, Count(BobKey, 0));

        database.FailNextCommit = true;
        Assert.Throws<StorageException>(() => store.CommitBlock(built));

        Assert.Equal(parent.Hash, store.Head.Hash);
        Assert.Equal(parent.Header.StateRoot, store.StateStore.StateRoot);
        Assert.Equal(parent.Header.StateRoot, store.State.StateRoot);
        Assert.Equal(1UL, store.StateStore.BlockNumber);
        Assert.Null(store.FindTransaction(transfer.Hash));
        Assert.Null(store.FindHeader(2));
        Assert.Null(store.FindBlock(built.Block.Hash));
        Assert.Equal(UInt256.One, Balance(store.GetState(1)!, Carol));
        Assert.Equal(UInt256.Zero, store.GetState(1)!.GetStorage(Counter, UInt256.Zero));
        Assert.Null(database.GetColumn(ChainColumns.Headers).Get(built.Block.Hash.Bytes));

        // The same block builds again to the same root and stores; a reopened store agrees.
        var again = Build(store, transfer, Count(BobKey, 0));
        Assert.Equal(built.Block.Hash, again.Block.Hash);
        store.CommitBlock(again);
        Assert.Equal(again.Block.Hash, Open(database).Head.Hash);
    }

    [Fact]
    public void Commit_without_staged_state_is_refused()
    {
        var store = Open(_database);
        var built = Build(store, Transfer(AliceKey, 0, Carol));
        store.CommitBlock(built);

        var error = Assert.Throws<InvalidOperationException>(() => store.CommitBlock(built));
        Assert.Contains("not staged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Commit_of_a_block_that_does_not_match_the_staged_state_is_refused_and_drops_the_state()
    {
        var store = Open(_database);
        var genesis = store.Head;
        var built = Build(store, Transfer(AliceKey, 0, Carol));
        var forged = new Block { Header = Modified(built.Block.Header, Keccak256.Compute([9])), Withdrawals = built.Block.Withdrawals };

        Assert.Throws<ArgumentException>(() => store.CommitBlock(forged, [], []));

        Assert.Equal(genesis.Hash, store.Head.Hash);
        Assert.Equal(genesis.StateRoot, store.State.StateRoot);
        Assert.Equal(UInt256.Zero, Balance(store.GetHeadState(), Carol));
        Produce(store, Transfer(AliceKey, 0, Carol));
    }

    [Fact]
    public void Reverting_the_state_before_the_block_is_stored_drops_the_staged_state()
    {
        var store = Open(_database);
        Build(store, Transfer(AliceKey, 0, Carol));

        store.State.RevertLastBlock();

        Assert.Equal(store.Genesis.Header.StateRoot, store.State.StateRoot);
        Assert.Equal(0UL, store.State.BlockNumber);
        Assert.Equal(1UL, Produce(store, Transfer(AliceKey, 0, Carol)).Number);
    }

    [Fact]
    public void State_of_every_stored_block_is_readable()
    {
        var store = Open(_database);
        for (ulong i = 0; i < 4; i++)
        {
            Produce(store, Transfer(AliceKey, i, Carol, 10), Count(BobKey, i));
        }

        for (ulong block = 0; block <= 4; block++)
        {
            var state = store.GetState(block)!;
            Assert.Equal(new UInt256(block * 10), Balance(state, Carol));
            Assert.Equal(new UInt256(block), state.GetStorage(Counter, UInt256.Zero));
            Assert.True(state.TryGetAccount(Counter, out var counter));
            Assert.NotNull(state.GetCode(counter.CodeHash));
        }

        Assert.Null(store.GetState(5));
    }

    [Fact]
    public void Head_state_reader_keeps_answering_for_its_block_after_a_new_block_is_stored()
    {
        var store = Open(_database);
        Produce(store, Count(AliceKey, 0));
        var reader = store.GetState(1)!;
        var beforeReads = reader.GetStorage(Counter, UInt256.Zero);

        Produce(store, Count(AliceKey, 1), Transfer(BobKey, 0, Carol, 3));

        Assert.Equal(UInt256.One, beforeReads);
        Assert.Equal(UInt256.One, reader.GetStorage(Counter, UInt256.Zero));
        Assert.Equal(UInt256.Zero, Balance(reader, Carol));
        Assert.Equal(new UInt256(2), store.GetHeadState().GetStorage(Counter, UInt256.Zero));
    }

    [Fact]
    public void Proofs_verify_against_the_state_root_of_the_head_and_of_older_blocks()
    {
        var store = Open(_database);
        Produce(store, Count(AliceKey, 0));
        Produce(store, Count(AliceKey, 1), Transfer(BobKey, 0, Carol, 3));

        foreach (var number in new ulong[] { 1, 2 })
        {
            var header = store.FindHeader(number)!;
            var proof = store.GetProof(number, Counter, [UInt256.Zero, UInt256.One])!;

            Assert.True(TrieProof.TryVerify(header.StateRoot, Keccak256.Compute(Counter.Bytes).Bytes, proof.AccountProof, out var encoded));
            var account = Account.Decode(encoded);
            Assert.True(TrieProof.TryVerify(account.StorageRoot, Keccak256.Compute(UInt256.Zero.ToBigEndian()).Bytes, proof.StorageProofs[0], out var slot));
            Assert.Equal(new UInt256(number), new Core.Encoding.RlpReader(slot).ReadUInt256());
            Assert.True(TrieProof.TryVerify(account.StorageRoot, Keccak256.Compute(UInt256.One.ToBigEndian()).Bytes, proof.StorageProofs[1], out var absent));
            Assert.Null(absent);
        }

        Assert.Null(store.GetProof(3, Counter, []));
    }

    [Fact]
    public void Blockhash_sees_the_canonical_ancestors_of_the_block_being_built()
    {
        var store = Open(_database);
        var first = Produce(store, Transfer(AliceKey, 0, Carol));
        Produce(store, ChainHarness.Call(AliceKey, 1, BlockHashReader, Word(1)), ChainHarness.Call(AliceKey, 2, BlockHashReader, Word(0)));

        var state = store.GetHeadState();
        Assert.Equal(new UInt256(first.Hash.Bytes), state.GetStorage(BlockHashReader, UInt256.One));
        Assert.Equal(new UInt256(store.Genesis.Hash.Bytes), state.GetStorage(BlockHashReader, UInt256.Zero));
        Assert.Equal(Hash256.Zero, store.GetBlockHash(3));
    }

    private static Hash256 BlockRootsOf(IReadOnlyList<Receipt> receipts) => Nectar.Chain.Execution.BlockRoots.Receipts([.. receipts]);

    private static Bloom BloomOf(IReadOnlyList<Receipt> receipts)
    {
        var bloom = default(Bloom);
        foreach (var receipt in receipts)
        {
            bloom.Accumulate(receipt.Bloom);
        }

        return bloom;
    }

    private static BlockHeader Modified(BlockHeader header, Hash256 stateRoot) => new()
    {
        ParentHash = header.ParentHash,
        Beneficiary = header.Beneficiary,
        StateRoot = stateRoot,
        TransactionsRoot = header.TransactionsRoot,
        ReceiptsRoot = header.ReceiptsRoot,
        Number = header.Number,
        GasLimit = header.GasLimit,
        Timestamp = header.Timestamp,
        BaseFeePerGas = header.BaseFeePerGas,
        WithdrawalsRoot = header.WithdrawalsRoot,
        BlobGasUsed = header.BlobGasUsed,
        ExcessBlobGas = header.ExcessBlobGas,
        ParentBeaconBlockRoot = header.ParentBeaconBlockRoot,
        RequestsHash = header.RequestsHash,
    };
}
