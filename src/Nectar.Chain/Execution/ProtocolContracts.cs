using Nectar.Core.Primitives;

namespace Nectar.Chain.Execution;

/// <summary>
/// The system contracts the protocol calls at the start of a block. Their code is part of the genesis state (or
/// deployed like any contract); a fork's system call to an address without code does nothing.
/// </summary>
public static class ProtocolContracts
{
    /// <summary>EIP-4788 beacon roots contract: at the start of each Cancun block it records the parent beacon block root.</summary>
    public static readonly Address BeaconRoots = Address.Parse("0x000f3df6d732807ef1319fb7b8bb8522d0beac02");

    /// <summary>EIP-2935 history storage contract: at the start of each Prague block it records the parent block's hash.</summary>
    public static readonly Address HistoryStorage = Address.Parse("0x0000f90827f1c53a10cb7a02335b175320002935");

    /// <summary>How many recent block hashes the EIP-2935 contract serves (its ring buffer's length).</summary>
    public const ulong HistoryServeWindow = 8191;
}
