using System.Collections.Immutable;
using Nectar.Chain.Execution;
using Nectar.Chain.Tree;
using Nectar.Chain.Validation;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using static Nectar.Chain.Tests.ChainHarness;

namespace Nectar.Chain.Tests.Validation;

/// <summary>
/// A valid Prague block (a transfer, a log, a storage write and a withdrawal) produced on one chain, then imported
/// by a follower on the same genesis, as is and with one thing wrong at a time.
/// </summary>
public sealed class BlockValidatorTests
{
    private static readonly Hash256 Junk = Hash256.Parse("0x1111111111111111111111111111111111111111111111111111111111111111");

    private readonly ChainHarness _producer = new();
    private readonly Block _good;
    private readonly Blockchain _follower;
    private readonly BlockValidator _validator;

    public BlockValidatorTests()
    {
        _good = _producer.Chain.Produce(
            _producer.NextTimestamp,
            Coinbase,
            [Transfer(AliceKey, 0, Carol, Ether), Call(AliceKey, 1, Logger), Call(BobKey, 0, Store, Word(42))],
            request => request with { Withdrawals = [new Withdrawal(0, 7, Carol, 5)] }).Block;
        _follower = _producer.CreateFollower();
        _validator = new BlockValidator(_producer.Processor);
    }

    [Fact]
    public void Accepts_the_produced_block_and_reaches_its_state()
    {
        var result = Validate(_good);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(_good.Header.StateRoot, _follower.State.StateRoot);
        Assert.Equal(Ether + new UInt256(5_000_000_000), _follower.State.World.GetBalance(Carol));
        Assert.Equal(new UInt256(42), _follower.State.World.GetStorage(Store, 0));
        Assert.Equal(3, result.Execution!.Receipts.Length);
    }

    [Theory]
    [InlineData("number", BlockError.InvalidNumber)]
    [InlineData("parent hash", BlockError.ParentHashMismatch)]
    [InlineData("timestamp", BlockError.TimestampNotAfterParent)]
    [InlineData("gas limit below 5000", BlockError.GasLimitTooLow)]
    [InlineData("gas limit above 2^63-1", BlockError.GasLimitTooHigh)]
    [InlineData("gas limit up by parent/1024", BlockError.GasLimitChangeTooLarge)]
    [InlineData("gas limit down by parent/1024", BlockError.GasLimitChangeTooLarge)]
    [InlineData("gas used above limit", BlockError.GasUsedAboveGasLimit)]
    [InlineData("extra data 33 bytes", BlockError.ExtraDataTooLong)]
    [InlineData("base fee", BlockError.InvalidBaseFee)]
    [InlineData("excess blob gas", BlockError.InvalidExcessBlobGas)]
    [InlineData("blob gas not whole blobs", BlockError.InvalidBlobGasUsed)]
    [InlineData("blob gas above maximum", BlockError.InvalidBlobGasUsed)]
    [InlineData("difficulty", BlockError.NonZeroDifficulty)]
    [InlineData("nonce", BlockError.NonZeroNonce)]
    [InlineData("ommers hash", BlockError.InvalidOmmers)]
    [InlineData("no requests hash", BlockError.InvalidHeaderFields)]
    [InlineData("no parent beacon root", BlockError.InvalidHeaderFields)]
    [InlineData("no base fee", BlockError.InvalidHeaderFields)]
    [InlineData("requests hash without parent beacon root", BlockError.InvalidHeaderFields)]
    public void Rejects_a_header_that_breaks_a_rule_before_executing_it(string rule, BlockError expected)
    {
        var parent = _follower.Head.Header;
        var bad = HeaderFields.Tamper(_good, h => rule switch
        {
            "number" => h with { Number = 2 },
            "parent hash" => h with { ParentHash = Junk },
            "timestamp" => h with { Timestamp = parent.Timestamp },
            "gas limit below 5000" => h with { GasLimit = 4_999, GasUsed = 0 },
            "gas limit above 2^63-1" => h with { GasLimit = (ulong)long.MaxValue + 1 },
            "gas limit up by parent/1024" => h with { GasLimit = parent.GasLimit + (parent.GasLimit / 1024) },
            "gas limit down by parent/1024" => h with { GasLimit = parent.GasLimit - (parent.GasLimit / 1024) },
            "gas used above limit" => h with { GasUsed = h.GasLimit + 1 },
            "extra data 33 bytes" => h with { ExtraData = new byte[33] },
            "base fee" => h with { BaseFeePerGas = h.BaseFeePerGas!.Value + UInt256.One },
            "excess blob gas" => h with { ExcessBlobGas = BlobGas.GasPerBlob },
            "blob gas not whole blobs" => h with { BlobGasUsed = 1 },
            "blob gas above maximum" => h with { BlobGasUsed = BlobGas.MaxPerBlock(_producer.Spec) + BlobGas.GasPerBlob },
            "difficulty" => h with { Difficulty = UInt256.One },
            "nonce" => h with { Nonce = 1 },
            "ommers hash" => h with { OmmersHash = Junk },
            "no requests hash" => h with { RequestsHash = null },
            "no parent beacon root" => h with { ParentBeaconBlockRoot = null, RequestsHash = null },
            "requests hash without parent beacon root" => h with { ParentBeaconBlockRoot = null },
            "no base fee" => h with { BaseFeePerGas = null, WithdrawalsRoot = null, BlobGasUsed = null, ExcessBlobGas = null, ParentBeaconBlockRoot = null, RequestsHash = null },
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        });

        AssertRejectedWithStateUntouched(bad, expected);
    }

    [Theory]
    [InlineData("gas limit up by just under parent/1024")]
    [InlineData("gas limit down by just under parent/1024")]
    [InlineData("extra data 32 bytes")]
    public void Accepts_a_header_at_the_edge_of_a_rule(string rule)
    {
        var parent = _follower.Head.Header;
        var edge = HeaderFields.Tamper(_good, h => rule switch
        {
            "gas limit up by just under parent/1024" => h with { GasLimit = parent.GasLimit + (parent.GasLimit / 1024) - 1 },
            "gas limit down by just under parent/1024" => h with { GasLimit = parent.GasLimit - (parent.GasLimit / 1024) + 1 },
            "extra data 32 bytes" => h with { ExtraData = new byte[32] },
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        });

        var result = Validate(edge);

        Assert.True(result.IsValid, result.Message);
    }

    [Theory]
    [InlineData("transactions root", BlockError.TransactionsRootMismatch)]
    [InlineData("withdrawals root", BlockError.WithdrawalsRootMismatch)]
    [InlineData("gas used", BlockError.GasUsedMismatch)]
    [InlineData("blob gas used", BlockError.BlobGasUsedMismatch)]
    [InlineData("logs bloom", BlockError.LogsBloomMismatch)]
    [InlineData("receipts root", BlockError.ReceiptsRootMismatch)]
    [InlineData("requests hash", BlockError.RequestsHashMismatch)]
    [InlineData("state root", BlockError.StateRootMismatch)]
    public void Rejects_a_block_whose_header_disagrees_with_its_body_or_execution(string field, BlockError expected)
    {
        var bad = HeaderFields.Tamper(_good, h => field switch
        {
            "transactions root" => h with { TransactionsRoot = Junk },
            "withdrawals root" => h with { WithdrawalsRoot = Junk },
            "gas used" => h with { GasUsed = h.GasUsed - 1 },
            "blob gas used" => h with { BlobGasUsed = BlobGas.GasPerBlob },
            "logs bloom" => h with { LogsBloom = default },
            "receipts root" => h with { ReceiptsRoot = Junk },
            "requests hash" => h with { RequestsHash = Junk },
            "state root" => h with { StateRoot = Junk },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        });

        AssertRejectedWithStateUntouched(bad, expected);
    }

    [Fact]
    public void Rejects_ommers_after_the_merge()
    {
        var bad = new Block { Header = _good.Header, Transactions = _good.Transactions, Withdrawals = _good.Withdrawals, Ommers = [_follower.Head.Header] };

        AssertRejectedWithStateUntouched(bad, BlockError.InvalidOmmers);
    }

    [Fact]
    public void Rejects_a_body_without_the_withdrawals_its_fork_requires()
    {
        var bad = new Block { Header = _good.Header, Transactions = _good.Transactions, Withdrawals = null };

        AssertRejectedWithStateUntouched(bad, BlockError.InvalidWithdrawalsPresence);
    }

    [Fact]
    public void Rejects_a_transaction_with_a_wrong_nonce_and_names_it()
    {
        var bad = WithTransactions(_good, _good.Transactions[0], Transfer(AliceKey, 5, Carol, 1));

        var result = AssertRejectedWithStateUntouched(bad, BlockError.InvalidTransaction);

        Assert.Equal(1, result.TransactionIndex);
        Assert.Contains("NonceTooHigh", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_transaction_signed_for_another_chain()
    {
        var bad = WithTransactions(_good, Transfer(AliceKey, 0, Carol, 1, chainId: 2));

        var result = AssertRejectedWithStateUntouched(bad, BlockError.InvalidTransactionSignature);

        Assert.Equal(0, result.TransactionIndex);
    }

    [Fact]
    public void Rejects_a_transaction_whose_gas_limit_exceeds_what_the_block_has_left()
    {
        var bad = WithTransactions(_good, Transfer(AliceKey, 0, Carol, 1, gas: _good.Header.GasLimit + 1));

        var result = AssertRejectedWithStateUntouched(bad, BlockError.InvalidTransaction);

        Assert.Contains("BlockGasExceeded", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_only_checks_accept_the_good_header()
    {
        Assert.True(BlockValidator.ValidateHeader(_good.Header, _follower.Head.Header, _producer.Spec).IsValid);
        Assert.True(BlockValidator.ValidateBody(_good, _producer.Spec).IsValid);
    }

    private BlockValidationResult Validate(Block block) =>
        _validator.ValidateAndApply(block, _follower.Head.Header, _producer.Spec, _follower.State, new AncestorHashes(_follower.Head.Header, _follower.Tree));

    private BlockValidationResult AssertRejectedWithStateUntouched(Block bad, BlockError expected)
    {
        var rootBefore = _follower.State.StateRoot;
        var aliceBefore = _follower.State.World.GetBalance(Alice);

        var result = Validate(bad);

        Assert.False(result.IsValid);
        Assert.Equal(expected, result.Error);
        Assert.False(string.IsNullOrEmpty(result.Message));
        Assert.Equal(rootBefore, _follower.State.StateRoot);
        Assert.Equal(0UL, _follower.State.BlockNumber);
        Assert.Equal(aliceBefore, _follower.State.World.GetBalance(Alice));
        Assert.Equal(UInt256.Zero, _follower.State.World.GetStorage(Store, 0));

        // Nothing of the rejected block lingers: the good block still imports onto the same state.
        Assert.True(Validate(_good).IsValid);
        return result;
    }

    /// <summary>The block with other transactions and a matching transactions root, so only execution can find the fault.</summary>
    private static Block WithTransactions(Block block, params Transaction[] transactions)
    {
        var list = transactions.ToImmutableArray();
        return HeaderFields.Tamper(
            new Block { Header = block.Header, Transactions = list, Withdrawals = block.Withdrawals },
            h => h with { TransactionsRoot = BlockRoots.Transactions(list.AsSpan()) });
    }
}
