namespace Nectar.Crypto.Bls12381;

/// <summary>A point of G1 (y^2 = x^3 + 4 over F_p) in affine coordinates, or the point at infinity.</summary>
public readonly partial struct G1Affine : IEquatable<G1Affine>
{
    // A primitive cube root of unity β in F_p chosen so that φ(x, y) = (β·x, y) acts on G1 as multiplication by -x^2.
    private static readonly Fp Beta = Fp.FromBytes(Convert.FromHexString(
        "00000000000000005f19672fdf76ce51ba69c6076a0f77eaddb3a93be6f89688de17d813620a00022e01fffffffefffe"));

    /// <summary>The x coordinate (zero for the point at infinity).</summary>
    public readonly Fp X;

    /// <summary>The y coordinate (zero for the point at infinity).</summary>
    public readonly Fp Y;

    /// <summary>True for the point at infinity.</summary>
    public readonly bool IsInfinity;

    /// <summary>Builds an affine point without any validation; see <see cref="IsOnCurve"/> and <see cref="IsInSubgroup"/>.</summary>
    public G1Affine(Fp x, Fp y)
    {
        X = x;
        Y = y;
        IsInfinity = false;
    }

    private G1Affine(Fp x, Fp y, bool infinity)
    {
        X = x;
        Y = y;
        IsInfinity = infinity;
    }

    /// <summary>The point at infinity.</summary>
    public static G1Affine Identity { get; } = new(Fp.Zero, Fp.Zero, true);

    /// <summary>The standard generator of G1.</summary>
    public static G1Affine Generator { get; } = new(
        Fp.FromBytes(Convert.FromHexString("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb")),
        Fp.FromBytes(Convert.FromHexString("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1")));

    /// <summary>True when the point is the point at infinity or satisfies the curve equation.</summary>
    public bool IsOnCurve => IsInfinity || JacobianPoint<Fp>.IsOnCurve(X, Y);

    /// <summary>
    /// True when the point lies in the order-r subgroup. Uses the endomorphism test φ(P) = -[x^2]P, which holds
    /// exactly on G1 for points of the curve (Scott, "A note on group membership tests for G1, G2 and GT on BLS
    /// pairing-friendly curves", 2021). The point must be on the curve.
    /// </summary>
    public bool IsInSubgroup
    {
        get
        {
            if (IsInfinity)
            {
                return true;
            }

            var p = ToJacobian();
            var x2p = p.Multiply(Bls12381Constants.AbsX).Multiply(Bls12381Constants.AbsX);
            var phi = new JacobianPoint<Fp>(X * Beta, Y, Fp.One);
            return phi.EqualsPoint(x2p.Negate());
        }
    }

    /// <summary>The negated point.</summary>
    public G1Affine Negate() => IsInfinity ? this : new G1Affine(X, -Y);

    /// <summary>The same point in Jacobian coordinates.</summary>
    public G1Projective ToProjective() => new(ToJacobian());

    internal JacobianPoint<Fp> ToJacobian() => JacobianPoint<Fp>.FromAffine(X, Y, IsInfinity);

    internal static G1Affine FromJacobian(in JacobianPoint<Fp> p)
    {
        p.ToAffine(out var x, out var y, out var infinity);
        return new G1Affine(x, y, infinity);
    }

    /// <inheritdoc />
    public bool Equals(G1Affine other) => IsInfinity ? other.IsInfinity : !other.IsInfinity && X == other.X && Y == other.Y;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G1Affine other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsInfinity ? 0 : HashCode.Combine(X, Y);

    /// <summary>The compressed encoding in hex, for diagnostics.</summary>
    public override string ToString() => Convert.ToHexStringLower(ToCompressed());

    /// <summary>Equality.</summary>
    public static bool operator ==(G1Affine left, G1Affine right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(G1Affine left, G1Affine right) => !left.Equals(right);
}
