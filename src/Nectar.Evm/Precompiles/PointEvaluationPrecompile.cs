using Nectar.Core.Specs;
using Nectar.Crypto.Kzg;

namespace Nectar.Evm.Precompiles;

/// <summary>0x0a KZG point evaluation (EIP-4844): 50,000 gas.</summary>
public sealed class PointEvaluationPrecompile : Precompile
{
    /// <inheritdoc />
    public override long GasCost(ReadOnlySpan<byte> input, ForkSpec spec) => 50_000;

    /// <inheritdoc />
    public override bool TryRun(ReadOnlySpan<byte> input, out byte[] output)
    {
        output = new byte[PointEvaluation.OutputLength];
        if (!PointEvaluation.TryRun(input, output, out _))
        {
            output = [];
            return false;
        }

        return true;
    }
}
