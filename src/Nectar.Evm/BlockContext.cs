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

    /// <summary>
    /// The blob base fee for an excess blob gas (EIP-4844's fake exponential with a minimum of 1 wei).
    /// </summary>
    /// <param name="excessBlobGas">The header's excess blob gas.</param>
    /// <param name="updateFraction">The fork's denominator (see ForkSpec.BlobBaseFeeUpdateFraction).</param>
    /// <returns>The blob base fee per blob gas.</returns>
    public static UInt256 CalculateBlobBaseFee(ulong excessBlobGas, ulong updateFraction)
    {
        // fake_exponential(1, excess, fraction): a Taylor series in integers.
        var i = UInt256.One;
        var output = UInt256.Zero;
        var numeratorAccumulation = new UInt256(updateFraction);
        var denominator = new UInt256(updateFraction);
        var numerator = new UInt256(excessBlobGas);
        while (!numeratorAccumulation.IsZero)
        {
            output += numeratorAccumulation;
            numeratorAccumulation = numeratorAccumulation * numerator / (denominator * i);
            i += UInt256.One;
        }

        return output / denominator;
    }
}
