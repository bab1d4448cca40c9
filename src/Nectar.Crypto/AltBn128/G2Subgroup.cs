namespace Nectar.Crypto.AltBn128;

/// <summary>
/// Membership of the order-r subgroup G2 for points of the twist, whose group has order r * (2p - r):
/// unlike G1, a point on the twist is not automatically in G2.
/// </summary>
internal static class G2Subgroup
{
    /// <summary>Whether r * Q is the point at infinity, for an affine Q already known to be on the twist.</summary>
    public static bool Contains(in Fp2 x, in Fp2 y) =>
        JacobianPoint<Fp2>.Multiply(JacobianPoint<Fp2>.FromAffine(x, y), Bn254Parameters.GroupOrderBytes).IsInfinity;
}
