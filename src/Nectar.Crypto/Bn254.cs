using System.Runtime.CompilerServices;
using Nectar.Crypto.AltBn128;

namespace Nectar.Crypto;

/// <summary>
/// The alt_bn128 (bn254) precompiles with their exact input rules: point addition (0x06, EIP-196),
/// scalar multiplication (0x07, EIP-196) and the pairing check (0x08, EIP-197). Gas is the EVM's concern.
/// </summary>
/// <remarks>
/// Field elements are 32-byte big-endian integers; a value of p or more is invalid, never reduced. A G1
/// point is (x, y) and (0, 0) is the point at infinity. A G2 point is (x, y) over F_p^2, each coordinate
/// encoded as the coefficient of i first, then the real part; all zeros is the point at infinity.
/// </remarks>
[SkipLocalsInit]
public static class Bn254
{
    /// <summary>Length of an encoded G1 point and of the add and multiply outputs.</summary>
    public const int G1Length = 64;

    /// <summary>Length of an encoded G2 point.</summary>
    public const int G2Length = 128;

    /// <summary>Length of one pair of the pairing check: a G1 point then a G2 point.</summary>
    public const int PairLength = G1Length + G2Length;

    /// <summary>Number of input bytes the addition reads: two G1 points.</summary>
    public const int AddInputLength = 2 * G1Length;

    /// <summary>Number of input bytes the multiplication reads: a G1 point and a 32-byte scalar.</summary>
    public const int MultiplyInputLength = G1Length + 32;

    private const int StackPairs = 8;

    /// <summary>
    /// ECADD: adds two G1 points. The input is read as if right-padded with zeros to 128 bytes; bytes
    /// beyond 128 are ignored.
    /// </summary>
    /// <param name="input">Two encoded G1 points.</param>
    /// <param name="output64">Receives the encoded sum.</param>
    /// <returns><see langword="false"/> when a coordinate is p or more or a point is not on the curve.</returns>
    /// <exception cref="ArgumentException"><paramref name="output64"/> is shorter than 64 bytes.</exception>
    public static bool TryAdd(ReadOnlySpan<byte> input, Span<byte> output64)
    {
        CheckOutput(output64);
        Span<byte> padded = stackalloc byte[AddInputLength];
        Pad(input, padded);
        if (!TryReadG1(padded[..G1Length], out var a) || !TryReadG1(padded[G1Length..], out var b))
        {
            return false;
        }

        WriteG1(JacobianPoint<Fp>.Add(a, b), output64);
        return true;
    }

    /// <summary>
    /// ECMUL: multiplies a G1 point by a 256-bit scalar, which may be any value (it is not reduced modulo the
    /// group order first). The input is read as if right-padded with zeros to 96 bytes.
    /// </summary>
    /// <param name="input">An encoded G1 point followed by a 32-byte big-endian scalar.</param>
    /// <param name="output64">Receives the encoded product.</param>
    /// <returns><see langword="false"/> when a coordinate is p or more or the point is not on the curve.</returns>
    /// <exception cref="ArgumentException"><paramref name="output64"/> is shorter than 64 bytes.</exception>
    public static bool TryMultiply(ReadOnlySpan<byte> input, Span<byte> output64)
    {
        CheckOutput(output64);
        Span<byte> padded = stackalloc byte[MultiplyInputLength];
        Pad(input, padded);
        if (!TryReadG1(padded[..G1Length], out var point))
        {
            return false;
        }

        WriteG1(G1Multiplication.Multiply(point, padded[G1Length..]), output64);
        return true;
    }

    /// <summary>
    /// ECPAIRING: whether e(a1, b1) * ... * e(ak, bk) = 1 for k pairs of a G1 point and a G2 point. Empty
    /// input gives <see langword="true"/>; a pair with a point at infinity contributes 1.
    /// </summary>
    /// <param name="input">k pairs of 192 bytes.</param>
    /// <param name="result">The outcome of the check when the input is valid.</param>
    /// <returns>
    /// <see langword="false"/> when the length is not a multiple of 192, a coordinate is p or more, a G1 point
    /// is not on the curve, or a G2 point is not on the twist or not in the order-r subgroup.
    /// </returns>
    public static bool TryPairingCheck(ReadOnlySpan<byte> input, out bool result)
    {
        result = false;
        if (input.Length % PairLength != 0)
        {
            return false;
        }

        var count = input.Length / PairLength;
        var pairs = count <= StackPairs ? stackalloc PairingInput[count] : new PairingInput[count];
        var used = 0;
        for (var i = 0; i < count; i++)
        {
            var encoded = input.Slice(i * PairLength, PairLength);
            if (!TryReadAffineG1(encoded[..G1Length], out var px, out var py, out var pInfinity)
                || !TryReadAffineG2(encoded[G1Length..], out var qx, out var qy, out var qInfinity))
            {
                return false;
            }

            if (!pInfinity && !qInfinity)
            {
                pairs[used++] = new PairingInput(px, py, qx, qy);
            }
        }

        result = Pairing.ProductIsOne(pairs[..used]);
        return true;
    }

    internal static bool TryReadG1(ReadOnlySpan<byte> encoded64, out JacobianPoint<Fp> point)
    {
        if (!TryReadAffineG1(encoded64, out var x, out var y, out var infinity))
        {
            point = default;
            return false;
        }

        point = infinity ? JacobianPoint<Fp>.Infinity : JacobianPoint<Fp>.FromAffine(x, y);
        return true;
    }

    internal static void WriteG1(in JacobianPoint<Fp> point, Span<byte> output64)
    {
        point.ToAffine(out var x, out var y);
        x.Write(output64[..32]);
        y.Write(output64[32..G1Length]);
    }

    /// <summary>Reads an affine G1 point; G1 has cofactor 1, so being on the curve is membership.</summary>
    private static bool TryReadAffineG1(ReadOnlySpan<byte> encoded64, out Fp x, out Fp y, out bool infinity)
    {
        infinity = false;
        if (!Fp.TryRead(encoded64[..32], out x) | !Fp.TryRead(encoded64[32..G1Length], out y))
        {
            return false;
        }

        if (x.IsZero && y.IsZero)
        {
            infinity = true;
            return true;
        }

        return JacobianPoint<Fp>.IsOnCurve(x, y, Bn254Parameters.CurveB);
    }

    /// <summary>Reads an affine G2 point and checks that it is on the twist and in the order-r subgroup.</summary>
    private static bool TryReadAffineG2(ReadOnlySpan<byte> encoded128, out Fp2 x, out Fp2 y, out bool infinity)
    {
        infinity = false;
        x = default;
        y = default;
        if (!Fp.TryRead(encoded128[..32], out var xi) | !Fp.TryRead(encoded128[32..64], out var xr)
            | !Fp.TryRead(encoded128[64..96], out var yi) | !Fp.TryRead(encoded128[96..G2Length], out var yr))
        {
            return false;
        }

        x = new Fp2(xr, xi);
        y = new Fp2(yr, yi);
        if (x.IsZero && y.IsZero)
        {
            infinity = true;
            return true;
        }

        return JacobianPoint<Fp2>.IsOnCurve(x, y, Bn254Parameters.TwistB) && G2Subgroup.Contains(x, y);
    }

    private static void Pad(ReadOnlySpan<byte> input, Span<byte> padded)
    {
        var length = Math.Min(input.Length, padded.Length);
        input[..length].CopyTo(padded);
        padded[length..].Clear();
    }

    private static void CheckOutput(Span<byte> output64)
    {
        if (output64.Length < G1Length)
        {
            throw new ArgumentException("The output must hold 64 bytes.", nameof(output64));
        }
    }
}
