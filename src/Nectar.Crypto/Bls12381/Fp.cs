using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Nectar.Crypto.Bls12381;

/// <summary>
/// An element of the BLS12-381 base field F_p, p = 0x1a0111ea...ffffaaab (381 bits), held as six 64-bit limbs
/// in Montgomery form (a·2^384 mod p), least significant limb first.
/// </summary>
/// <remarks>Arithmetic runs in variable time: it is meant for verification of public data.</remarks>
public readonly partial struct Fp : IEquatable<Fp>, IField<Fp>
{
    /// <summary>Length of the canonical big-endian encoding.</summary>
    public const int ByteLength = 48;

    // The modulus p, least significant limb first.
    internal const ulong P0 = 0xb9feffffffffaaab;
    internal const ulong P1 = 0x1eabfffeb153ffff;
    internal const ulong P2 = 0x6730d2a0f6b0f624;
    internal const ulong P3 = 0x64774b84f38512bf;
    internal const ulong P4 = 0x4b1ba7b6434bacd7;
    internal const ulong P5 = 0x1a0111ea397fe69a;

    // -p^-1 mod 2^64, the Montgomery reduction factor.
    internal const ulong Inv = 0x89f3fffcfffcfffd;

    // R^2 mod p with R = 2^384: multiplying by it moves a value into Montgomery form.
    private static readonly Fp R2 = new(0xf4df1f341c341746, 0x0a76e6a609d104f1, 0x8de5476c4c95b6d5, 0x67eb88a9939d83c0, 0x9a793e85b519952d, 0x11988fe592cae3aa);

    // 2^256 in Montgomery form, used to reduce 64-byte inputs as hi·2^256 + lo.
    private static readonly Fp TwoPow256 = FromRaw(0, 0, 0, 0, 1, 0);

    internal readonly ulong L0;
    internal readonly ulong L1;
    internal readonly ulong L2;
    internal readonly ulong L3;
    internal readonly ulong L4;
    internal readonly ulong L5;

    internal Fp(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
        L4 = l4;
        L5 = l5;
    }

    private static readonly Fp CurveBValue = FromUInt64(4);

    /// <summary>The additive identity.</summary>
    public static Fp Zero => default;

    /// <summary>The multiplicative identity (R mod p in Montgomery form).</summary>
    public static Fp One { get; } = new(0x760900000002fffd, 0xebf4000bc40c0002, 0x5f48985753c758ba, 0x77ce585370525745, 0x5c071a97a256ec6d, 0x15f65ec3fa80e493);

    /// <summary>True when this is zero.</summary>
    public bool IsZero => (L0 | L1 | L2 | L3 | L4 | L5) == 0;

    /// <summary>True when this is one.</summary>
    public bool IsOne => Equals(One);

    /// <summary>Builds an element from a small integer.</summary>
    public static Fp FromUInt64(ulong value) => FromRaw(value, 0, 0, 0, 0, 0);

    /// <summary>Parses a canonical 48-byte big-endian integer; fails when the length is wrong or the value is not below p.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bigEndian, out Fp value)
    {
        if (bigEndian.Length != ByteLength)
        {
            value = default;
            return false;
        }

        var l5 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian);
        var l4 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian[8..]);
        var l3 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian[16..]);
        var l2 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian[24..]);
        var l1 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian[32..]);
        var l0 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian[40..]);
        if (!LessThanModulus(l0, l1, l2, l3, l4, l5))
        {
            value = default;
            return false;
        }

        value = FromRaw(l0, l1, l2, l3, l4, l5);
        return true;
    }

    /// <summary>Parses a canonical 48-byte big-endian integer; throws when it is not below p.</summary>
    public static Fp FromBytes(ReadOnlySpan<byte> bigEndian) =>
        TryFromBytes(bigEndian, out var value) ? value : throw new ArgumentException("Not a canonical field element.", nameof(bigEndian));

    /// <summary>Reduces a 64-byte big-endian integer modulo p (the hash_to_field step of RFC 9380 with L = 64).</summary>
    public static Fp FromBytesWide(ReadOnlySpan<byte> bigEndian64)
    {
        if (bigEndian64.Length != 64)
        {
            throw new ArgumentException("Expected 64 bytes.", nameof(bigEndian64));
        }

        var hi = FromRaw(
            BinaryPrimitives.ReadUInt64BigEndian(bigEndian64[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(bigEndian64[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bigEndian64[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bigEndian64),
            0,
            0);
        var lo = FromRaw(
            BinaryPrimitives.ReadUInt64BigEndian(bigEndian64[56..]),
            BinaryPrimitives.ReadUInt64BigEndian(bigEndian64[48..]),
            BinaryPrimitives.ReadUInt64BigEndian(bigEndian64[40..]),
            BinaryPrimitives.ReadUInt64BigEndian(bigEndian64[32..]),
            0,
            0);
        return (hi * TwoPow256) + lo;
    }

    /// <summary>Writes the canonical 48-byte big-endian encoding.</summary>
    public void WriteBytes(Span<byte> destination)
    {
        if (destination.Length < ByteLength)
        {
            throw new ArgumentException("Destination too short.", nameof(destination));
        }

        var c = ToCanonical();
        BinaryPrimitives.WriteUInt64BigEndian(destination, c.L5);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], c.L4);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], c.L3);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], c.L2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[32..], c.L1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[40..], c.L0);
    }

    /// <summary>The canonical 48-byte big-endian encoding.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[ByteLength];
        WriteBytes(bytes);
        return bytes;
    }

    /// <summary>The parity of the canonical value: sgn0 of RFC 9380 for F_p.</summary>
    public bool Sgn0 => (ToCanonical().L0 & 1) != 0;

    /// <summary>True when the canonical value exceeds (p-1)/2: the "sign" of the ZCash point encoding.</summary>
    public bool IsLexicographicallyLargest
    {
        get
        {
            // v > (p-1)/2  <=>  2v > p-1  <=>  2v >= p; 2v fits in 384 bits because p < 2^381.
            var c = ToCanonical();
            var d0 = c.L0 << 1;
            var d1 = (c.L1 << 1) | (c.L0 >> 63);
            var d2 = (c.L2 << 1) | (c.L1 >> 63);
            var d3 = (c.L3 << 1) | (c.L2 >> 63);
            var d4 = (c.L4 << 1) | (c.L3 >> 63);
            var d5 = (c.L5 << 1) | (c.L4 >> 63);
            return !LessThanModulus(d0, d1, d2, d3, d4, d5);
        }
    }

    /// <summary>Builds a Montgomery-form element from a plain integer below 2^384 given as limbs.</summary>
    internal static Fp FromRaw(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5)
    {
        var raw = new Fp(l0, l1, l2, l3, l4, l5);
        Mul(in raw, in R2, out var result);
        return result;
    }

    /// <summary>Leaves Montgomery form: the plain integer value as limbs.</summary>
    internal Fp ToCanonical()
    {
        var one = new Fp(1, 0, 0, 0, 0, 0);
        Mul(in this, in one, out var result);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool LessThanModulus(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5)
    {
        // Compute l - p and look at the final borrow.
        ulong borrow = 0;
        _ = SubBorrow(l0, P0, ref borrow);
        _ = SubBorrow(l1, P1, ref borrow);
        _ = SubBorrow(l2, P2, ref borrow);
        _ = SubBorrow(l3, P3, ref borrow);
        _ = SubBorrow(l4, P4, ref borrow);
        _ = SubBorrow(l5, P5, ref borrow);
        return borrow != 0;
    }

    /// <inheritdoc />
    static Fp IField<Fp>.CurveB => CurveBValue;

    /// <inheritdoc />
    public bool Equals(Fp other) =>
        ((L0 ^ other.L0) | (L1 ^ other.L1) | (L2 ^ other.L2) | (L3 ^ other.L3) | (L4 ^ other.L4) | (L5 ^ other.L5)) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fp other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(L0, L1, L2, L3, L4, L5);

    /// <summary>Hex of the canonical value, for diagnostics.</summary>
    public override string ToString() => "0x" + Convert.ToHexStringLower(ToBytes());

    /// <summary>Equality of field elements.</summary>
    public static bool operator ==(Fp left, Fp right) => left.Equals(right);

    /// <summary>Inequality of field elements.</summary>
    public static bool operator !=(Fp left, Fp right) => !left.Equals(right);
}
