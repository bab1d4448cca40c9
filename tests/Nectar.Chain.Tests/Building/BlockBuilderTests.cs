using Nectar.Chain.Building;
using Nectar.Chain.Execution;
using Nectar.Chain.Tree;
using Nectar.Chain.Validation;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using static Nectar.Chain.Tests.ChainHarness;

namespace Nectar.Chain.Tests.Building;

public sealed class BlockBuilderTests
{
    [Fact]
    public void Includes_valid_candidates_in_the_order_given()
    {
        var harness = new ChainHarness();
        var first = Transfer(AliceKey, 0, Carol, 1);
        var second = Transfer(BobKey, 0, Carol, 2);
        var third = Transfer(AliceKey, 1, Carol, 3);

        var built = harness.Produce(first, second, third);

        Assert.Equal<Transaction>([first, second, third], built.Block.Transactions);
        Assert.Empty(built.Skipped);
        Assert.Equal(new UInt256(6), harness.State.World.GetBalance(Carol));
        Assert.Equal([21_000UL, 42_000UL, 63_000UL], built.Execution.Receipts.Select(r => r.CumulativeGasUsed));
    }

    [Fact]
    public void Skips_and_reports_candidates_invalid_against_the_state_and_keeps_the_rest()
    {
        var harness = new ChainHarness();
        var gap = Transfer(AliceKey, 1, Carol, 1);
        var valid = Transfer(AliceKey, 0, Carol, 1);
        var replay = Transfer(AliceKey, 0, Carol, 1);
        var broke = Transfer(CarolKey, 0, Alice, 1);
        var cheap = Transfer(BobKey, 0, Carol, 1, maxFee: 1);
        var otherChain = Transfer(BobKey, 0, Carol, 1, chainId: 7);
        var tooLow = Transfer(BobKey, 0, Carol, 1, gas: 20_999);
        var afterGap = Transfer(BobKey, 0, Carol, 1);

        var built = harness.Produce(gap, valid, replay, broke, cheap, otherChain, tooLow, afterGap);

        Assert.Equal<Transaction>([valid, afterGap], built.Block.Transactions);
        Assert.Equal(
            [(0, SkipReason.NonceTooHigh), (2, SkipReason.NonceTooLow), (3, SkipReason.InsufficientFunds), (4, SkipReason.MaxFeeBelowBaseFee), (5, SkipReason.InvalidSignature), (6, SkipReason.InvalidTransaction)],
            built.Skipped.Select(s => (s.CandidateIndex, s.Reason)));
        Assert.All(built.Skipped, s => Assert.False(string.IsNullOrEmpty(s.Message)));
        Assert.Same(gap, built.Skipped[0].Transaction);
    }

    [Fact]
    public void Skips_candidates_that_do_not_fit_the_gas_left_and_fills_with_later_ones_that_do()
    {
        var harness = new ChainHarness();
        // The burner's INVALID opcode consumes all the gas it is given, leaving 50,000 for the rest of the block.
        var big = Call(AliceKey, 0, Burner, gas: 29_950_000);
        var doesNotFit = Call(BobKey, 0, Counter, gas: 100_000);
        var fits = Transfer(BobKey, 0, Carol, 1);

        var built = harness.Produce(big, doesNotFit, fits);

        Assert.Equal<Transaction>([big, fits], built.Block.Transactions);
        var skipped = Assert.Single(built.Skipped);
        Assert.Equal(SkipReason.InsufficientBlockGas, skipped.Reason);
        Assert.Same(doesNotFit, skipped.Transaction);
    }

    [Fact]
    public void A_skipped_candidate_changes_nothing()
    {
        var harness = new ChainHarness();
        var balance = harness.State.World.GetBalance(Alice);

        var built = harness.Produce(Transfer(AliceKey, 3, Carol, 1));

        Assert.Empty(built.Block.Transactions);
        Assert.Equal(balance, harness.State.World.GetBalance(Alice));
        Assert.Equal(0UL, harness.State.World.GetNonce(Alice));
    }

    [Fact]
    public void Seals_a_header_a_follower_accepts_with_the_same_roots()
    {
        var harness = new ChainHarness();
        var built = harness.Produce(Transfer(AliceKey, 0, Carol, Ether), Call(BobKey, 0, Logger), Call(AliceKey, 1, Store, Word(7)));
        var follower = harness.CreateFollower();

        var imported = follower.Import(built.Block);

        Assert.Equal(BlockImportStatus.NewHead, imported.Status);
        Assert.Equal(built.Block.Header.StateRoot, follower.State.StateRoot);
        Assert.Equal(built.Execution.ReceiptsRoot, imported.Execution!.ReceiptsRoot);
        Assert.False(built.Block.Header.LogsBloom.IsEmpty);
        Assert.Equal(built.Block.Header.LogsBloom, imported.Execution.LogsBloom);
    }

    [Fact]
    public void Seals_the_environment_of_the_request()
    {
        var harness = new ChainHarness();
        var parent = harness.Chain.Head.Header;
        var randao = Hash256.Parse("0x00000000000000000000000000000000000000000000000000000000000000ab");
        var beaconRoot = Hash256.Parse("0x00000000000000000000000000000000000000000000000000000000000000bc");

        var built = harness.Chain.Produce(
            parent.Timestamp + 5,
            Coinbase,
            [],
            request => request with { GasLimit = parent.GasLimit + 1_000, ExtraData = "nectar"u8.ToArray(), PrevRandao = randao, ParentBeaconBlockRoot = beaconRoot });

        var header = built.Block.Header;
        Assert.Equal(parent.Number + 1, header.Number);
        Assert.Equal(parent.Hash, header.ParentHash);
        Assert.Equal(parent.Timestamp + 5, header.Timestamp);
        Assert.Equal(parent.GasLimit + 1_000, header.GasLimit);
        Assert.Equal("nectar"u8.ToArray(), header.ExtraData.ToArray());
        Assert.Equal(randao, header.MixHash);
        Assert.Equal(beaconRoot, header.ParentBeaconBlockRoot);
        Assert.Equal(BaseFee.Next(parent, harness.Spec), header.BaseFeePerGas);
        Assert.Equal(ExecutionRequests.EmptyHash, header.RequestsHash);
        Assert.Equal(0UL, header.BlobGasUsed);
        Assert.Equal(Hash256.EmptyTrieRoot, header.TransactionsRoot);
        Assert.True(BlockValidator.ValidateHeader(header, parent, harness.Spec).IsValid);
    }

    [Fact]
    public void Runs_the_beacon_root_system_call()
    {
        var harness = new ChainHarness(Fork.Cancun);
        var root = Hash256.Parse("0x00000000000000000000000000000000000000000000000000000000000000bc");
        var timestamp = harness.NextTimestamp;

        harness.Chain.Produce(timestamp, Coinbase, [], request => request with { ParentBeaconBlockRoot = root });

        // EIP-4788's ring buffer: the timestamp at timestamp % 8191, the root 8191 slots later.
        var world = harness.State.World;
        Assert.Equal(new UInt256(timestamp), world.GetStorage(ProtocolContracts.BeaconRoots, timestamp % 8191));
        Assert.Equal(new UInt256(root.Bytes), world.GetStorage(ProtocolContracts.BeaconRoots, (timestamp % 8191) + 8191));
    }

    [Fact]
    public void Rejects_a_request_whose_timestamp_does_not_follow_the_parent()
    {
        var harness = new ChainHarness();
        var builder = new BlockBuilder(harness.Processor);
        var parent = harness.Chain.Head.Header;

        Assert.Throws<ArgumentException>(() => builder.Build(
            new BlockBuildRequest { Parent = parent, Spec = harness.Spec, Timestamp = parent.Timestamp, Coinbase = Coinbase }, [], harness.State));
        Assert.Equal(0UL, harness.State.BlockNumber);
    }

    [Fact]
    public void Rejects_a_gas_limit_that_cannot_follow_the_parent()
    {
        var harness = new ChainHarness();
        var builder = new BlockBuilder(harness.Processor);
        var parent = harness.Chain.Head.Header;

        Assert.Throws<ArgumentException>(() => builder.Build(
            new BlockBuildRequest { Parent = parent, Spec = harness.Spec, Timestamp = parent.Timestamp + 1, Coinbase = Coinbase, GasLimit = parent.GasLimit * 2 }, [], harness.State));
    }

    [Fact]
    public void Refuses_to_build_on_a_state_that_is_not_at_the_parent()
    {
        var harness = new ChainHarness();
        var genesis = harness.Chain.Head.Header;
        harness.Produce(Transfer(AliceKey, 0, Carol, 1));
        var builder = new BlockBuilder(harness.Processor);

        Assert.Throws<InvalidOperationException>(() => builder.Build(
            new BlockBuildRequest { Parent = genesis, Spec = harness.Spec, Timestamp = genesis.Timestamp + 1, Coinbase = Coinbase }, [], harness.State));
    }

    [Fact]
    public void Accepts_candidates_as_a_lazy_sequence()
    {
        var harness = new ChainHarness();

        var built = harness.Chain.Produce(harness.NextTimestamp, Coinbase, Candidates());

        Assert.Equal(3, built.Block.Transactions.Length);

        static IEnumerable<Transaction> Candidates()
        {
            for (ulong nonce = 0; nonce < 3; nonce++)
            {
                yield return Transfer(AliceKey, nonce, Carol, 1);
            }
        }
    }
}
