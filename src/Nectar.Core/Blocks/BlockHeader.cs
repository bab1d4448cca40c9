using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Core.Blocks;

/// <summary>
/// A block header with every field up to Prague. The fields a fork added later (from the base fee on) are
/// optional and present exactly when the block's fork has them; see <see cref="BlockHeaderCodec"/>.
/// Instances are immutable once built; the hash is computed at most once and cached.
/// </summary>
public sealed class BlockHeader
{
    private Bloom _logsBloom;

    // The hash is written before the flag; all writers compute the same bytes, so a race only repeats work.
    private Hash256 _hash;
    private volatile bool _hasHash;

    /// <summary>Hash of the parent block's header.</summary>
    public Hash256 ParentHash { get; init; }

    /// <summary>Hash of the RLP list of ommer headers; by default the empty list's hash, as in every block since the Merge.</summary>
    public Hash256 OmmersHash { get; init; } = Hash256.EmptyListHash;

    /// <summary>The address that receives the priority fees (the coinbase).</summary>
    public Address Beneficiary { get; init; }

    /// <summary>Root of the world state after the block.</summary>
    public Hash256 StateRoot { get; init; }

    /// <summary>Root of the trie of the block's transactions.</summary>
    public Hash256 TransactionsRoot { get; init; }

    /// <summary>Root of the trie of the block's receipts.</summary>
    public Hash256 ReceiptsRoot { get; init; }

    /// <summary>The union of the blooms of the block's receipts.</summary>
    public Bloom LogsBloom
    {
        get => _logsBloom;
        init => _logsBloom = value;
    }

    /// <summary>The proof-of-work difficulty; zero since the Merge.</summary>
    public UInt256 Difficulty { get; init; }

    /// <summary>The block number.</summary>
    public ulong Number { get; init; }

    /// <summary>The most gas the block's transactions may use together.</summary>
    public ulong GasLimit { get; init; }

    /// <summary>The gas the block's transactions used.</summary>
    public ulong GasUsed { get; init; }

    /// <summary>Seconds since the Unix epoch.</summary>
    public ulong Timestamp { get; init; }

    /// <summary>Arbitrary bytes chosen by the producer (at most 32 on mainnet; not enforced here).</summary>
    public ReadOnlyMemory<byte> ExtraData { get; init; }

    /// <summary>The proof-of-work mix hash; since the Merge the beacon chain's randomness (<see cref="PrevRandao"/>).</summary>
    public Hash256 MixHash { get; init; }

    /// <summary>Since the Merge (EIP-4399), the randomness the PREVRANDAO opcode returns; the same field as <see cref="MixHash"/>.</summary>
    public Hash256 PrevRandao => MixHash;

    /// <summary>The proof-of-work nonce, encoded as 8 bytes; zero since the Merge.</summary>
    public ulong Nonce { get; init; }

    /// <summary>The EIP-1559 base fee per gas (from London).</summary>
    public UInt256? BaseFeePerGas { get; init; }

    /// <summary>Root of the trie of the block's withdrawals (from Shanghai, EIP-4895).</summary>
    public Hash256? WithdrawalsRoot { get; init; }

    /// <summary>Blob gas used by the block's transactions (from Cancun, EIP-4844).</summary>
    public ulong? BlobGasUsed { get; init; }

    /// <summary>Blob gas above the target carried over from earlier blocks (from Cancun, EIP-4844).</summary>
    public ulong? ExcessBlobGas { get; init; }

    /// <summary>Root of the parent beacon block (from Cancun, EIP-4788).</summary>
    public Hash256? ParentBeaconBlockRoot { get; init; }

    /// <summary>Commitment to the execution-layer requests (from Prague, EIP-7685).</summary>
    public Hash256? RequestsHash { get; init; }

    /// <summary>Keccak-256 of the header's RLP, computed on first use and cached.</summary>
    public Hash256 Hash
    {
        get
        {
            if (!_hasHash)
            {
                _hash = BlockHeaderCodec.ComputeHash(this);
                _hasHash = true;
            }

            return _hash;
        }
    }

    /// <summary>The number and hash, for diagnostics.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => $"Block {Number} {Hash}";
}
