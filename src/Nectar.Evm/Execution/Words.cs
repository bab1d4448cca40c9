using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Evm.Execution;

/// <summary>Conversions between stack words and addresses, hashes and memory.</summary>
[SkipLocalsInit]
internal static class Words
{
    /// <summary>The address in the low 160 bits of a word (the high bits are ignored, as the EVM does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Address ToAddress(in UInt256 word)
    {
        Span<byte> bytes = stackalloc byte[Address.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)word.U2);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[4..], word.U1);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[12..], word.U0);
        return new Address(bytes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 FromAddress(Address address)
    {
        var bytes = address.Bytes;
        return new UInt256(
            BinaryPrimitives.ReadUInt64BigEndian(bytes[12..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(bytes),
            0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 FromHash(in Hash256 hash)
    {
        var bytes = hash.Bytes;
        return new UInt256(
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Hash256 ToHash(in UInt256 word)
    {
        Span<byte> bytes = stackalloc byte[32];
        word.ToBigEndian(bytes);
        return new Hash256(bytes);
    }

    /// <summary>Writes a word big-endian into 32 bytes at <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(in UInt256 word, ref byte destination)
    {
        Unsafe.WriteUnaligned(ref destination, BinaryPrimitives.ReverseEndianness(word.U3));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, 8), BinaryPrimitives.ReverseEndianness(word.U2));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, 16), BinaryPrimitives.ReverseEndianness(word.U1));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, 24), BinaryPrimitives.ReverseEndianness(word.U0));
    }

    /// <summary>Reads 32 big-endian bytes at <paramref name="source"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 Read(ref byte source) => new(
        BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, 24))),
        BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, 16))),
        BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, 8))),
        BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref source)));

    /// <summary>The number of 32-byte words covering <paramref name="length"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Count(ulong length) => (length + 31) / 32;

    /// <summary>
    /// Fills <paramref name="destination"/> from <paramref name="source"/> starting at <paramref name="sourceOffset"/>
    /// into <paramref name="destination"/>, filling with zeros where the source ends (CALLDATACOPY, CODECOPY).
    /// </summary>
    public static void CopyPadded(ReadOnlySpan<byte> source, in UInt256 sourceOffset, Span<byte> destination)
    {
        var start = sourceOffset.IsUInt64 && sourceOffset.U0 < (ulong)source.Length ? (int)sourceOffset.U0 : source.Length;
        var available = Math.Min(source.Length - start, destination.Length);
        source.Slice(start, available).CopyTo(destination);
        destination[available..].Clear();
    }
}
