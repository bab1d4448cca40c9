using Nectar.Chain.Execution;
using Nectar.Chain.Tree;
using Nectar.Chain.Validation;
using Nectar.Core.Numerics;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using static Nectar.Chain.Tests.ChainHarness;

namespace Nectar.Chain.Tests.Tree;

/// <summary>A chain that starts in Cancun and moves to Prague by timestamp, as a fork schedule says.</summary>
public sealed class ForkTransitionTests
{
    private static readonly ForkSchedule CancunThenPrague = new(ForkSpec.For(Fork.Cancun), (GenesisTimestamp + 24, ForkSpec.For(Fork.Prague)));

    [Fact]
    public void Blocks_follow_the_fork_of_their_timestamp()
    {
        var harness = new ChainHarness(forks: CancunThenPrague);
        var authorization = Signer.SignAuthorization(new UInt256(ChainId), Counter, 0, BobKey);

        var cancun = harness.Chain.Produce(GenesisTimestamp + 12, Coinbase, [Call(AliceKey, 0, Bob, authorizations: [authorization])]);
        var prague = harness.Chain.Produce(GenesisTimestamp + 24, Coinbase, [Call(AliceKey, 0, Bob, authorizations: [authorization])]);

        Assert.Null(cancun.Block.Header.RequestsHash);
        Assert.Single(cancun.Skipped);
        Assert.Equal(ExecutionRequests.EmptyHash, prague.Block.Header.RequestsHash);
        Assert.Equal(TransactionType.SetCode, Assert.Single(prague.Block.Transactions).Type);

        // The first Prague block's system call recorded its parent, the last Cancun block; nothing older.
        var world = harness.State.World;
        Assert.Equal(new UInt256(cancun.Block.Hash.Bytes), world.GetStorage(ProtocolContracts.HistoryStorage, 1));
        Assert.Equal(UInt256.Zero, world.GetStorage(ProtocolContracts.HistoryStorage, 0));

        var follower = harness.CreateFollower();
        Assert.Equal(BlockImportStatus.NewHead, follower.Import(cancun.Block).Status);
        Assert.Equal(BlockImportStatus.NewHead, follower.Import(prague.Block).Status);
        Assert.Equal(harness.State.StateRoot, follower.State.StateRoot);
    }

    [Fact]
    public void A_block_with_the_wrong_fork_fields_for_its_timestamp_is_rejected()
    {
        var cancunOnly = new ChainHarness(Fork.Cancun);
        var block = cancunOnly.Chain.Produce(GenesisTimestamp + 24, Coinbase, [Transfer(AliceKey, 0, Carol, 1)]).Block;
        var follower = new ChainHarness(forks: CancunThenPrague).Chain;

        var result = follower.Import(block);

        Assert.Equal(BlockError.InvalidHeaderFields, result.Error);
        Assert.Contains("requests hash", result.Message, StringComparison.Ordinal);
        Assert.Equal(0UL, follower.Head.Number);
        Assert.Equal(follower.Tree.Genesis.Header.StateRoot, follower.State.StateRoot);
    }
}
