using System.Numerics;
using Nectar.Core.Numerics;
using Nectar.Core.Specs;

namespace Nectar.Core.Blocks;

/// <summary>
/// The EIP-4844 blob gas market: the excess blob gas carried from block to block and the blob base fee derived
/// from it, with the fork's target and update fraction (EIP-7691 raises both in Prague). Nectar accepts no blob
/// transactions, so its blocks use no blob gas, but headers still carry these fields and the BLOBBASEFEE opcode
/// reads the fee.
/// </summary>
public static class BlobGas
{
    /// <summary>Blob gas per blob: 2^17.</summary>
    public const ulong GasPerBlob = 131_072;

    /// <summary>The lowest blob base fee: 1 wei.</summary>
    public const ulong MinBaseFeePerBlobGas = 1;

    /// <summary>The fork's target blob gas per block.</summary>
    /// <param name="spec">The fork's rules.</param>
    /// <returns>Target blobs times <see cref="GasPerBlob"/> (3 blobs in Cancun, 6 in Prague).</returns>
    public static ulong TargetPerBlock(ForkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return (ulong)spec.TargetBlobsPerBlock * GasPerBlob;
    }

    /// <summary>The fork's maximum blob gas per block.</summary>
    /// <param name="spec">The fork's rules.</param>
    /// <returns>Maximum blobs times <see cref="GasPerBlob"/> (6 blobs in Cancun, 9 in Prague).</returns>
    public static ulong MaxPerBlock(ForkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return (ulong)spec.MaxBlobsPerBlock * GasPerBlob;
    }

    /// <summary>The excess blob gas of the block after <paramref name="parent"/>, under the child's fork rules.</summary>
    /// <param name="parent">The parent header (a pre-Cancun parent counts as zero excess and zero use).</param>
    /// <param name="spec">The rules of the child block's fork.</param>
    /// <returns><see langword="null"/> before Cancun, otherwise <see cref="CalculateExcess"/>.</returns>
    public static ulong? NextExcess(BlockHeader parent, ForkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(spec);
        return spec.IsEip4844Enabled
            ? CalculateExcess(parent.ExcessBlobGas.GetValueOrDefault(), parent.BlobGasUsed.GetValueOrDefault(), spec)
            : null;
    }

    /// <summary>The EIP-4844 excess rule: what the parent carried plus what it used, less the target, floored at zero.</summary>
    /// <param name="parentExcessBlobGas">The parent's excess blob gas.</param>
    /// <param name="parentBlobGasUsed">The parent's blob gas used.</param>
    /// <param name="spec">The rules of the child block's fork (its target applies).</param>
    /// <returns>The child's excess blob gas.</returns>
    public static ulong CalculateExcess(ulong parentExcessBlobGas, ulong parentBlobGasUsed, ForkSpec spec)
    {
        var target = TargetPerBlock(spec);

        // Both inputs are 64-bit; their sum may not be, so compare before adding.
        if (parentBlobGasUsed >= target)
        {
            var above = parentBlobGasUsed - target;
            return parentExcessBlobGas > ulong.MaxValue - above ? ulong.MaxValue : parentExcessBlobGas + above;
        }

        var below = target - parentBlobGasUsed;
        return parentExcessBlobGas > below ? parentExcessBlobGas - below : 0;
    }

    /// <summary>The blob base fee for an excess: fake_exponential(1, excess, the fork's update fraction).</summary>
    /// <param name="excessBlobGas">The block's excess blob gas.</param>
    /// <param name="spec">The block's fork rules (3,338,477 in Cancun, 5,007,716 from Prague).</param>
    /// <returns>The fee per blob gas, saturated at 2^256 - 1 (reached only above about 590 million excess in Cancun).</returns>
    public static UInt256 BaseFeePerBlobGas(ulong excessBlobGas, ForkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return FakeExponential(MinBaseFeePerBlobGas, excessBlobGas, spec.BlobBaseFeeUpdateFraction);
    }

    /// <summary>
    /// EIP-4844's integer approximation of factor * e^(numerator / denominator), by summing the Taylor series
    /// until its terms reach zero.
    /// </summary>
    /// <param name="factor">The factor.</param>
    /// <param name="numerator">The exponent's numerator.</param>
    /// <param name="denominator">The exponent's denominator; not zero.</param>
    /// <returns>The approximation, saturated at 2^256 - 1.</returns>
    public static UInt256 FakeExponential(ulong factor, ulong numerator, ulong denominator)
    {
        ArgumentOutOfRangeException.ThrowIfZero(denominator);

        // Off the hot path (once per block); BigInteger keeps every intermediate exact. The sum only grows, so
        // once it passes the 256-bit limit the loop can stop, which also bounds the work for huge exponents.
        var limit = (BigInteger.One << 256) * denominator;
        BigInteger output = 0;
        BigInteger accumulator = (BigInteger)factor * denominator;
        for (ulong i = 1; !accumulator.IsZero; i++)
        {
            output += accumulator;
            if (output >= limit)
            {
                return UInt256.MaxValue;
            }

            accumulator = accumulator * numerator / ((BigInteger)denominator * i);
        }

        return (UInt256)(output / denominator);
    }
}
