using Nectar.Core.Specs;
using Nectar.Crypto;

namespace Nectar.Evm.Precompiles;

/// <summary>0x06 alt_bn128 addition (EIP-196): 150 gas from Istanbul (EIP-1108), 500 before.</summary>
public sealed class Bn254AddPrecompile : Precompile
{
    /// <inheritdoc />
    public override long GasCost(ReadOnlySpan<byte> input, ForkSpec spec) => spec?.IsEip1108Enabled == true ? 150 : 500;

    /// <inheritdoc />
    public override bool TryRun(ReadOnlySpan<byte> input, out byte[] output)
    {
        output = new byte[Bn254.G1Length];
        if (!Bn254.TryAdd(input, output))
        {
            output = [];
            return false;
        }

        return true;
    }
}
