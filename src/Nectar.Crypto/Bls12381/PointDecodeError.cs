namespace Nectar.Crypto.Bls12381;

/// <summary>Why a point encoding was rejected.</summary>
public enum PointDecodeError
{
    /// <summary>The encoding is valid.</summary>
    None = 0,

    /// <summary>The input has neither the compressed nor the uncompressed length.</summary>
    WrongLength,

    /// <summary>The flag bits contradict the length, or the infinity encoding carries other bits, or the sign is set where it must not be.</summary>
    InvalidFlags,

    /// <summary>A coordinate is not below p.</summary>
    NonCanonicalCoordinate,

    /// <summary>The coordinates do not satisfy the curve equation (or x has no matching y).</summary>
    NotOnCurve,

    /// <summary>The point is on the curve but not in the prime-order subgroup.</summary>
    NotInSubgroup,
}
