using System.Numerics;
using Nectar.Core.Numerics;
using Nectar.Core.Specs;

namespace Nectar.Core.Blocks;

/// <summary>
/// The EIP-1559 base fee: each block's base fee follows from its parent's, rising by up to 1/8 when the parent
/// used more than its gas target (half its gas limit) and falling by up to 1/8 when it used less.
/// </summary>
public static class BaseFee
{
    /// <summary>The base fee of the first London block: 1 gwei.</summary>
    public const ulong InitialBaseFee = 1_000_000_000;

    /// <summary>The gas target is the gas limit divided by this.</summary>
    public const ulong ElasticityMultiplier = 2;

    /// <summary>The base fee changes by at most 1/8 from one block to the next.</summary>
    public const ulong MaxChangeDenominator = 8;

    /// <summary>The base fee of the block after <paramref name="parent"/> under the child's fork rules.</summary>
    /// <param name="parent">The parent header.</param>
    /// <param name="spec">The rules of the child block's fork.</param>
    /// <returns>
    /// <see langword="null"/> before London; <see cref="InitialBaseFee"/> for the first London block (its parent
    /// has no base fee); otherwise <see cref="Calculate"/> of the parent's gas and base fee.
    /// </returns>
    public static UInt256? Next(BlockHeader parent, ForkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(spec);
        if (!spec.IsEip1559Enabled)
        {
            return null;
        }

        return parent.BaseFeePerGas is { } parentBaseFee
            ? Calculate(parent.GasLimit, parent.GasUsed, parentBaseFee)
            : new UInt256(InitialBaseFee);
    }

    /// <summary>The EIP-1559 update rule.</summary>
    /// <param name="parentGasLimit">The parent's gas limit.</param>
    /// <param name="parentGasUsed">The gas the parent used.</param>
    /// <param name="parentBaseFee">The parent's base fee.</param>
    /// <returns>
    /// With target = gas limit / 2: the parent's base fee when it used exactly the target; plus
    /// max(1, baseFee * (used - target) / target / 8) when it used more; minus baseFee * (target - used) / target / 8
    /// when it used less.
    /// </returns>
    public static UInt256 Calculate(ulong parentGasLimit, ulong parentGasUsed, in UInt256 parentBaseFee)
    {
        var target = parentGasLimit / ElasticityMultiplier;
        if (parentGasUsed == target || target == 0)
        {
            // A zero target cannot occur with a valid gas limit; keeping the fee avoids dividing by zero.
            return parentBaseFee;
        }

        if (parentGasUsed > target)
        {
            var increase = ScaledDelta(parentBaseFee, parentGasUsed - target, target);
            if (increase.IsZero)
            {
                increase = UInt256.One;
            }

            return UInt256.AddOverflow(parentBaseFee, increase, out var raised) ? UInt256.MaxValue : raised;
        }

        var decrease = ScaledDelta(parentBaseFee, target - parentGasUsed, target);
        return parentBaseFee - decrease;
    }

    /// <summary>baseFee * gasDelta / target / 8, exact even when the product exceeds 256 bits.</summary>
    private static UInt256 ScaledDelta(in UInt256 baseFee, ulong gasDelta, ulong target)
    {
        if (!UInt256.MultiplyOverflow(baseFee, new UInt256(gasDelta), out var product))
        {
            return product / new UInt256(target) / new UInt256(MaxChangeDenominator);
        }

        // Only for base fees above 2^192 wei, which no real chain reaches.
        return (UInt256)((BigInteger)baseFee * gasDelta / target / MaxChangeDenominator);
    }
}
