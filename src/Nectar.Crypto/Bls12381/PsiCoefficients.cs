namespace Nectar.Crypto.Bls12381;

/// <summary>Coefficients of ψ on the twist, derived from the Frobenius constants: ξ^-((p-1)/3) and ξ^-((p-1)/2).</summary>
internal static class PsiCoefficients
{
    /// <summary>Multiplier of conj(x).</summary>
    internal static readonly Fp2 X = FrobeniusCoefficients.Gamma[2].Inverse();

    /// <summary>Multiplier of conj(y).</summary>
    internal static readonly Fp2 Y = FrobeniusCoefficients.Gamma[3].Inverse();
}
