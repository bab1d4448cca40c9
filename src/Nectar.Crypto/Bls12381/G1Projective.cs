using System.Buffers;

namespace Nectar.Crypto.Bls12381;

/// <summary>A point of G1 in Jacobian coordinates, the form used for arithmetic.</summary>
public readonly struct G1Projective : IEquatable<G1Projective>
{
    internal readonly JacobianPoint<Fp> Point;

    internal G1Projective(JacobianPoint<Fp> point) => Point = point;

    /// <summary>The point at infinity.</summary>
    public static G1Projective Identity => new(JacobianPoint<Fp>.Infinity);

    /// <summary>The standard generator.</summary>
    public static G1Projective Generator => G1Affine.Generator.ToProjective();

    /// <summary>True for the point at infinity.</summary>
    public bool IsIdentity => Point.IsInfinity;

    /// <summary>Point addition.</summary>
    public static G1Projective operator +(in G1Projective a, in G1Projective b) => new(a.Point.Add(b.Point));

    /// <summary>Mixed addition with an affine point.</summary>
    public static G1Projective operator +(in G1Projective a, in G1Affine b) =>
        b.IsInfinity ? a : new(a.Point.AddAffine(b.X, b.Y));

    /// <summary>Point subtraction.</summary>
    public static G1Projective operator -(in G1Projective a, in G1Projective b) => new(a.Point.Add(b.Point.Negate()));

    /// <summary>Negation.</summary>
    public static G1Projective operator -(in G1Projective a) => new(a.Point.Negate());

    /// <summary>Point doubling.</summary>
    public G1Projective Double() => new(Point.Double());

    /// <summary>Multiplication by a non-negative integer given as big-endian bytes of any length.</summary>
    public G1Projective Multiply(ReadOnlySpan<byte> scalarBigEndian) => new(Point.Multiply(scalarBigEndian));

    /// <summary>
    /// The multi-scalar multiplication Σ k_i·P_i, with <paramref name="scalars"/> holding one 32-byte big-endian
    /// integer per point (any value below 2^256).
    /// </summary>
    public static G1Projective MultiScalarMultiply(ReadOnlySpan<G1Affine> points, ReadOnlySpan<byte> scalars)
    {
        var n = points.Length;
        var xs = ArrayPool<Fp>.Shared.Rent(n);
        var ys = ArrayPool<Fp>.Shared.Rent(n);
        var infinity = ArrayPool<bool>.Shared.Rent(n);
        try
        {
            for (var i = 0; i < n; i++)
            {
                xs[i] = points[i].X;
                ys[i] = points[i].Y;
                infinity[i] = points[i].IsInfinity;
            }

            return new(MultiScalarMultiplication.Compute<Fp>(xs.AsSpan(0, n), ys.AsSpan(0, n), infinity.AsSpan(0, n), scalars));
        }
        finally
        {
            ArrayPool<Fp>.Shared.Return(xs);
            ArrayPool<Fp>.Shared.Return(ys);
            ArrayPool<bool>.Shared.Return(infinity);
        }
    }

    /// <summary>Multiplication by a 64-bit integer.</summary>
    public G1Projective Multiply(ulong scalar) => new(Point.Multiply(scalar));

    /// <summary>Clears the cofactor with the effective cofactor 1 - x (RFC 9380, section 8.8.1).</summary>
    public G1Projective ClearCofactor() => Multiply(Bls12381Constants.G1EffectiveCofactor);

    /// <summary>The affine form (one field inversion).</summary>
    public G1Affine ToAffine() => G1Affine.FromJacobian(Point);

    /// <inheritdoc />
    public bool Equals(G1Projective other) => Point.EqualsPoint(other.Point);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G1Projective other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ToAffine().GetHashCode();

    /// <summary>Equality of the points represented.</summary>
    public static bool operator ==(G1Projective left, G1Projective right) => left.Equals(right);

    /// <summary>Inequality of the points represented.</summary>
    public static bool operator !=(G1Projective left, G1Projective right) => !left.Equals(right);
}
