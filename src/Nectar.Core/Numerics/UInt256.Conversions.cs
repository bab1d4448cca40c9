using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Nectar.Core.Numerics;

public readonly partial struct UInt256
{
    /// <summary>Creates a value from 0 to 32 big-endian bytes; shorter input is left-padded with zeros.</summary>
    /// <param name="bigEndian">The bytes, most significant first.</param>
    /// <exception cref="ArgumentException">More than 32 bytes.</exception>
    public UInt256(ReadOnlySpan<byte> bigEndian)
    {
        if (bigEndian.Length == 32)
        {
            U3 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian);
            U2 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian[8..]);
            U1 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian[16..]);
            U0 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian[24..]);
            return;
        }

        if (bigEndian.Length > 32)
        {
            ThrowTooManyBytes(bigEndian.Length);
        }

        Span<byte> padded = stackalloc byte[32];
        padded[..(32 - bigEndian.Length)].Clear();
        bigEndian.CopyTo(padded[(32 - bigEndian.Length)..]);
        U3 = BinaryPrimitives.ReadUInt64BigEndian(padded);
        U2 = BinaryPrimitives.ReadUInt64BigEndian(padded[8..]);
        U1 = BinaryPrimitives.ReadUInt64BigEndian(padded[16..]);
        U0 = BinaryPrimitives.ReadUInt64BigEndian(padded[24..]);
    }

    /// <summary>Reads 0 to 32 big-endian bytes; shorter input is left-padded with zeros.</summary>
    /// <param name="bigEndian">The bytes, most significant first.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">More than 32 bytes.</exception>
    public static UInt256 FromBigEndian(ReadOnlySpan<byte> bigEndian) => new(bigEndian);

    /// <summary>Writes the value as exactly 32 big-endian bytes into the start of <paramref name="destination"/>.</summary>
    /// <param name="destination">At least 32 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public void ToBigEndian(Span<byte> destination)
    {
        if (destination.Length < 32)
        {
            ThrowDestinationTooShort(32, destination.Length);
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, U3);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], U2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], U1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], U0);
    }

    /// <summary>The value as a new 32-byte big-endian array (allocates; not for hot paths).</summary>
    /// <returns>32 bytes, most significant first.</returns>
    public byte[] ToBigEndian()
    {
        var bytes = new byte[32];
        ToBigEndian(bytes);
        return bytes;
    }

    /// <summary>
    /// Writes the minimal big-endian bytes (<see cref="ByteLength"/> of them, none for zero) into the start
    /// of <paramref name="destination"/>.
    /// </summary>
    /// <param name="destination">At least <see cref="ByteLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="ByteLength"/>.</exception>
    public int WriteBigEndianTrimmed(Span<byte> destination)
    {
        var length = ByteLength;
        if (destination.Length < length)
        {
            ThrowDestinationTooShort(length, destination.Length);
        }

        Span<byte> full = stackalloc byte[32];
        ToBigEndian(full);
        full[(32 - length)..].CopyTo(destination);
        return length;
    }

    /// <summary>Reads the value as a 64-bit integer when it fits.</summary>
    /// <param name="value">The value when it fits, otherwise its low 64 bits.</param>
    /// <returns><see langword="true"/> when the value fits in 64 bits.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetUInt64(out ulong value)
    {
        value = U0;
        return (U1 | U2 | U3) == 0;
    }

    /// <summary>The value as a 64-bit integer, or <see cref="ulong.MaxValue"/> when it does not fit (gas and memory sizes).</summary>
    /// <returns>The value clamped to <see cref="ulong.MaxValue"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ToUInt64Saturating() => (U1 | U2 | U3) == 0 ? U0 : ulong.MaxValue;

    /// <summary>The value as a signed 64-bit integer, or <see cref="long.MaxValue"/> when it does not fit (gas and memory offsets).</summary>
    /// <returns>The value clamped to <see cref="long.MaxValue"/>; never negative.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ToInt64Saturating() => (U1 | U2 | U3) == 0 && U0 <= long.MaxValue ? (long)U0 : long.MaxValue;

    /// <summary>Widens a 64-bit unsigned integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The same value as a <see cref="UInt256"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator UInt256(ulong value) => new(value);

    /// <summary>Widens a 128-bit unsigned integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The same value as a <see cref="UInt256"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator UInt256(UInt128 value) => new((ulong)value, (ulong)(value >> 64), 0, 0);

    /// <summary>Converts a non-negative 32-bit integer.</summary>
    /// <param name="value">The value; must not be negative.</param>
    /// <returns>The same value as a <see cref="UInt256"/>.</returns>
    /// <exception cref="OverflowException"><paramref name="value"/> is negative.</exception>
    public static explicit operator UInt256(int value)
    {
        if (value < 0)
        {
            ThrowNegative(value);
        }

        return new UInt256((ulong)value);
    }

    /// <summary>The low 64 bits; higher bits are discarded (use <see cref="TryGetUInt64"/> or a saturating conversion to detect them).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value modulo 2^64.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static explicit operator ulong(in UInt256 value) => value.U0;

    /// <summary>The low 128 bits; higher bits are discarded.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value modulo 2^128.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static explicit operator UInt128(in UInt256 value) => new(value.U1, value.U0);

    /// <summary>The value as a <see cref="BigInteger"/> (allocates; for tests, parsing and modexp).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The same non-negative value.</returns>
    public static explicit operator BigInteger(in UInt256 value)
    {
        Span<byte> bytes = stackalloc byte[32];
        value.ToBigEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Converts a <see cref="BigInteger"/> in the range 0 to 2^256 - 1.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The same value as a <see cref="UInt256"/>.</returns>
    /// <exception cref="OverflowException"><paramref name="value"/> is negative or needs more than 256 bits.</exception>
    public static explicit operator UInt256(BigInteger value)
    {
        if (value.Sign < 0 || value.GetBitLength() > 256)
        {
            throw new OverflowException($"The value {value} is outside the UInt256 range 0 to 2^256 - 1.");
        }

        Span<byte> bytes = stackalloc byte[32];
        if (!value.TryWriteBytes(bytes, out var written, isUnsigned: true, isBigEndian: true))
        {
            throw new OverflowException($"The value {value} does not fit in 32 bytes.");
        }

        return new UInt256(bytes[..written]);
    }

    [DoesNotReturn]
    private static void ThrowTooManyBytes(int length) =>
        throw new ArgumentException($"A UInt256 is at most 32 big-endian bytes; got {length}.", "bigEndian");

    [DoesNotReturn]
    private static void ThrowDestinationTooShort(int needed, int length) =>
        throw new ArgumentException($"The destination needs at least {needed} bytes; it has {length}.", "destination");

    [DoesNotReturn]
    private static void ThrowNegative(int value) =>
        throw new OverflowException($"A UInt256 cannot hold the negative value {value}.");
}
