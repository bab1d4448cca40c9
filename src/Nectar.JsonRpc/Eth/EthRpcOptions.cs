using Nectar.Core.Numerics;

namespace Nectar.JsonRpc.Eth;

/// <summary>Settings of the eth module.</summary>
public sealed record EthRpcOptions
{
    /// <summary>The default settings.</summary>
    public static EthRpcOptions Default { get; } = new();

    /// <summary>
    /// The tip <c>eth_maxPriorityFeePerGas</c> suggests and <c>eth_gasPrice</c> adds to the next base fee: 1 gwei by
    /// default, as anvil suggests. The sequencer orders first come, first served, so the tip buys no priority.
    /// </summary>
    public UInt256 SuggestedPriorityFee { get; init; } = new(1_000_000_000);

    /// <summary>The most blocks one <c>eth_feeHistory</c> call covers (go-ethereum's 1,024); longer ranges are cut.</summary>
    public int MaxFeeHistoryBlocks { get; init; } = 1024;

    /// <summary>The most reward percentiles one <c>eth_feeHistory</c> call may ask for.</summary>
    public int MaxRewardPercentiles { get; init; } = 100;

    /// <summary>The most storage keys one <c>eth_getProof</c> call may ask for.</summary>
    public int MaxProofKeys { get; init; } = 1024;
}
