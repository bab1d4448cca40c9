using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.JsonRpc.Eth;

/// <summary>One EIP-7702 authorization on the wire: <c>{"chainId", "address", "nonce", "yParity", "r", "s"}</c>.</summary>
public sealed class AuthorizationEntry
{
    /// <summary>The chain it is valid on (zero for any).</summary>
    public UInt256 ChainId { get; set; }

    /// <summary>The account whose code the authority delegates to.</summary>
    public Address Address { get; set; }

    /// <summary>The authority's nonce.</summary>
    public ulong Nonce { get; set; }

    /// <summary>The signature's y parity.</summary>
    public ulong YParity { get; set; }

    /// <summary>The signature's r.</summary>
    public UInt256 R { get; set; }

    /// <summary>The signature's s.</summary>
    public UInt256 S { get; set; }
}
