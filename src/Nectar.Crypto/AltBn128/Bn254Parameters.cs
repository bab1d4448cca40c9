using System.Numerics;

namespace Nectar.Crypto.AltBn128;

/// <summary>
/// The parameters of the BN curve alt_bn128, all derived from its seed x = 4965661367192848881:
/// p = 36x^4 + 36x^3 + 24x^2 + 6x + 1 and r = 36x^4 + 36x^3 + 18x^2 + 6x + 1.
/// </summary>
internal static class Bn254Parameters
{
    /// <summary>The BN seed x (positive for this curve).</summary>
    public const ulong Seed = 4965661367192848881;

    /// <summary>The base field modulus p.</summary>
    public static readonly BigInteger FieldModulus = BigInteger.Parse(
        "21888242871839275222246405745257275088696311157297823662689037894645226208583",
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The prime order r of G1, G2 and the target group.</summary>
    public static readonly BigInteger GroupOrder = BigInteger.Parse(
        "21888242871839275222246405745257275088548364400416034343698204186575808495617",
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The group order r as 32 big-endian bytes, the scalar of the G2 subgroup check.</summary>
    public static ReadOnlySpan<byte> GroupOrderBytes =>
    [
        0x30, 0x64, 0x4E, 0x72, 0xE1, 0x31, 0xA0, 0x29, 0xB8, 0x50, 0x45, 0xB6, 0x81, 0x81, 0x58, 0x5D,
        0x28, 0x33, 0xE8, 0x48, 0x79, 0xB9, 0x70, 0x91, 0x43, 0xE1, 0xF5, 0x93, 0xF0, 0x00, 0x00, 0x01,
    ];

    /// <summary>
    /// The optimal ate loop count 6x + 2 in non-adjacent form, least significant digit first; the top
    /// digit (index 65) is 1.
    /// </summary>
    public static ReadOnlySpan<sbyte> AteLoopNaf =>
    [
        0, 0, 0, 1, 0, 1, 0, -1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, -1, 0, 0, 0, 1, 0, -1, 0, 0, 0, 0, -1, 0,
        0, 1, 0, -1, 0, 0, 1, 0, 0, 0, 0, 0, -1, 0, 0, -1, 0, 1, 0, -1, 0, 0, 0, -1, 0, -1, 0, 0, 0, 1, 0, -1,
        0, 1,
    ];

    /// <summary>The G1 curve constant b = 3 (y^2 = x^3 + 3).</summary>
    public static readonly Fp CurveB = Fp.FromUInt64(3);

    /// <summary>The twist constant b' = 3 / xi (y^2 = x^3 + 3 / (9 + u)) of the curve that carries G2.</summary>
    public static readonly Fp2 TwistB = new Fp2(CurveB, Fp.Zero) * Fp2.Inverse(Fp2.Xi);
}
