namespace Nectar.Crypto.Bls12381;

/// <summary>A point of G2 (y^2 = x^3 + 4(1 + u) over F_p2, the M-type sextic twist) in affine coordinates, or the point at infinity.</summary>
public readonly partial struct G2Affine : IEquatable<G2Affine>
{
    /// <summary>The x coordinate (zero for the point at infinity).</summary>
    public readonly Fp2 X;

    /// <summary>The y coordinate (zero for the point at infinity).</summary>
    public readonly Fp2 Y;

    /// <summary>True for the point at infinity.</summary>
    public readonly bool IsInfinity;

    /// <summary>Builds an affine point without any validation; see <see cref="IsOnCurve"/> and <see cref="IsInSubgroup"/>.</summary>
    public G2Affine(Fp2 x, Fp2 y)
    {
        X = x;
        Y = y;
        IsInfinity = false;
    }

    private G2Affine(Fp2 x, Fp2 y, bool infinity)
    {
        X = x;
        Y = y;
        IsInfinity = infinity;
    }

    /// <summary>The point at infinity.</summary>
    public static G2Affine Identity { get; } = new(Fp2.Zero, Fp2.Zero, true);

    /// <summary>The standard generator of G2.</summary>
    public static G2Affine Generator { get; } = new(
        new Fp2(
            Fp.FromBytes(Convert.FromHexString("024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8")),
            Fp.FromBytes(Convert.FromHexString("13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"))),
        new Fp2(
            Fp.FromBytes(Convert.FromHexString("0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801")),
            Fp.FromBytes(Convert.FromHexString("0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be"))));

    /// <summary>True when the point is the point at infinity or satisfies the curve equation.</summary>
    public bool IsOnCurve => IsInfinity || JacobianPoint<Fp2>.IsOnCurve(X, Y);

    /// <summary>
    /// True when the point lies in the order-r subgroup, by the test ψ(P) = [x]P, which holds exactly on G2 for
    /// points of the twist (Scott, 2021). The point must be on the curve.
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
            var xp = p.Multiply(Bls12381Constants.AbsX).Negate();
            return G2Projective.Psi(p).EqualsPoint(xp);
        }
    }

    /// <summary>The negated point.</summary>
    public G2Affine Negate() => IsInfinity ? this : new G2Affine(X, -Y);

    /// <summary>The same point in Jacobian coordinates.</summary>
    public G2Projective ToProjective() => new(ToJacobian());

    internal JacobianPoint<Fp2> ToJacobian() => JacobianPoint<Fp2>.FromAffine(X, Y, IsInfinity);

    internal static G2Affine FromJacobian(in JacobianPoint<Fp2> p)
    {
        p.ToAffine(out var x, out var y, out var infinity);
        return new G2Affine(x, y, infinity);
    }

    /// <inheritdoc />
    public bool Equals(G2Affine other) => IsInfinity ? other.IsInfinity : !other.IsInfinity && X == other.X && Y == other.Y;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G2Affine other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsInfinity ? 0 : HashCode.Combine(X, Y);

    /// <summary>The compressed encoding in hex, for diagnostics.</summary>
    public override string ToString() => Convert.ToHexStringLower(ToCompressed());

    /// <summary>Equality.</summary>
    public static bool operator ==(G2Affine left, G2Affine right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(G2Affine left, G2Affine right) => !left.Equals(right);
}
