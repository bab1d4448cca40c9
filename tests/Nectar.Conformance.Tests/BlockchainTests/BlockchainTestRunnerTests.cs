using Nectar.Chain.Genesis;
using Nectar.Conformance.Blockchain;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Conformance.Tests.BlockchainTests;

/// <summary>The runner fails a test for each kind of disagreement, so a passing run means the chain really matched.</summary>
public sealed class BlockchainTestRunnerTests
{
    private static BlockchainTest Example => BlockchainTestFixtures.Tests["shanghaiExample_Cancun"];

    [Fact]
    public void Example_passes_unchanged()
    {
        Assert.True(Run(Example).Pass);
    }

    [Fact]
    public void Fails_when_the_last_block_hash_differs()
    {
        var result = Run(Example with { LastBlockHash = Hash256.Parse("0x" + new string('1', 64)) });

        Assert.False(result.Pass);
        Assert.Contains("not the expected last block", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_when_a_post_state_balance_differs()
    {
        var post = new Dictionary<Address, GenesisAccount>(Example.PostState!);
        var (address, account) = post.First(entry => !entry.Value.Balance.IsZero);
        post[address] = new GenesisAccount { Balance = account.Balance + UInt256.One, Nonce = account.Nonce, Code = account.Code, Storage = account.Storage };

        var result = Run(Example with { PostState = post });

        Assert.False(result.Pass);
        Assert.Contains("balance", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_when_the_state_holds_an_account_the_post_state_lacks()
    {
        var post = new Dictionary<Address, GenesisAccount>(Example.PostState!);
        post.Remove(post.Keys.First());

        var result = Run(Example with { PostState = post });

        Assert.False(result.Pass);
        Assert.Contains("accounts or slots the post-state lacks", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_when_a_block_has_a_wrong_state_root()
    {
        var block = BlockCodec.Decode(Example.Blocks[0].Rlp);
        var tampered = new Block
        {
            Header = CopyWithStateRoot(block.Header, Hash256.Parse("0x" + new string('2', 64))),
            Transactions = block.Transactions,
            Withdrawals = block.Withdrawals,
        };

        var result = Run(Example with { Blocks = [new BlockchainTestBlock { Rlp = BlockCodec.Encode(tampered) }] });

        Assert.False(result.Pass);
        Assert.Contains("StateRootMismatch", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_when_a_block_expected_to_be_invalid_is_accepted()
    {
        var blocks = Example.Blocks.Select(b => b with { ExpectException = "SomeException" }).ToList();

        var result = Run(Example with { Blocks = blocks });

        Assert.False(result.Pass);
        Assert.Contains("was accepted", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_when_the_genesis_rlp_does_not_hash_to_the_genesis_hash()
    {
        var result = Run(Example with { GenesisHash = Hash256.Parse("0x" + new string('3', 64)) });

        Assert.False(result.Pass);
        Assert.Contains("genesisRLP", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_when_the_pre_state_does_not_have_the_genesis_state_root()
    {
        var pre = new Dictionary<Address, GenesisAccount>(Example.Genesis.Alloc) { [Address.Parse("0x00000000000000000000000000000000000000aa")] = new() { Balance = 1 } };

        var result = Run(Example with { Genesis = Example.Genesis.WithAlloc(pre) });

        Assert.False(result.Pass);
        Assert.Contains("genesis state from pre", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_an_unsupported_network()
    {
        var result = Run(Example with { Network = "ShanghaiToCancunAtTime15k" });

        Assert.False(result.Pass);
        Assert.Contains("not supported", result.Error, StringComparison.Ordinal);
    }

    private static BlockchainTestResult Run(BlockchainTest test) => BlockchainTestFixtures.Runner.Run(test);

    private static BlockHeader CopyWithStateRoot(BlockHeader header, Hash256 stateRoot) => new()
    {
        ParentHash = header.ParentHash,
        OmmersHash = header.OmmersHash,
        Beneficiary = header.Beneficiary,
        StateRoot = stateRoot,
        TransactionsRoot = header.TransactionsRoot,
        ReceiptsRoot = header.ReceiptsRoot,
        LogsBloom = header.LogsBloom,
        Difficulty = header.Difficulty,
        Number = header.Number,
        GasLimit = header.GasLimit,
        GasUsed = header.GasUsed,
        Timestamp = header.Timestamp,
        ExtraData = header.ExtraData,
        MixHash = header.MixHash,
        Nonce = header.Nonce,
        BaseFeePerGas = header.BaseFeePerGas,
        WithdrawalsRoot = header.WithdrawalsRoot,
        BlobGasUsed = header.BlobGasUsed,
        ExcessBlobGas = header.ExcessBlobGas,
        ParentBeaconBlockRoot = header.ParentBeaconBlockRoot,
        RequestsHash = header.RequestsHash,
    };
}
