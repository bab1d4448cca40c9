namespace Nectar.JsonRpc.Dev;

/// <summary>Bounds on the development methods.</summary>
public sealed class DevRpcOptions
{
    /// <summary>The defaults.</summary>
    public static DevRpcOptions Default { get; } = new();

    /// <summary>The most blocks one <c>evm_mine</c> or <c>anvil_mine</c> call may seal, so one call cannot stall the node.</summary>
    public ulong MaxBlocksPerCall { get; init; } = 10_000;
}
