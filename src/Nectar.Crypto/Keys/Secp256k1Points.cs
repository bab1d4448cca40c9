using System.Runtime.CompilerServices;
using Nectar.Core.Numerics;
using Nectar.Crypto.AltBn128;

namespace Nectar.Crypto.Keys;

/// <summary>
/// The secp256k1 operations key derivation needs, in managed code over the project's Jacobian arithmetic: public
/// keys of private keys, SEC1 compression, and scalar addition modulo the group order.
/// </summary>
/// <remarks>Variable-time: meant for development and test keys, not for keys that guard value.</remarks>
internal static class Secp256k1Points
{
    /// <summary>Length of a SEC1 compressed public key: a parity tag and X.</summary>
    public const int CompressedLength = 33;

    /// <summary>The group order n.</summary>
    public static readonly UInt256 Order = new(Secp256k1Curve.Order);

    private static readonly JacobianPoint<Secp256k1Field> Generator = JacobianPoint<Secp256k1Field>.FromAffine(
        Field("0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"),
        Field("0x483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8"));

    private static readonly Secp256k1Field B = Field("0x7");

    /// <summary>Whether the generator satisfies y^2 = x^3 + 7 (a self-check for the tests).</summary>
    public static bool GeneratorIsOnCurve
    {
        get
        {
            Generator.ToAffine(out var x, out var y);
            return JacobianPoint<Secp256k1Field>.IsOnCurve(x, y, B);
        }
    }

    /// <summary>Computes the uncompressed public key (X then Y, without the 0x04 tag) of a private key.</summary>
    /// <param name="privateKey32">The private key, big-endian, in [1, n - 1].</param>
    /// <param name="publicKey64">Receives X and Y.</param>
    /// <returns><see langword="false"/> when the key is out of range or a length is wrong.</returns>
    [SkipLocalsInit]
    public static bool TryGetPublicKey(ReadOnlySpan<byte> privateKey32, Span<byte> publicKey64)
    {
        if (!Secp256k1Curve.IsInScalarRange(privateKey32) || publicKey64.Length < Secp256k1Curve.PublicKeyLength)
        {
            return false;
        }

        var point = JacobianPoint<Secp256k1Field>.Multiply(Generator, privateKey32);
        point.ToAffine(out var x, out var y);
        x.Value.ToBigEndian(publicKey64[..32]);
        y.Value.ToBigEndian(publicKey64[32..64]);
        return true;
    }

    /// <summary>SEC1 compression: 0x02 for even Y, 0x03 for odd, then X.</summary>
    /// <param name="publicKey64">X then Y, big-endian.</param>
    /// <param name="compressed33">Receives the compressed key.</param>
    public static void Compress(ReadOnlySpan<byte> publicKey64, Span<byte> compressed33)
    {
        compressed33[0] = (byte)(0x02 | (publicKey64[63] & 1));
        publicKey64[..32].CopyTo(compressed33[1..]);
    }

    /// <summary>(a + b) mod n for a, b below n.</summary>
    public static UInt256 AddModOrder(in UInt256 a, in UInt256 b)
    {
        UInt256.AddMod(a, b, Order, out var sum);
        return sum;
    }

    private static Secp256k1Field Field(string hex)
    {
        Secp256k1Field.TryCreate(UInt256.Parse(hex), out var element);
        return element;
    }
}
