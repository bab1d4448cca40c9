using System.Text.Json.Serialization;
using Nectar.Core.Numerics;

namespace Nectar.JsonRpc.Eth;

/// <summary>What <c>eth_feeHistory</c> answers, with go-ethereum's member order.</summary>
public sealed class FeeHistory
{
    /// <summary>The first block of the range.</summary>
    public ulong OldestBlock { get; init; }

    /// <summary>Per block, the effective tip at each requested percentile of gas; absent when no percentiles were asked for.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IReadOnlyList<UInt256>>? Reward { get; init; }

    /// <summary>The base fee of each block and of the block after the range (one more entry than blocks).</summary>
    public required IReadOnlyList<UInt256> BaseFeePerGas { get; init; }

    /// <summary>Gas used over gas limit, per block.</summary>
    public required IReadOnlyList<double> GasUsedRatio { get; init; }

    /// <summary>The blob base fee of each block and of the block after the range.</summary>
    public required IReadOnlyList<UInt256> BaseFeePerBlobGas { get; init; }

    /// <summary>Blob gas used over the maximum, per block (always zero: Nectar carries no blobs).</summary>
    public required IReadOnlyList<double> BlobGasUsedRatio { get; init; }
}
