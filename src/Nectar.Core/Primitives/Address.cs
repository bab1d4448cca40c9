using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nectar.Core.Primitives;

/// <summary>A 20-byte Ethereum account address held inline, never on the heap.</summary>
/// <remarks>
/// The bytes are stored in two 64-bit fields and one 32-bit field in memory order, packed to exactly 20 bytes,
/// so <see cref="Bytes"/> is a view of the struct itself and arrays of addresses carry no padding.
/// </remarks>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
[SkipLocalsInit]
public readonly partial struct Address : IEquatable<Address>, IComparable<Address>, IComparable
{
    /// <summary>Length of an address in bytes.</summary>
    public const int Length = 20;

    // Raw memory words: byte i of the address is byte i of the struct, whatever the endianness.
    private readonly ulong _w0;
    private readonly ulong _w1;
    private readonly uint _w2;

    /// <summary>Creates an address from exactly 20 bytes.</summary>
    /// <param name="bytes">The 20 bytes of the address.</param>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 20 bytes long.</exception>
    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            ThrowWrongLength(bytes.Length);
        }

        this = MemoryMarshal.Read<Address>(bytes);
    }

    /// <summary>The zero address, <c>0x0000000000000000000000000000000000000000</c>.</summary>
    public static Address Zero => default;

    /// <summary>The 20 bytes of the address, a view of this value (no copy).</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => MemoryMarshal.AsBytes(new ReadOnlySpan<Address>(in this));

    /// <summary>Whether every byte is zero.</summary>
    public bool IsZero => (_w0 | _w1 | _w2) == 0;

    /// <summary>Copies the 20 bytes into <paramref name="destination"/>.</summary>
    /// <param name="destination">Receives the bytes in its first 20 positions.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 20 bytes.</exception>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            ThrowDestinationTooShort();
        }

        MemoryMarshal.Write(destination, in this);
    }

    /// <summary>Returns a new array holding the 20 bytes.</summary>
    /// <returns>A fresh 20-byte array.</returns>
    public byte[] ToArray() => Bytes.ToArray();

    /// <inheritdoc />
    public bool Equals(Address other) => ((_w0 ^ other._w0) | (_w1 ^ other._w1) | (_w2 ^ other._w2)) == 0;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Address other && Equals(other);

    /// <summary>A hash code seeded per process, so crafted addresses cannot force dictionary collisions.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2);

    /// <summary>Orders addresses as 160-bit big-endian numbers, which is the lexicographic order of their bytes.</summary>
    /// <param name="other">The address to compare with.</param>
    /// <returns>Negative, zero or positive as this address sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(Address other)
    {
        if (_w0 != other._w0)
        {
            return BigEndian(_w0).CompareTo(BigEndian(other._w0));
        }

        if (_w1 != other._w1)
        {
            return BigEndian(_w1).CompareTo(BigEndian(other._w1));
        }

        var left = BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(_w2) : _w2;
        var right = BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(other._w2) : other._w2;
        return left.CompareTo(right);
    }

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Address other => CompareTo(other),
        _ => throw new ArgumentException("Object is not an Address.", nameof(obj)),
    };

    /// <summary>Whether two addresses hold the same bytes.</summary>
    public static bool operator ==(Address left, Address right) => left.Equals(right);

    /// <summary>Whether two addresses differ in any byte.</summary>
    public static bool operator !=(Address left, Address right) => !left.Equals(right);

    /// <summary>Byte-wise (big-endian) less-than.</summary>
    public static bool operator <(Address left, Address right) => left.CompareTo(right) < 0;

    /// <summary>Byte-wise (big-endian) less-than-or-equal.</summary>
    public static bool operator <=(Address left, Address right) => left.CompareTo(right) <= 0;

    /// <summary>Byte-wise (big-endian) greater-than.</summary>
    public static bool operator >(Address left, Address right) => left.CompareTo(right) > 0;

    /// <summary>Byte-wise (big-endian) greater-than-or-equal.</summary>
    public static bool operator >=(Address left, Address right) => left.CompareTo(right) >= 0;

    private static ulong BigEndian(ulong word) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(word) : word;

    [DoesNotReturn]
    private static void ThrowWrongLength(int length) =>
        throw new ArgumentException($"An Address needs exactly 20 bytes, got {length}.", "bytes");

    [DoesNotReturn]
    private static void ThrowDestinationTooShort() =>
        throw new ArgumentException("The destination needs room for 20 bytes.", "destination");
}
