using System.Text.Json.Serialization;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Logs;

namespace Nectar.JsonRpc.Subscriptions;

/// <summary>
/// A block header as <c>newHeads</c> notifications carry it, in the shape geth and anvil send: fields a fork added
/// are present exactly when the block has them. <see cref="LogsBloom"/> is the bloom of the logs the subscriber may
/// see (see <see cref="From"/>).
/// </summary>
public sealed class HeaderObject
{
    /// <summary>The block hash.</summary>
    public required Hash256 Hash { get; init; }

    /// <summary>The parent's hash.</summary>
    public required Hash256 ParentHash { get; init; }

    /// <summary>The ommers hash.</summary>
    public required Hash256 Sha3Uncles { get; init; }

    /// <summary>The fee recipient.</summary>
    public required Address Miner { get; init; }

    /// <summary>The state root.</summary>
    public required Hash256 StateRoot { get; init; }

    /// <summary>The transactions root.</summary>
    public required Hash256 TransactionsRoot { get; init; }

    /// <summary>The receipts root.</summary>
    public required Hash256 ReceiptsRoot { get; init; }

    /// <summary>The logs bloom, 256 bytes.</summary>
    public required byte[] LogsBloom { get; init; }

    /// <summary>The difficulty (zero since the Merge).</summary>
    public required UInt256 Difficulty { get; init; }

    /// <summary>The block number.</summary>
    public required ulong Number { get; init; }

    /// <summary>The gas limit.</summary>
    public required ulong GasLimit { get; init; }

    /// <summary>The gas used.</summary>
    public required ulong GasUsed { get; init; }

    /// <summary>The timestamp, in seconds.</summary>
    public required ulong Timestamp { get; init; }

    /// <summary>The extra data.</summary>
    [JsonConverter(typeof(MemoryDataConverter))]
    public required ReadOnlyMemory<byte> ExtraData { get; init; }

    /// <summary>The mix hash (the randomness since the Merge).</summary>
    public required Hash256 MixHash { get; init; }

    /// <summary>The nonce as 8 bytes of data.</summary>
    public required byte[] Nonce { get; init; }

    /// <summary>The base fee (from London).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public UInt256? BaseFeePerGas { get; init; }

    /// <summary>The withdrawals root (from Shanghai).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Hash256? WithdrawalsRoot { get; init; }

    /// <summary>The blob gas used (from Cancun).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ulong? BlobGasUsed { get; init; }

    /// <summary>The excess blob gas (from Cancun).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ulong? ExcessBlobGas { get; init; }

    /// <summary>The parent beacon block root (from Cancun).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Hash256? ParentBeaconBlockRoot { get; init; }

    /// <summary>The requests hash (from Prague).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Hash256? RequestsHash { get; init; }

    /// <summary>
    /// The header as shown to one caller. The logs bloom is replaced by <paramref name="visibleBloom"/>, the bloom of
    /// the logs the caller may see, because the real bloom would let anyone test whether a given contract or indexed
    /// value (an account, an identifier) appeared in the block.
    /// </summary>
    /// <param name="header">The header.</param>
    /// <param name="visibleBloom">The bloom to show.</param>
    /// <returns>The object.</returns>
    public static HeaderObject From(BlockHeader header, in Bloom visibleBloom)
    {
        ArgumentNullException.ThrowIfNull(header);
        var nonce = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(nonce, header.Nonce);
        return new HeaderObject
        {
            Hash = header.Hash,
            ParentHash = header.ParentHash,
            Sha3Uncles = header.OmmersHash,
            Miner = header.Beneficiary,
            StateRoot = header.StateRoot,
            TransactionsRoot = header.TransactionsRoot,
            ReceiptsRoot = header.ReceiptsRoot,
            LogsBloom = visibleBloom.Bytes.ToArray(),
            Difficulty = header.Difficulty,
            Number = header.Number,
            GasLimit = header.GasLimit,
            GasUsed = header.GasUsed,
            Timestamp = header.Timestamp,
            ExtraData = header.ExtraData,
            MixHash = header.MixHash,
            Nonce = nonce,
            BaseFeePerGas = header.BaseFeePerGas,
            WithdrawalsRoot = header.WithdrawalsRoot,
            BlobGasUsed = header.BlobGasUsed,
            ExcessBlobGas = header.ExcessBlobGas,
            ParentBeaconBlockRoot = header.ParentBeaconBlockRoot,
            RequestsHash = header.RequestsHash,
        };
    }
}
