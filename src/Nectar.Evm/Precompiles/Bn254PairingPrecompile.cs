using Nectar.Core.Specs;
using Nectar.Crypto;

namespace Nectar.Evm.Precompiles;

/// <summary>
/// 0x08 alt_bn128 pairing check (EIP-197): 45,000 + 34,000 per pair from Istanbul, 100,000 + 80,000 per pair before.
/// </summary>
public sealed class Bn254PairingPrecompile : Precompile
{
    /// <inheritdoc />
    public override long GasCost(ReadOnlySpan<byte> input, ForkSpec spec)
    {
        long pairs = input.Length / Bn254.PairLength;
        return spec?.IsEip1108Enabled == true ? 45_000 + (34_000 * pairs) : 100_000 + (80_000 * pairs);
    }

    /// <inheritdoc />
    public override bool TryRun(ReadOnlySpan<byte> input, out byte[] output)
    {
        if (!Bn254.TryPairingCheck(input, out var holds))
        {
            output = [];
            return false;
        }

        output = new byte[32];
        output[31] = holds ? (byte)1 : (byte)0;
        return true;
    }
}
