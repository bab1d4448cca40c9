using Nectar.Core.Specs;
using Nectar.Crypto;

namespace Nectar.Evm.Precompiles;

/// <summary>0x03 RIPEMD-160, left-padded to 32 bytes: 600 gas plus 120 per word.</summary>
public sealed class Ripemd160Precompile : Precompile
{
    /// <inheritdoc />
    public override long GasCost(ReadOnlySpan<byte> input, ForkSpec spec) => Linear(input.Length, 600, 120);

    /// <inheritdoc />
    public override bool TryRun(ReadOnlySpan<byte> input, out byte[] output)
    {
        output = new byte[32];
        Ripemd160.Hash(input, output.AsSpan(12));
        return true;
    }
}
