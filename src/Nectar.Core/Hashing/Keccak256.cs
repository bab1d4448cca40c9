using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nectar.Core.Primitives;

namespace Nectar.Core.Hashing;

/// <summary>
/// Ethereum's Keccak-256: the Keccak sponge with a 1088-bit rate and the original <c>0x01</c> padding.
/// </summary>
/// <remarks>
/// This is not FIPS 202 SHA3-256, which pads with <c>0x06</c>; the two give different digests for every input,
/// so the platform's SHA3 implementation cannot stand in for it.
/// </remarks>
[SkipLocalsInit]
public static class Keccak256
{
    /// <summary>Length of a digest in bytes.</summary>
    public const int HashLength = 32;

    /// <summary>The sponge rate in bytes: how much input each permutation absorbs.</summary>
    public const int Rate = 136;

    /// <summary>Number of 64-bit lanes in one rate-sized block.</summary>
    internal const int RateLanes = Rate / sizeof(ulong);

    /// <summary>Keccak-256 of the empty input: <c>0xc5d24601…5d85a470</c>.</summary>
    public static readonly Hash256 OfEmpty = new(
    [
        0xc5, 0xd2, 0x46, 0x01, 0x86, 0xf7, 0x23, 0x3c, 0x92, 0x7e, 0x7d, 0xb2, 0xdc, 0xc7, 0x03, 0xc0,
        0xe5, 0x00, 0xb6, 0x53, 0xca, 0x82, 0x27, 0x3b, 0x7b, 0xfa, 0xd8, 0x04, 0x5d, 0x85, 0xa4, 0x70,
    ]);

    /// <summary>Computes the Keccak-256 digest of <paramref name="input"/>.</summary>
    /// <param name="input">The bytes to hash.</param>
    /// <returns>The 32-byte digest.</returns>
    public static Hash256 Compute(ReadOnlySpan<byte> input)
    {
        Span<ulong> state = stackalloc ulong[KeccakF1600.Lanes];
        Sponge(input, state);
        return Hash256.FromLittleEndianLanes(state[0], state[1], state[2], state[3]);
    }

    /// <summary>Computes the Keccak-256 digest of <paramref name="input"/> into <paramref name="output"/>.</summary>
    /// <param name="input">The bytes to hash.</param>
    /// <param name="output">Receives the digest in its first 32 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than 32 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.Length < HashLength)
        {
            ThrowOutputTooShort(nameof(output));
        }

        Span<ulong> state = stackalloc ulong[KeccakF1600.Lanes];
        Sponge(input, state);
        Squeeze(state, output);
    }

    /// <summary>Absorbs the whole input with its padding and leaves the final permuted state.</summary>
    private static void Sponge(ReadOnlySpan<byte> input, Span<ulong> state)
    {
        state.Clear();
        ref var lanes = ref MemoryMarshal.GetReference(state);
        ref var data = ref MemoryMarshal.GetReference(input);
        var remaining = input.Length;

        while (remaining >= Rate)
        {
            AbsorbBlock(ref lanes, ref data);
            KeccakF1600.Permute(ref lanes);
            data = ref Unsafe.Add(ref data, Rate);
            remaining -= Rate;
        }

        AbsorbFinal(ref lanes, ref data, remaining);
        KeccakF1600.Permute(ref lanes);
    }

    /// <summary>XORs one full 136-byte block into the first 17 lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void AbsorbBlock(ref ulong lanes, ref byte block)
    {
        for (var i = 0; i < RateLanes; i++)
        {
            Unsafe.Add(ref lanes, i) ^= ReadLane(ref Unsafe.Add(ref block, i * sizeof(ulong)));
        }
    }

    /// <summary>
    /// XORs the last, partial block (0 to 135 bytes) together with the padding <c>0x01 … 0x80</c>
    /// straight into the lanes, so no zero-filled copy of the block is needed.
    /// </summary>
    internal static void AbsorbFinal(ref ulong lanes, ref byte block, int length)
    {
        var fullLanes = length / sizeof(ulong);
        for (var i = 0; i < fullLanes; i++)
        {
            Unsafe.Add(ref lanes, i) ^= ReadLane(ref Unsafe.Add(ref block, i * sizeof(ulong)));
        }

        var tailLength = length % sizeof(ulong);
        ref var tail = ref Unsafe.Add(ref block, fullLanes * sizeof(ulong));
        ulong last = 0;
        for (var i = 0; i < tailLength; i++)
        {
            last |= (ulong)Unsafe.Add(ref tail, i) << (8 * i);
        }

        // Keccak's pad10*1 with the 0x01 domain byte; when the input fills 135 bytes both ends meet as 0x81.
        last |= 1UL << (8 * tailLength);
        Unsafe.Add(ref lanes, fullLanes) ^= last;
        Unsafe.Add(ref lanes, RateLanes - 1) ^= 0x80UL << 56;
    }

    /// <summary>Writes the first four lanes, little-endian, as the 32-byte digest.</summary>
    internal static void Squeeze(ReadOnlySpan<ulong> state, Span<byte> output)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(output, state[0]);
        BinaryPrimitives.WriteUInt64LittleEndian(output[8..], state[1]);
        BinaryPrimitives.WriteUInt64LittleEndian(output[16..], state[2]);
        BinaryPrimitives.WriteUInt64LittleEndian(output[24..], state[3]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadLane(ref byte source)
    {
        var value = Unsafe.ReadUnaligned<ulong>(ref source);
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    internal static void ThrowOutputTooShort(string paramName) =>
        throw new ArgumentException("The output needs room for a 32-byte Keccak-256 digest.", paramName);
}
