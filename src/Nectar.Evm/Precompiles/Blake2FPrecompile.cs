using System.Buffers.Binary;
using Nectar.Core.Specs;
using Nectar.Crypto;

namespace Nectar.Evm.Precompiles;

/// <summary>0x09 BLAKE2 F compression (EIP-152): one gas per round; any input but 213 bytes fails.</summary>
public sealed class Blake2FPrecompile : Precompile
{
    /// <inheritdoc />
    public override long GasCost(ReadOnlySpan<byte> input, ForkSpec spec) =>
        input.Length == Blake2F.InputLength ? BinaryPrimitives.ReadUInt32BigEndian(input) : 0;

    /// <inheritdoc />
    public override bool TryRun(ReadOnlySpan<byte> input, out byte[] output)
    {
        output = new byte[Blake2F.OutputLength];
        if (!Blake2F.TryRun(input, output, out _))
        {
            output = [];
            return false;
        }

        return true;
    }
}
