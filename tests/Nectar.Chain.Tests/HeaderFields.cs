using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Chain.Tests;

/// <summary>A header's fields as a record, so tests can change one field with <c>with</c> and rebuild the header (or the block).</summary>
internal sealed record HeaderFields
{
    public Hash256 ParentHash { get; init; }

    public Hash256 OmmersHash { get; init; }

    public Address Beneficiary { get; init; }

    public Hash256 StateRoot { get; init; }

    public Hash256 TransactionsRoot { get; init; }

    public Hash256 ReceiptsRoot { get; init; }

    public Bloom LogsBloom { get; init; }

    public UInt256 Difficulty { get; init; }

    public ulong Number { get; init; }

    public ulong GasLimit { get; init; }

    public ulong GasUsed { get; init; }

    public ulong Timestamp { get; init; }

    public ReadOnlyMemory<byte> ExtraData { get; init; }

    public Hash256 MixHash { get; init; }

    public ulong Nonce { get; init; }

    public UInt256? BaseFeePerGas { get; init; }

    public Hash256? WithdrawalsRoot { get; init; }

    public ulong? BlobGasUsed { get; init; }

    public ulong? ExcessBlobGas { get; init; }

    public Hash256? ParentBeaconBlockRoot { get; init; }

    public Hash256? RequestsHash { get; init; }

    public static HeaderFields From(BlockHeader header) => new()
    {
        ParentHash = header.ParentHash,
        OmmersHash = header.OmmersHash,
        Beneficiary = header.Beneficiary,
        StateRoot = header.StateRoot,
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

    /// <summary>The block with one or more header fields changed and the same body.</summary>
    public static Block Tamper(Block block, Func<HeaderFields, HeaderFields> change) => new()
    {
        Header = change(From(block.Header)).ToHeader(),
        Transactions = block.Transactions,
        Ommers = block.Ommers,
        Withdrawals = block.Withdrawals,
    };

    public BlockHeader ToHeader() => new()
    {
        ParentHash = ParentHash,
        OmmersHash = OmmersHash,
        Beneficiary = Beneficiary,
        StateRoot = StateRoot,
        TransactionsRoot = TransactionsRoot,
        ReceiptsRoot = ReceiptsRoot,
        LogsBloom = LogsBloom,
        Difficulty = Difficulty,
        Number = Number,
        GasLimit = GasLimit,
        GasUsed = GasUsed,
        Timestamp = Timestamp,
        ExtraData = ExtraData,
        MixHash = MixHash,
        Nonce = Nonce,
        BaseFeePerGas = BaseFeePerGas,
        WithdrawalsRoot = WithdrawalsRoot,
        BlobGasUsed = BlobGasUsed,
        ExcessBlobGas = ExcessBlobGas,
        ParentBeaconBlockRoot = ParentBeaconBlockRoot,
        RequestsHash = RequestsHash,
    };
}
