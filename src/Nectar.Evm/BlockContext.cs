using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Evm;

/// <summary>The block-level values the EVM exposes (COINBASE, NUMBER, TIMESTAMP, ...), fixed for a whole block.</summary>
public sealed class BlockContext
{
    /// <summary>The fee recipient (COINBASE).</summary>
    public Address Coinbase { get; init; }

    /// <summary>The block number (NUMBER).</summary>
    public ulong Number { get; init; }

    /// <summary>The block timestamp in seconds (TIMESTAMP).</summary>
    public ulong Timestamp { get; init; }

    /// <summary>The block gas limit (GASLIMIT); transactions must fit in it.</summary>
    public long GasLimit { get; init; }

    /// <summary>The base fee per gas (BASEFEE, EIP-1559); zero before London.</summary>
    public UInt256 BaseFee { get; init; }

    /// <summary>The difficulty (DIFFICULTY) before the Merge.</summary>
    public UInt256 Difficulty { get; init; }

    /// <summary>The beacon randomness (PREVRANDAO, EIP-4399) from the Merge on.</summary>
    public Hash256 PrevRandao { get; init; }

    /// <summary>The blob base fee (BLOBBASEFEE, EIP-7516).</summary>
    public UInt256 BlobBaseFee { get; init; }

    /// <summary>The chain id (CHAINID, EIP-1344).</summary>
    public ulong ChainId { get; init; } = 1;

    /// <summary>Where BLOCKHASH reads ancestors' hashes; <see langword="null"/> makes every BLOCKHASH zero.</summary>
    public IBlockHashProvider? BlockHashes { get; init; }
}
