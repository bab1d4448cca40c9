using System.Buffers;

namespace Nectar.Crypto.Bls12381;

/// <summary>A point of G2 in Jacobian coordinates, the form used for arithmetic.</summary>
public readonly struct G2Projective : IEquatable<G2Projective>
{
    internal readonly JacobianPoint<Fp2> Point;

    internal G2Projective(JacobianPoint<Fp2> point) => Point = point;

    /// <summary>The point at infinity.</summary>
    public static G2Projective Identity => new(JacobianPoint<Fp2>.Infinity);

    /// <summary>The standard generator.</summary>
    public static G2Projective Generator => G2Affine.Generator.ToProjective();

    /// <summary>True for the point at infinity.</summary>
    public bool IsIdentity => Point.IsInfinity;

    /// <summary>Point addition.</summary>
    public static G2Projective operator +(in G2Projective a, in G2Projective b) => new(a.Point.Add(b.Point));

    /// <summary>Mixed addition with an affine point.</summary>
    public static G2Projective operator +(in G2Projective a, in G2Affine b) =>
        b.IsInfinity ? a : new(a.Point.AddAffine(b.X, b.Y));

    /// <summary>Point subtraction.</summary>
    public static G2Projective operator -(in G2Projective a, in G2Projective b) => new(a.Point.Add(b.Point.Negate()));

    /// <summary>Negation.</summary>
    public static G2Projective operator -(in G2Projective a) => new(a.Point.Negate());

    /// <summary>Point doubling.</summary>
    public G2Projective Double() => new(Point.Double());

    /// <summary>Multiplication by a non-negative integer given as big-endian bytes of any length.</summary>
    public G2Projective Multiply(ReadOnlySpan<byte> scalarBigEndian) => new(Point.Multiply(scalarBigEndian));

    /// <summary>
    /// The multi-scalar multiplication Σ k_i·P_i, with <paramref name="scalars"/> holding one 32-byte big-endian
    /// integer per point (any value below 2^256).
    /// </summary>
    public static G2Projective MultiScalarMultiply(ReadOnlySpan<G2Affine> points, ReadOnlySpan<byte> scalars)
    {
        var n = points.Length;
        var xs = ArrayPool<Fp2>.Shared.Rent(n);
        var ys = ArrayPool<Fp2>.Shared.Rent(n);
        var infinity = ArrayPool<bool>.Shared.Rent(n);
        try
        {
            for (var i = 0; i < n; i++)
            {
                xs[i] = points[i].X;
                ys[i] = points[i].Y;
                infinity[i] = points[i].IsInfinity;
            }

            return new(MultiScalarMultiplication.Compute<Fp2>(xs.AsSpan(0, n), ys.AsSpan(0, n), infinity.AsSpan(0, n), scalars));
        }
        finally
        {
            ArrayPool<Fp2>.Shared.Return(xs);
            ArrayPool<Fp2>.Shared.Return(ys);
            ArrayPool<bool>.Shared.Return(infinity);
        }
    }

    /// <summary>Multiplication by a 64-bit integer.</summary>
    public G2Projective Multiply(ulong scalar) => new(Point.Multiply(scalar));

    /// <summary>
    /// Clears the cofactor with the effective cofactor of RFC 9380 section 8.8.2, computed with the ψ endomorphism
    /// (Budroni and Pintore): [x^2 - x - 1]P + [x - 1]ψ(P) + ψ^2(2P).
    /// </summary>
    public G2Projective ClearCofactor()
    {
        var p = Point;
        var t1 = p.Multiply(Bls12381Constants.AbsX).Negate();
        var t2 = Psi(p);
        var t3 = Psi(Psi(p.Double()));
        t3 = t3.Add(t2.Negate());
        t2 = t1.Add(t2).Multiply(Bls12381Constants.AbsX).Negate();
        t3 = t3.Add(t2);
        t3 = t3.Add(t1.Negate());
        return new(t3.Add(p.Negate()));
    }

    /// <summary>The untwist-Frobenius-twist endomorphism ψ(x, y) = (conj(x)·ξ^-((p-1)/3), conj(y)·ξ^-((p-1)/2)).</summary>
    public G2Projective Psi() => new(Psi(Point));

    internal static JacobianPoint<Fp2> Psi(in JacobianPoint<Fp2> p)
    {
        // In Jacobian form x = X/Z^2 and y = Y/Z^3; conjugating Z keeps the scaling consistent.
        return new JacobianPoint<Fp2>(
            p.X.Conjugate() * PsiCoefficients.X,
            p.Y.Conjugate() * PsiCoefficients.Y,
            p.Z.Conjugate());
    }

    /// <summary>The affine form (one field inversion).</summary>
    public G2Affine ToAffine() => G2Affine.FromJacobian(Point);

    /// <inheritdoc />
    public bool Equals(G2Projective other) => Point.EqualsPoint(other.Point);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G2Projective other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ToAffine().GetHashCode();

    /// <summary>Equality of the points represented.</summary>
    public static bool operator ==(G2Projective left, G2Projective right) => left.Equals(right);

    /// <summary>Inequality of the points represented.</summary>
    public static bool operator !=(G2Projective left, G2Projective right) => !left.Equals(right);
}
