using System.Collections.Immutable;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;

namespace Nectar.Chain.Building;

/// <summary>What a producer decides about the next block: its parent, fork, time and coinbase, and optionally the rest of its environment.</summary>
public sealed record BlockBuildRequest
{
    /// <summary>The parent's header; the state the block is built on must be at its state root.</summary>
    public required BlockHeader Parent { get; init; }

    /// <summary>The block's fork rules.</summary>
    public required ForkSpec Spec { get; init; }

    /// <summary>The block's timestamp; after the parent's.</summary>
    public required ulong Timestamp { get; init; }

    /// <summary>The address that receives the priority fees.</summary>
    public required Address Coinbase { get; init; }

    /// <summary>The gas limit, or <see langword="null"/> to keep the parent's.</summary>
    public ulong? GasLimit { get; init; }

    /// <summary>The extra data (at most 32 bytes).</summary>
    public ReadOnlyMemory<byte> ExtraData { get; init; }

    /// <summary>The randomness PREVRANDAO returns (the header's mix hash).</summary>
    public Hash256 PrevRandao { get; init; }

    /// <summary>The parent beacon block root for the EIP-4788 call (Cancun on); zero when the chain has no beacon chain.</summary>
    public Hash256 ParentBeaconBlockRoot { get; init; }

    /// <summary>Withdrawals to credit (Shanghai on); none by default.</summary>
    public ImmutableArray<Withdrawal> Withdrawals { get; init; } = [];
}
