using Nectar.Core.Specs;

namespace Nectar.Evm.Precompiles;

/// <summary>A precompiled contract: a price for its input and a native implementation.</summary>
public abstract class Precompile
{
    /// <summary>The gas the call costs for this input; a failed call consumes all the gas it was given instead.</summary>
    /// <param name="input">The call data.</param>
    /// <param name="spec">The fork's rules (prices changed over time).</param>
    /// <returns>The price, saturating at <see cref="long.MaxValue"/>.</returns>
    public abstract long GasCost(ReadOnlySpan<byte> input, ForkSpec spec);

    /// <summary>Runs the precompile.</summary>
    /// <param name="input">The call data.</param>
    /// <param name="output">The output when successful (possibly empty).</param>
    /// <returns><see langword="false"/> when the input is invalid and the call fails.</returns>
    public abstract bool TryRun(ReadOnlySpan<byte> input, out byte[] output);

    /// <summary>Gas of <paramref name="baseCost"/> plus <paramref name="wordCost"/> per 32-byte input word.</summary>
    /// <param name="length">The input length.</param>
    /// <param name="baseCost">The fixed part.</param>
    /// <param name="wordCost">The per-word part.</param>
    /// <returns>The price.</returns>
    protected static long Linear(int length, long baseCost, long wordCost) => baseCost + (wordCost * ((length + 31L) / 32));

    /// <summary>Copies input into a zero-padded buffer (inputs are read as if right-padded).</summary>
    /// <param name="input">The input.</param>
    /// <param name="padded">The destination, cleared where the input ends.</param>
    protected static void Pad(ReadOnlySpan<byte> input, Span<byte> padded)
    {
        var n = Math.Min(input.Length, padded.Length);
        input[..n].CopyTo(padded);
        padded[n..].Clear();
    }
}
