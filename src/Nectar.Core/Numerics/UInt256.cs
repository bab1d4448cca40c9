using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace Nectar.Core.Numerics;

/// <summary>
/// A 256-bit unsigned integer with EVM semantics: arithmetic wraps modulo 2^256, division and modulo by
/// zero give zero, and the signed operations read the value as two's complement.
/// </summary>
/// <remarks>
/// The value is four 64-bit limbs in little-endian limb order (<see cref="U0"/> is the least significant).
/// The static methods take <c>in</c> arguments and write <c>out</c> results so the interpreter moves no
/// more than it has to; the operators are for ordinary code. No operation allocates.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
[SkipLocalsInit]
public readonly partial struct UInt256 :
    IEquatable<UInt256>, IComparable<UInt256>, IComparable, ISpanFormattable, IUtf8SpanFormattable, ISpanParsable<UInt256>
{
    /// <summary>Zero.</summary>
    public static readonly UInt256 Zero;

    /// <summary>One.</summary>
    public static readonly UInt256 One = new(1, 0, 0, 0);

    /// <summary>2^256 - 1, every bit set (also -1 in two's complement).</summary>
    public static readonly UInt256 MaxValue = new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    // Per-process keys for GetHashCode: storage slots and balances are chosen by users, so a fixed hash
    // would let anyone fill one dictionary bucket on purpose.
    private static readonly ulong HashKey0 = RandomKey();
    private static readonly ulong HashKey1 = RandomKey();
    private static readonly ulong HashKey2 = RandomKey();
    private static readonly ulong HashKey3 = RandomKey();

    /// <summary>Bits 0 to 63, the least significant limb.</summary>
    public readonly ulong U0;

    /// <summary>Bits 64 to 127.</summary>
    public readonly ulong U1;

    /// <summary>Bits 128 to 191.</summary>
    public readonly ulong U2;

    /// <summary>Bits 192 to 255, the most significant limb.</summary>
    public readonly ulong U3;

    /// <summary>Creates a value from its four limbs, least significant first.</summary>
    /// <param name="u0">Bits 0 to 63.</param>
    /// <param name="u1">Bits 64 to 127.</param>
    /// <param name="u2">Bits 128 to 191.</param>
    /// <param name="u3">Bits 192 to 255.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public UInt256(ulong u0, ulong u1, ulong u2, ulong u3)
    {
        U0 = u0;
        U1 = u1;
        U2 = u2;
        U3 = u3;
    }

    /// <summary>Creates a value from a 64-bit unsigned integer.</summary>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public UInt256(ulong value)
    {
        U0 = value;
        U1 = 0;
        U2 = 0;
        U3 = 0;
    }

    /// <summary>Whether the value is zero.</summary>
    public bool IsZero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (U0 | U1 | U2 | U3) == 0;
    }

    /// <summary>Whether the value is one.</summary>
    public bool IsOne
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ((U0 ^ 1) | U1 | U2 | U3) == 0;
    }

    /// <summary>Whether the value fits in 64 bits.</summary>
    public bool IsUInt64
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (U1 | U2 | U3) == 0;
    }

    /// <summary>Whether this value equals <paramref name="other"/>.</summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns><see langword="true"/> when all 256 bits are equal.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equals(UInt256 other) => Equals(in this, in other);

    /// <summary>Whether <paramref name="obj"/> is a <see cref="UInt256"/> equal to this value.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns><see langword="true"/> when <paramref name="obj"/> is an equal <see cref="UInt256"/>.</returns>
    public override bool Equals(object? obj) => obj is UInt256 other && Equals(in this, in other);

    /// <summary>Whether two values are equal.</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns><see langword="true"/> when all 256 bits are equal.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equals(in UInt256 a, in UInt256 b)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            return AsVector(in a) == AsVector(in b);
        }

        return ((a.U0 ^ b.U0) | (a.U1 ^ b.U1) | (a.U2 ^ b.U2) | (a.U3 ^ b.U3)) == 0;
    }

    /// <summary>A hash of all four limbs, keyed per process.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        // Two keyed 64x64->128 multiplications folded together (the "mum" mix): every input bit reaches
        // the output, and collisions cannot be planned without the keys.
        var h0 = BigMul(U0 ^ HashKey0, U1 ^ HashKey1, out var l0);
        var h1 = BigMul(U2 ^ HashKey2, U3 ^ HashKey3, out var l1);
        var mixed = (h0 ^ l0) + (h1 ^ l1) * 0x9E3779B97F4A7C15UL;
        return (int)(mixed ^ (mixed >> 32));
    }

    /// <summary>Orders two values as unsigned integers.</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns>Negative when <paramref name="a"/> is smaller, zero when equal, positive when larger.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Compare(in UInt256 a, in UInt256 b)
    {
        // Most significant limb first: most values in contracts are small, so the high limbs are usually
        // equal (zero) and the answer comes from the first limbs that differ.
        if (a.U3 != b.U3)
        {
            return a.U3 < b.U3 ? -1 : 1;
        }

        if (a.U2 != b.U2)
        {
            return a.U2 < b.U2 ? -1 : 1;
        }

        if (a.U1 != b.U1)
        {
            return a.U1 < b.U1 ? -1 : 1;
        }

        return a.U0 == b.U0 ? 0 : a.U0 < b.U0 ? -1 : 1;
    }

    /// <summary>Whether <paramref name="a"/> is smaller than <paramref name="b"/> as unsigned integers.</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="a"/> &lt; <paramref name="b"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessThan(in UInt256 a, in UInt256 b)
    {
        if (a.U3 != b.U3)
        {
            return a.U3 < b.U3;
        }

        if (a.U2 != b.U2)
        {
            return a.U2 < b.U2;
        }

        if (a.U1 != b.U1)
        {
            return a.U1 < b.U1;
        }

        return a.U0 < b.U0;
    }

    /// <summary>Orders this value against another as unsigned integers.</summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns>Negative when this value is smaller, zero when equal, positive when larger.</returns>
    public int CompareTo(UInt256 other) => Compare(in this, in other);

    /// <summary>Orders this value against an object, which must be a <see cref="UInt256"/> or null.</summary>
    /// <param name="obj">The object to compare with; null sorts first.</param>
    /// <returns>Negative when this value is smaller, zero when equal, positive when larger.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="UInt256"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        UInt256 other => Compare(in this, in other),
        _ => throw new ArgumentException($"Cannot compare a UInt256 with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Whether two values are equal.</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns><see langword="true"/> when all 256 bits are equal.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator ==(in UInt256 a, in UInt256 b) => Equals(in a, in b);

    /// <summary>Whether two values differ.</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns><see langword="true"/> when any bit differs.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator !=(in UInt256 a, in UInt256 b) => !Equals(in a, in b);

    /// <summary>Unsigned less-than.</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="a"/> &lt; <paramref name="b"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <(in UInt256 a, in UInt256 b) => LessThan(in a, in b);

    /// <summary>Unsigned greater-than.</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="a"/> &gt; <paramref name="b"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >(in UInt256 a, in UInt256 b) => LessThan(in b, in a);

    /// <summary>Unsigned less-than-or-equal.</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="a"/> &lt;= <paramref name="b"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <=(in UInt256 a, in UInt256 b) => !LessThan(in b, in a);

    /// <summary>Unsigned greater-than-or-equal.</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="a"/> &gt;= <paramref name="b"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >=(in UInt256 a, in UInt256 b) => !LessThan(in a, in b);

    /// <summary>Reads the value as one 256-bit vector (the layout is four sequential limbs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> AsVector(in UInt256 value) =>
        Unsafe.As<UInt256, Vector256<ulong>>(ref Unsafe.AsRef(in value));

    /// <summary>Reinterprets a vector as a value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FromVector(Vector256<ulong> vector, out UInt256 result)
    {
        Unsafe.SkipInit(out result);
        Unsafe.As<UInt256, Vector256<ulong>>(ref result) = vector;
    }

    /// <summary>The limb at <paramref name="index"/> (0 to 3) without a bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Limb(in UInt256 value, int index) =>
        Unsafe.Add(ref Unsafe.AsRef(in value.U0), index);

    private static ulong RandomKey()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt64(bytes) | 1;
    }
}
