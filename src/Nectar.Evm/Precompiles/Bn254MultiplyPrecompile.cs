using Nectar.Core.Specs;
using Nectar.Crypto;

namespace Nectar.Evm.Precompiles;

/// <summary>0x07 alt_bn128 scalar multiplication (EIP-196): 6,000 gas from Istanbul, 40,000 before.</summary>
public sealed class Bn254MultiplyPrecompile : Precompile
{
    /// <inheritdoc />
    public override long GasCost(ReadOnlySpan<byte> input, ForkSpec spec) => spec?.IsEip1108Enabled == true ? 6_000 : 40_000;

    /// <inheritdoc />
    public override bool TryRun(ReadOnlySpan<byte> input, out byte[] output)
    {
        output = new byte[Bn254.G1Length];
        if (!Bn254.TryMultiply(input, output))
        {
            output = [];
            return false;
        }

        return true;
    }
}
