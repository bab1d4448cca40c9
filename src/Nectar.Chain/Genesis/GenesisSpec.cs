using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Chain.Genesis;

/// <summary>
/// A chain's first block: the allocation (accounts with balances, nonces, code and storage) and the header fields a
/// chain spec chooses. The fields a fork adds later (base fee, withdrawals root, blob gas, beacon root, requests
/// hash) are present exactly when the genesis fork has them, with the values given here or their defaults.
/// </summary>
public sealed class GenesisSpec
{
    /// <summary>The accounts that exist at genesis.</summary>
    public IReadOnlyDictionary<Address, GenesisAccount> Alloc { get; init; } = new Dictionary<Address, GenesisAccount>();

    /// <summary>The block number (zero for a new chain).</summary>
    public ulong Number { get; init; }

    /// <summary>The parent hash (zero for a new chain).</summary>
    public Hash256 ParentHash { get; init; }

    /// <summary>The timestamp.</summary>
    public ulong Timestamp { get; init; }

    /// <summary>The gas limit.</summary>
    public ulong GasLimit { get; init; } = 30_000_000;

    /// <summary>The gas used (zero for a new chain; the header records it as given).</summary>
    public ulong GasUsed { get; init; }

    /// <summary>The extra data.</summary>
    public ReadOnlyMemory<byte> ExtraData { get; init; }

    /// <summary>The coinbase.</summary>
    public Address Coinbase { get; init; }

    /// <summary>The difficulty (zero after the Merge).</summary>
    public UInt256 Difficulty { get; init; }

    /// <summary>The mix hash (the randomness after the Merge).</summary>
    public Hash256 MixHash { get; init; }

    /// <summary>The nonce.</summary>
    public ulong Nonce { get; init; }

    /// <summary>The base fee, or <see langword="null"/> for the EIP-1559 initial base fee (1 gwei) when the fork has one.</summary>
    public UInt256? BaseFeePerGas { get; init; }

    /// <summary>The blob gas used (Cancun on).</summary>
    public ulong BlobGasUsed { get; init; }

    /// <summary>The excess blob gas (Cancun on).</summary>
    public ulong ExcessBlobGas { get; init; }

    /// <summary>The parent beacon block root (Cancun on).</summary>
    public Hash256 ParentBeaconBlockRoot { get; init; }

    /// <summary>The same genesis with another allocation: every header field is kept.</summary>
    /// <param name="alloc">The accounts that exist at genesis.</param>
    /// <returns>The copy.</returns>
    public GenesisSpec WithAlloc(IReadOnlyDictionary<Address, GenesisAccount> alloc)
    {
        ArgumentNullException.ThrowIfNull(alloc);
        return new GenesisSpec
        {
            Alloc = alloc,
            Number = Number,
            ParentHash = ParentHash,
            Timestamp = Timestamp,
            GasLimit = GasLimit,
            GasUsed = GasUsed,
            ExtraData = ExtraData,
            Coinbase = Coinbase,
            Difficulty = Difficulty,
            MixHash = MixHash,
            Nonce = Nonce,
            BaseFeePerGas = BaseFeePerGas,
            BlobGasUsed = BlobGasUsed,
            ExcessBlobGas = ExcessBlobGas,
            ParentBeaconBlockRoot = ParentBeaconBlockRoot,
        };
    }
}
