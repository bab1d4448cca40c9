namespace Nectar.Crypto.AltBn128;

/// <summary>
/// Membership of the order-r subgroup G2 for points of the twist, whose group has order r * (2p - r):
/// unlike G1, a point on the twist is not automatically in G2.
/// </summary>
/// <remarks>
/// <para>
/// Instead of computing [r]Q (a 254-bit multiplication) the test uses the endomorphism
/// psi = untwist, p-power Frobenius, twist, which costs a few F_p^2 multiplications. On G2, psi acts as
/// multiplication by p, that is by p - r = 6x^2, a 127-bit scalar. Conversely psi satisfies
/// psi^2 - t*psi + p = 0 on the twist with trace t = 6x^2 + 1, so
/// (psi - 1)(psi - 6x^2) = psi^2 - t*psi + 6x^2 = -(p - 6x^2) = -r. Hence psi(Q) = [6x^2]Q implies
/// [r]Q = 0: the test accepts exactly the points of G2.
/// </para>
/// </remarks>
internal static class G2Subgroup
{
    /// <summary>6x^2 = p - r, big-endian.</summary>
    private static ReadOnlySpan<byte> SixXSquared =>
    [
        0x6F, 0x4D, 0x82, 0x48, 0xEE, 0xB8, 0x59, 0xFB, 0xF8, 0x3E, 0x96, 0x82, 0xE8, 0x7C, 0xFD, 0x46,
    ];

    /// <summary>Whether an affine Q already known to be on the twist lies in G2.</summary>
    public static bool Contains(in Fp2 x, in Fp2 y)
    {
        var q = JacobianPoint<Fp2>.FromAffine(x, y);
        var multiple = JacobianPoint<Fp2>.Multiply(q, SixXSquared);
        return multiple.IsSamePoint(Psi(x, y));
    }

    /// <summary>The untwist-Frobenius-twist endomorphism: (conj(x) * gamma_2, conj(y) * gamma_3).</summary>
    public static JacobianPoint<Fp2> Psi(in Fp2 x, in Fp2 y) =>
        JacobianPoint<Fp2>.FromAffine(x.Conjugate() * Fp12.TwistFrobeniusX, y.Conjugate() * Fp12.TwistFrobeniusY);
}
