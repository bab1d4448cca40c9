using System.Globalization;
using System.Text.Json;
using Nectar.Core.Blocks;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Tests;

namespace Nectar.Core.Tests.Blocks;

/// <summary>
/// Every block of the shipped BlockchainTests (ValidBlocks): the block RLP decodes, re-encodes to the same bytes, its
/// header hashes to the fixture's hash and matches the fixture's fields, its transactions match the fixture's, and
/// each block's base fee and excess blob gas follow from its parent.
/// </summary>
public sealed class BlockchainFixtureTests
{
    private static string Root => Fixtures.Shared("ethereum-tests", "BlockchainTests");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Blocks_decode_hash_and_chain_as_the_fixture_says(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, file)));
        foreach (var test in document.RootElement.EnumerateObject())
        {
            Assert.True(ForkSpec.TryGet(test.Value.GetProperty("network").GetString()!, out var spec));

            var genesis = BlockCodec.Decode(Hex.Decode(test.Value.GetProperty("genesisRLP").GetString()!));
            AssertHeader(test.Value.GetProperty("genesisBlockHeader"), genesis.Header);
            BlockHeaderCodec.EnsureFieldsOf(genesis.Header, spec);

            var parent = genesis.Header;
            var blocks = 0;
            foreach (var fixtureBlock in test.Value.GetProperty("blocks").EnumerateArray())
            {
                var rlp = Hex.Decode(fixtureBlock.GetProperty("rlp").GetString()!);
                var block = BlockCodec.Decode(rlp);
                Assert.Equal(rlp, BlockCodec.Encode(block));
                Assert.Equal(rlp.Length, BlockCodec.GetEncodedLength(block));
                AssertHeader(fixtureBlock.GetProperty("blockHeader"), block.Header);
                BlockHeaderCodec.EnsureFieldsOf(block.Header, spec);
                AssertTransactions(fixtureBlock.GetProperty("transactions"), block);
                Assert.Equal(fixtureBlock.GetProperty("uncleHeaders").GetArrayLength(), block.Ommers.Length);
                Assert.Equal(fixtureBlock.GetProperty("withdrawals").GetArrayLength(), block.Withdrawals!.Value.Length);

                // The valid-block chains are linear: each block's parent is the block before it.
                Assert.Equal(parent.Hash, block.Header.ParentHash);
                Assert.Equal(parent.Number + 1, block.Header.Number);
                Assert.Equal(BaseFee.Next(parent, spec), block.Header.BaseFeePerGas);
                Assert.Equal(BlobGas.NextExcess(parent, spec), block.Header.ExcessBlobGas);

                parent = block.Header;
                blocks++;
            }

            Assert.True(blocks > 0);
            Assert.Equal(Hash256.Parse(test.Value.GetProperty("lastblockhash").GetString()!), parent.Hash);
        }
    }

    private static void AssertHeader(JsonElement expected, BlockHeader header)
    {
        Assert.Equal(Hash256.Parse(expected.GetProperty("hash").GetString()!), header.Hash);
        Assert.Equal(Hash256.Parse(expected.GetProperty("parentHash").GetString()!), header.ParentHash);
        Assert.Equal(Hash256.Parse(expected.GetProperty("uncleHash").GetString()!), header.OmmersHash);
        Assert.Equal(Address.Parse(expected.GetProperty("coinbase").GetString()!), header.Beneficiary);
        Assert.Equal(Hash256.Parse(expected.GetProperty("stateRoot").GetString()!), header.StateRoot);
        Assert.Equal(Hash256.Parse(expected.GetProperty("transactionsTrie").GetString()!), header.TransactionsRoot);
        Assert.Equal(Hash256.Parse(expected.GetProperty("receiptTrie").GetString()!), header.ReceiptsRoot);
        Assert.Equal(Bloom.Parse(expected.GetProperty("bloom").GetString()!), header.LogsBloom);
        Assert.Equal(Quantity(expected, "difficulty"), header.Difficulty);
        Assert.Equal((ulong)Quantity(expected, "number"), header.Number);
        Assert.Equal((ulong)Quantity(expected, "gasLimit"), header.GasLimit);
        Assert.Equal((ulong)Quantity(expected, "gasUsed"), header.GasUsed);
        Assert.Equal((ulong)Quantity(expected, "timestamp"), header.Timestamp);
        Assert.Equal(Hex.Decode(expected.GetProperty("extraData").GetString()!), header.ExtraData.ToArray());
        Assert.Equal(Hash256.Parse(expected.GetProperty("mixHash").GetString()!), header.MixHash);
        Assert.Equal((ulong)Quantity(expected, "nonce"), header.Nonce);
        Assert.Equal(Quantity(expected, "baseFeePerGas"), header.BaseFeePerGas);
        Assert.Equal(Hash256.Parse(expected.GetProperty("withdrawalsRoot").GetString()!), header.WithdrawalsRoot);
        Assert.Equal((ulong)Quantity(expected, "blobGasUsed"), header.BlobGasUsed);
        Assert.Equal((ulong)Quantity(expected, "excessBlobGas"), header.ExcessBlobGas);
        Assert.Equal(Hash256.Parse(expected.GetProperty("parentBeaconBlockRoot").GetString()!), header.ParentBeaconBlockRoot);
        Assert.Null(header.RequestsHash);
        Assert.Equal(header.Hash, Keccak256.Compute(BlockHeaderCodec.Encode(header)));
    }

    private static void AssertTransactions(JsonElement expected, Block block)
    {
        Assert.Equal(expected.GetArrayLength(), block.Transactions.Length);
        var i = 0;
        foreach (var fixture in expected.EnumerateArray())
        {
            var transaction = block.Transactions[i++];
            var type = fixture.TryGetProperty("type", out var typeText) ? (TransactionType)(byte)Quantity(typeText) : TransactionType.Legacy;
            Assert.Equal(type, transaction.Type);
            Assert.Equal((ulong)Quantity(fixture, "nonce"), transaction.Nonce);
            Assert.Equal((ulong)Quantity(fixture, "gasLimit"), transaction.GasLimit);
            Assert.Equal(Quantity(fixture, "value"), transaction.Value);
            Assert.Equal(Hex.Decode(fixture.GetProperty("data").GetString()!), transaction.Data.ToArray());
            Assert.Equal(Quantity(fixture, "v"), transaction.V);
            Assert.Equal(Quantity(fixture, "r"), transaction.R);
            Assert.Equal(Quantity(fixture, "s"), transaction.S);
            var to = fixture.GetProperty("to").GetString()!;
            Assert.Equal(to.Length == 0 ? null : Address.Parse(to), transaction.To);
            if (transaction.HasFeeMarket)
            {
                Assert.Equal(Quantity(fixture, "maxFeePerGas"), transaction.MaxFeePerGas);
                Assert.Equal(Quantity(fixture, "maxPriorityFeePerGas"), transaction.MaxPriorityFeePerGas);
            }
            else
            {
                Assert.Equal(Quantity(fixture, "gasPrice"), transaction.GasPrice);
            }

            if (transaction.IsTyped)
            {
                Assert.Equal(Quantity(fixture, "chainId"), transaction.ChainId);
                Assert.Equal(fixture.GetProperty("accessList").GetArrayLength(), transaction.AccessList.Length);
            }

            Assert.True(TransactionValidator.Validate(transaction, ForkSpec.For(Fork.Cancun), 1).IsValid);
        }
    }

    private static UInt256 Quantity(JsonElement element, string name) => Quantity(element.GetProperty(name));

    private static UInt256 Quantity(JsonElement element) => UInt256.Parse(element.GetString()!, CultureInfo.InvariantCulture);
}
