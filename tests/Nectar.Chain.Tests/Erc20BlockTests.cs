using Nectar.Chain.Tree;
using Nectar.Contracts;
using Nectar.Contracts.Abi;
using Nectar.Contracts.Storage;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using static Nectar.Chain.Tests.ChainHarness;

namespace Nectar.Chain.Tests;

/// <summary>
/// The benchmark's workload at a small size: the solc-compiled ERC-20 deployed in one block, then a block of transfers
/// from the holder to fresh recipients, checked through storage and receipts, and re-executed by a follower.
/// </summary>
public sealed class Erc20BlockTests
{
    private static readonly AbiFunction TransferFunction = AbiFunction.Parse("transfer(address,uint256)");
    private static readonly Hash256 TransferTopic = Core.Hashing.Keccak256.Compute("Transfer(address,address,uint256)"u8);

    [Fact]
    public void A_block_of_fresh_recipient_transfers_moves_the_tokens_and_a_follower_agrees()
    {
        const int count = 200;
        var harness = new ChainHarness();
        var supply = UInt256.Parse("1000000000000000000000");
        var deploy = Sign(0, null, ContractArtifacts.Erc20.CreateDeploymentData(AbiValue.FromString("Test"), AbiValue.FromString("TST"), AbiValue.FromUInt(supply)), 2_000_000);
        var deployed = harness.Produce(deploy);
        var token = deployed.Execution.TransactionResults[0].ContractAddress!.Value;
        var recipients = Enumerable.Range(0, count).Select(i => Address.Create(Alice, 1_000_000 + (ulong)i)).ToArray();
        var transfers = recipients.Select((to, i) => Sign((ulong)i + 1, token, TransferFunction.EncodeCall(AbiValue.FromAddress(to), AbiValue.FromUInt(10 + (ulong)i)), 100_000)).ToArray();

        var built = harness.Produce(transfers);

        Assert.Empty(built.Skipped);
        Assert.All(built.Execution.Receipts, receipt => Assert.True(receipt.Success));
        Assert.All(built.Execution.Receipts, receipt => Assert.Equal(TransferTopic, Assert.Single(receipt.Logs).Topics[0]));
        var world = harness.State.World;
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(new UInt256(10 + (ulong)i), world.GetStorage(token, StorageSlots.MappingSlot(recipients[i], UInt256.Zero)));
        }

        var sent = new UInt256((ulong)((10 * count) + (count * (count - 1) / 2)));
        Assert.Equal(supply - sent, world.GetStorage(token, StorageSlots.MappingSlot(Alice, UInt256.Zero)));

        var follower = harness.CreateFollower();
        Assert.Equal(BlockImportStatus.NewHead, follower.Import(deployed.Block).Status);
        Assert.Equal(BlockImportStatus.NewHead, follower.Import(built.Block).Status);
        Assert.Equal(harness.State.StateRoot, follower.State.StateRoot);
    }

    private static Transaction Sign(ulong nonce, Address? to, byte[] data, ulong gas) => Signer.Sign(
        new Transaction
        {
            Type = TransactionType.DynamicFee,
            ChainId = ChainId,
            Nonce = nonce,
            MaxFeePerGas = 10_000_000_000,
            MaxPriorityFeePerGas = 1_000_000_000,
            GasLimit = gas,
            To = to,
            Data = data,
        },
        AliceKey);
}
