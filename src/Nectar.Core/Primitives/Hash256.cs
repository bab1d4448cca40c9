using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nectar.Core.Primitives;

/// <summary>A 32-byte hash (Keccak-256 digests, block hashes, state and trie roots) held inline, never on the heap.</summary>
/// <remarks>
/// The bytes are stored in four 64-bit fields in memory order, so <see cref="Bytes"/> is a view of the struct
/// itself and equality is four word compares (or one 256-bit vector compare).
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
[SkipLocalsInit]
public readonly partial struct Hash256 : IEquatable<Hash256>, IComparable<Hash256>, IComparable
{
    /// <summary>Length of a hash in bytes.</summary>
    public const int Length = 32;

    // Raw memory words: byte i of the hash is byte (i % 8) of word (i / 8) in memory, whatever the endianness.
    private readonly ulong _w0;
    private readonly ulong _w1;
    private readonly ulong _w2;
    private readonly ulong _w3;

    /// <summary>Creates a hash from exactly 32 bytes.</summary>
    /// <param name="bytes">The 32 bytes of the hash.</param>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 32 bytes long.</exception>
    public Hash256(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            ThrowWrongLength(bytes.Length);
        }

        this = MemoryMarshal.Read<Hash256>(bytes);
    }

    private Hash256(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        _w0 = w0;
        _w1 = w1;
        _w2 = w2;
        _w3 = w3;
    }

    /// <summary>The all-zero hash.</summary>
    public static Hash256 Zero => default;

    /// <summary>
    /// Root of the empty Merkle-Patricia trie, keccak(rlp("")):
    /// <c>0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421</c>.
    /// </summary>
    public static readonly Hash256 EmptyTrieRoot = new(
    [
        0x56, 0xe8, 0x1f, 0x17, 0x1b, 0xcc, 0x55, 0xa6, 0xff, 0x83, 0x45, 0xe6, 0x92, 0xc0, 0xf8, 0x6e,
        0x5b, 0x48, 0xe0, 0x1b, 0x99, 0x6c, 0xad, 0xc0, 0x01, 0x62, 0x2f, 0xb5, 0xe3, 0x63, 0xb4, 0x21,
    ]);

    /// <summary>
    /// Hash of the RLP of the empty list, keccak(0xc0), the ommers hash of every post-merge block:
    /// <c>0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347</c>.
    /// </summary>
    public static readonly Hash256 EmptyListHash = new(
    [
        0x1d, 0xcc, 0x4d, 0xe8, 0xde, 0xc7, 0x5d, 0x7a, 0xab, 0x85, 0xb5, 0x67, 0xb6, 0xcc, 0xd4, 0x1a,
        0xd3, 0x12, 0x45, 0x1b, 0x94, 0x8a, 0x74, 0x13, 0xf0, 0xa1, 0x42, 0xfd, 0x40, 0xd4, 0x93, 0x47,
    ]);

    /// <summary>The 32 bytes of the hash, a view of this value (no copy).</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => MemoryMarshal.AsBytes(new ReadOnlySpan<Hash256>(in this));

    /// <summary>Whether every byte is zero.</summary>
    public bool IsZero => (_w0 | _w1 | _w2 | _w3) == 0;

    /// <summary>Copies the 32 bytes into <paramref name="destination"/>.</summary>
    /// <param name="destination">Receives the bytes in its first 32 positions.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            ThrowDestinationTooShort();
        }

        MemoryMarshal.Write(destination, in this);
    }

    /// <summary>Returns a new array holding the 32 bytes.</summary>
    /// <returns>A fresh 32-byte array.</returns>
    public byte[] ToArray() => Bytes.ToArray();

    /// <summary>Builds a hash from the first four lanes of a Keccak state (little-endian 64-bit values).</summary>
    internal static Hash256 FromLittleEndianLanes(ulong l0, ulong l1, ulong l2, ulong l3) =>
        BitConverter.IsLittleEndian
            ? new Hash256(l0, l1, l2, l3)
            : new Hash256(
                BinaryPrimitives.ReverseEndianness(l0),
                BinaryPrimitives.ReverseEndianness(l1),
                BinaryPrimitives.ReverseEndianness(l2),
                BinaryPrimitives.ReverseEndianness(l3));

    /// <inheritdoc />
    public bool Equals(Hash256 other)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            return Unsafe.BitCast<Hash256, Vector256<ulong>>(this) == Unsafe.BitCast<Hash256, Vector256<ulong>>(other);
        }

        return ((_w0 ^ other._w0) | (_w1 ^ other._w1) | (_w2 ^ other._w2) | (_w3 ^ other._w3)) == 0;
    }

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Hash256 other && Equals(other);

    /// <summary>A hash code seeded per process, so crafted hashes cannot force dictionary collisions.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);

    /// <summary>Orders hashes as 256-bit big-endian numbers, which is the lexicographic order of their bytes.</summary>
    /// <param name="other">The hash to compare with.</param>
    /// <returns>Negative, zero or positive as this hash sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(Hash256 other)
    {
        if (_w0 != other._w0)
        {
            return CompareWords(_w0, other._w0);
        }

        if (_w1 != other._w1)
        {
            return CompareWords(_w1, other._w1);
        }

        if (_w2 != other._w2)
        {
            return CompareWords(_w2, other._w2);
        }

        return CompareWords(_w3, other._w3);
    }

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Hash256 other => CompareTo(other),
        _ => throw new ArgumentException("Object is not a Hash256.", nameof(obj)),
    };

    /// <summary>Whether two hashes hold the same bytes.</summary>
    public static bool operator ==(Hash256 left, Hash256 right) => left.Equals(right);

    /// <summary>Whether two hashes differ in any byte.</summary>
    public static bool operator !=(Hash256 left, Hash256 right) => !left.Equals(right);

    /// <summary>Byte-wise (big-endian) less-than.</summary>
    public static bool operator <(Hash256 left, Hash256 right) => left.CompareTo(right) < 0;

    /// <summary>Byte-wise (big-endian) less-than-or-equal.</summary>
    public static bool operator <=(Hash256 left, Hash256 right) => left.CompareTo(right) <= 0;

    /// <summary>Byte-wise (big-endian) greater-than.</summary>
    public static bool operator >(Hash256 left, Hash256 right) => left.CompareTo(right) > 0;

    /// <summary>Byte-wise (big-endian) greater-than-or-equal.</summary>
    public static bool operator >=(Hash256 left, Hash256 right) => left.CompareTo(right) >= 0;

    private static int CompareWords(ulong left, ulong right)
    {
        if (BitConverter.IsLittleEndian)
        {
            left = BinaryPrimitives.ReverseEndianness(left);
            right = BinaryPrimitives.ReverseEndianness(right);
        }

        return left.CompareTo(right);
    }

    [DoesNotReturn]
    private static void ThrowWrongLength(int length) =>
        throw new ArgumentException($"A Hash256 needs exactly 32 bytes, got {length}.", "bytes");

    [DoesNotReturn]
    private static void ThrowDestinationTooShort() =>
        throw new ArgumentException("The destination needs room for 32 bytes.", "destination");
}
