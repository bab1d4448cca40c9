namespace Nectar.Evm.Precompiles;

/// <summary>The EIP-2537 operations, in address order from 0x0b.</summary>
public enum Bls12381Operation
{
    /// <summary>0x0b: G1 addition.</summary>
    G1Add,

    /// <summary>0x0c: G1 multi-scalar multiplication.</summary>
    G1Msm,

    /// <summary>0x0d: G2 addition.</summary>
    G2Add,

    /// <summary>0x0e: G2 multi-scalar multiplication.</summary>
    G2Msm,

    /// <summary>0x0f: pairing check.</summary>
    PairingCheck,

    /// <summary>0x10: map an Fp element to G1.</summary>
    MapFpToG1,

    /// <summary>0x11: map an Fp2 element to G2.</summary>
    MapFp2ToG2,
}
