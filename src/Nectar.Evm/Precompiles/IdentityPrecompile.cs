using Nectar.Core.Specs;

namespace Nectar.Evm.Precompiles;

/// <summary>0x04 identity: returns its input; 15 gas plus 3 per word.</summary>
public sealed class IdentityPrecompile : Precompile
{
    /// <inheritdoc />
    public override long GasCost(ReadOnlySpan<byte> input, ForkSpec spec) => Linear(input.Length, 15, 3);

    /// <inheritdoc />
    public override bool TryRun(ReadOnlySpan<byte> input, out byte[] output)
    {
        output = input.ToArray();
        return true;
    }
}
