using System.Numerics;
using Nectar.Crypto.Bls12381;

namespace Nectar.Crypto.Tests.Bls12381;

/// <summary>Deterministic generators of field elements, scalars and points for the property tests.</summary>
internal sealed class Random381(int seed)
{
    internal static readonly BigInteger P = BigInteger.Parse("01a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    internal static readonly BigInteger R = BigInteger.Parse("073eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    private readonly Random _random = new(seed);

    internal Fp NextFp()
    {
        var bytes = new byte[64];
        _random.NextBytes(bytes);
        return Fp.FromBytesWide(bytes);
    }

    internal Fp2 NextFp2() => new(NextFp(), NextFp());

    internal Fp6 NextFp6() => new(NextFp2(), NextFp2(), NextFp2());

    internal Fp12 NextFp12() => new(NextFp6(), NextFp6());

    /// <summary>A uniformly distributed 32-byte big-endian scalar below r.</summary>
    internal byte[] NextScalar()
    {
        var bytes = new byte[48];
        _random.NextBytes(bytes);
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true) % R;
        return ToBytes32(value);
    }

    internal G1Projective NextG1() => G1Projective.Generator.Multiply(NextScalar());

    internal G2Projective NextG2() => G2Projective.Generator.Multiply(NextScalar());

    internal static byte[] ToBytes32(BigInteger value)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var bytes = new byte[32];
        raw.CopyTo(bytes.AsSpan(32 - raw.Length));
        return bytes;
    }

    internal static BigInteger ToBig(Fp value) => new(value.ToBytes(), isUnsigned: true, isBigEndian: true);

    internal static Fp FromBig(BigInteger value)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var bytes = new byte[48];
        raw.CopyTo(bytes.AsSpan(48 - raw.Length));
        return Fp.FromBytes(bytes);
    }

    internal static Fp FromHex(string hex)
    {
        var value = BigInteger.Parse("0" + hex.Replace("0x", "", StringComparison.Ordinal), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        return FromBig(value);
    }
}
