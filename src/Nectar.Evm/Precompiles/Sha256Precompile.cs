using Nectar.Core.Specs;
using Nectar.Crypto;

namespace Nectar.Evm.Precompiles;

/// <summary>0x02 SHA-256: 60 gas plus 12 per word.</summary>
public sealed class Sha256Precompile : Precompile
{
    /// <inheritdoc />
    public override long GasCost(ReadOnlySpan<byte> input, ForkSpec spec) => Linear(input.Length, 60, 12);

    /// <inheritdoc />
    public override bool TryRun(ReadOnlySpan<byte> input, out byte[] output)
    {
        output = new byte[32];
        Sha256.Hash(input, output);
        return true;
    }
}
