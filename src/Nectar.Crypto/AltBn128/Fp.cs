using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Nectar.Crypto.AltBn128;

/// <summary>
/// An element of the bn254 base field F_p, p = 0x30644e72...d87cfd47, kept in Montgomery form
/// (a * 2^256 mod p) as four little-endian 64-bit limbs, always fully reduced.
/// </summary>
/// <remarks>
/// The top limb of p is below 2^62, which lets the multiplication drop the extra carry word of the
/// textbook CIOS loop: every intermediate fits in four limbs plus the carry returned by each row.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal readonly partial struct Fp : IFieldElement<Fp>, IEquatable<Fp>
{
    /// <summary>Length of a big-endian encoded element.</summary>
    public const int ByteLength = 32;

    internal const ulong P0 = 0x3C208C16D87CFD47;
    internal const ulong P1 = 0x97816A916871CA8D;
    internal const ulong P2 = 0xB85045B68181585D;
    internal const ulong P3 = 0x30644E72E131A029;

    /// <summary>-p^-1 mod 2^64, the Montgomery reduction factor.</summary>
    private const ulong Inv = 0x87D20782E4866389;

    /// <summary>2^512 mod p: multiplying by it moves a plain value into Montgomery form.</summary>
    private static readonly Fp R2 = new(0xF32CFC5B538AFA89, 0xB5E71911D44501FB, 0x47AB1EFF0A417FF6, 0x06D89F71CAB8351F);

    public readonly ulong U0;
    public readonly ulong U1;
    public readonly ulong U2;
    public readonly ulong U3;

    /// <summary>Builds an element from raw limbs that are already in Montgomery form and below p.</summary>
    internal Fp(ulong u0, ulong u1, ulong u2, ulong u3)
    {
        U0 = u0;
        U1 = u1;
        U2 = u2;
        U3 = u3;
    }

    public static Fp Zero => default;

    /// <summary>1 in Montgomery form: 2^256 mod p.</summary>
    public static Fp One { get; } = new(0xD35D438DC58F0D9D, 0x0A78EB28F5C70B3D, 0x666EA36F7879462C, 0x0E0A77C19A07DF2F);

    public bool IsZero => (U0 | U1 | U2 | U3) == 0;

    /// <summary>Converts a canonical value (below p, little-endian limbs, not in Montgomery form) into the field.</summary>
    public static Fp FromCanonical(ulong u0, ulong u1, ulong u2, ulong u3) => new Fp(u0, u1, u2, u3) * R2;

    /// <summary>Converts a small integer into the field.</summary>
    public static Fp FromUInt64(ulong value) => new Fp(value, 0, 0, 0) * R2;

    /// <summary>
    /// Reads a 32-byte big-endian integer; fails (without reducing) when it is p or larger, as the
    /// precompiles require.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> bigEndian32, out Fp value)
    {
        var u3 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32);
        var u2 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[8..]);
        var u1 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[16..]);
        var u0 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[24..]);
        if (!LessThanModulus(u0, u1, u2, u3))
        {
            value = default;
            return false;
        }

        value = new Fp(u0, u1, u2, u3) * R2;
        return true;
    }

    /// <summary>Writes the canonical value (out of Montgomery form) as 32 big-endian bytes.</summary>
    public void Write(Span<byte> bigEndian32)
    {
        var plain = this * new Fp(1, 0, 0, 0);
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian32, plain.U3);
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian32[8..], plain.U2);
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian32[16..], plain.U1);
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian32[24..], plain.U0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator +(in Fp a, in Fp b)
    {
        ulong carry = 0;
        var s0 = AddWithCarry(a.U0, b.U0, ref carry);
        var s1 = AddWithCarry(a.U1, b.U1, ref carry);
        var s2 = AddWithCarry(a.U2, b.U2, ref carry);
        var s3 = a.U3 + b.U3 + carry;

        // Both operands are below p < 2^254, so the sum fits in four limbs; one subtraction reduces it.
        return ReduceOnce(s0, s1, s2, s3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator -(in Fp a, in Fp b)
    {
        ulong borrow = 0;
        var d0 = SubtractWithBorrow(a.U0, b.U0, ref borrow);
        var d1 = SubtractWithBorrow(a.U1, b.U1, ref borrow);
        var d2 = SubtractWithBorrow(a.U2, b.U2, ref borrow);
        var d3 = SubtractWithBorrow(a.U3, b.U3, ref borrow);
        if (borrow != 0)
        {
            ulong carry = 0;
            d0 = AddWithCarry(d0, P0, ref carry);
            d1 = AddWithCarry(d1, P1, ref carry);
            d2 = AddWithCarry(d2, P2, ref carry);
            d3 = d3 + P3 + carry;
        }

        return new Fp(d0, d1, d2, d3);
    }

    public static Fp operator -(in Fp a) => a.IsZero ? a : Zero - a;

    /// <summary>Montgomery product a * b / 2^256 mod p, one CIOS row per limb of <paramref name="a"/>.</summary>
    [SkipLocalsInit]
    public static Fp operator *(in Fp a, in Fp b)
    {
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        MultiplyRow(a.U0, b, ref t0, ref t1, ref t2, ref t3);
        MultiplyRow(a.U1, b, ref t0, ref t1, ref t2, ref t3);
        MultiplyRow(a.U2, b, ref t0, ref t1, ref t2, ref t3);
        MultiplyRow(a.U3, b, ref t0, ref t1, ref t2, ref t3);
        return ReduceOnce(t0, t1, t2, t3);
    }

    public static bool operator ==(in Fp a, in Fp b) => a.Equals(b);

    public static bool operator !=(in Fp a, in Fp b) => !a.Equals(b);

    public static Fp Add(in Fp a, in Fp b) => a + b;

    public static Fp Subtract(in Fp a, in Fp b) => a - b;

    public static Fp Multiply(in Fp a, in Fp b) => a * b;

    public static Fp Negate(in Fp a) => -a;

    public static Fp Square(in Fp a) => a * a;

    public static Fp Double(in Fp a) => a + a;

    public bool Equals(Fp other) => ((U0 ^ other.U0) | (U1 ^ other.U1) | (U2 ^ other.U2) | (U3 ^ other.U3)) == 0;

    public override bool Equals(object? obj) => obj is Fp other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(U0, U1, U2, U3);

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[ByteLength];
        Write(bytes);
        return "0x" + Convert.ToHexStringLower(bytes);
    }

    /// <summary>
    /// One CIOS row: t = (t + v * b + m * p) / 2^64 with m chosen to clear the low limb. The carry word of
    /// the textbook loop is always zero here because p's top limb is below 2^62.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyRow(ulong v, in Fp b, ref ulong t0, ref ulong t1, ref ulong t2, ref ulong t3)
    {
        var c = MultiplyAdd(v, b.U0, t0, 0, out var lo);
        var m = lo * Inv;

        // m * p0 + lo is 0 modulo 2^64 by the choice of m, so it carries exactly when lo is not zero.
        var d = MultiplyHigh(m, P0) + (lo != 0 ? 1UL : 0UL);

        c = MultiplyAdd(v, b.U1, t1, c, out lo);
        d = MultiplyAdd(m, P1, lo, d, out t0);

        c = MultiplyAdd(v, b.U2, t2, c, out lo);
        d = MultiplyAdd(m, P2, lo, d, out t1);

        c = MultiplyAdd(v, b.U3, t3, c, out lo);
        d = MultiplyAdd(m, P3, lo, d, out t2);

        t3 = c + d;
    }

    /// <summary>x * y + a + b as a 128-bit value: returns the high limb, <paramref name="low"/> the low one. Cannot overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyAdd(ulong x, ulong y, ulong a, ulong b, out ulong low)
    {
        // mulx for the high half and a plain multiply for the low half keep both in registers;
        // Math.BigMul returns the low half through memory, which puts a store and a reload on the
        // critical path of every limb product.
        var high = MultiplyHigh(x, y);
        var l = x * y;
        l += a;
        high += l < a ? 1UL : 0UL;
        l += b;
        high += l < b ? 1UL : 0UL;
        low = l;
        return high;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyHigh(ulong x, ulong y) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(x, y) : Math.BigMul(x, y, out _);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddWithCarry(ulong x, ulong y, ref ulong carry)
    {
        var sum = x + y;
        var c1 = sum < x ? 1UL : 0UL;
        var result = sum + carry;
        var c2 = result < sum ? 1UL : 0UL;
        carry = c1 | c2;
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SubtractWithBorrow(ulong x, ulong y, ref ulong borrow)
    {
        var difference = x - y;
        var b1 = x < y ? 1UL : 0UL;
        var result = difference - borrow;
        var b2 = difference < borrow ? 1UL : 0UL;
        borrow = b1 | b2;
        return result;
    }

    /// <summary>Maps a value below 2p into [0, p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp ReduceOnce(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        ulong borrow = 0;
        var d0 = SubtractWithBorrow(s0, P0, ref borrow);
        var d1 = SubtractWithBorrow(s1, P1, ref borrow);
        var d2 = SubtractWithBorrow(s2, P2, ref borrow);
        var d3 = SubtractWithBorrow(s3, P3, ref borrow);
        return borrow != 0 ? new Fp(s0, s1, s2, s3) : new Fp(d0, d1, d2, d3);
    }

    private static bool LessThanModulus(ulong u0, ulong u1, ulong u2, ulong u3)
    {
        ulong borrow = 0;
        _ = SubtractWithBorrow(u0, P0, ref borrow);
        _ = SubtractWithBorrow(u1, P1, ref borrow);
        _ = SubtractWithBorrow(u2, P2, ref borrow);
        _ = SubtractWithBorrow(u3, P3, ref borrow);
        return borrow != 0;
    }
}
