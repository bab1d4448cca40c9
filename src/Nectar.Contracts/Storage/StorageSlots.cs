using System.Runtime.CompilerServices;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Storage;

/// <summary>
/// Solidity's storage addressing: mapping entries at <c>keccak256(key . slot)</c>, dynamic data at
/// <c>keccak256(slot)</c>, values packed into slots by byte offset, and the two forms of <c>bytes</c>/<c>string</c>.
/// </summary>
[SkipLocalsInit]
public static class StorageSlots
{
    /// <summary>The slot of a mapping entry whose key is a value type, given as its 32-byte word.</summary>
    /// <param name="key">The key as a word: integers as numbers, addresses right-aligned, <c>bytesN</c> left-aligned.</param>
    /// <param name="slot">The mapping's own slot.</param>
    /// <returns><c>keccak256(key . slot)</c>.</returns>
    public static UInt256 MappingSlot(in UInt256 key, in UInt256 slot)
    {
        Span<byte> buffer = stackalloc byte[64];
        key.ToBigEndian(buffer);
        slot.ToBigEndian(buffer[32..]);
        return Hash(buffer);
    }

    /// <summary>The slot of a mapping entry keyed by an address.</summary>
    /// <param name="key">The address.</param>
    /// <param name="slot">The mapping's own slot.</param>
    /// <returns><c>keccak256(pad32(key) . slot)</c>.</returns>
    public static UInt256 MappingSlot(Address key, in UInt256 slot)
    {
        Span<byte> buffer = stackalloc byte[64];
        buffer[..12].Clear();
        key.CopyTo(buffer[12..]);
        slot.ToBigEndian(buffer[32..]);
        return Hash(buffer);
    }

    /// <summary>The slot of a mapping entry keyed by <c>bytes</c> or <c>string</c>: the key's bytes unpadded, then the slot.</summary>
    /// <param name="key">The key's bytes (UTF-8 for a string).</param>
    /// <param name="slot">The mapping's own slot.</param>
    /// <returns><c>keccak256(key . slot)</c>.</returns>
    public static UInt256 MappingSlotOfBytesKey(ReadOnlySpan<byte> key, in UInt256 slot)
    {
        var buffer = key.Length <= 224 ? stackalloc byte[key.Length + 32] : new byte[key.Length + 32];
        key.CopyTo(buffer);
        slot.ToBigEndian(buffer[key.Length..]);
        return Hash(buffer);
    }

    /// <summary>Where the data of a dynamic array or of a long <c>bytes</c>/<c>string</c> starts.</summary>
    /// <param name="slot">The slot holding the length.</param>
    /// <returns><c>keccak256(slot)</c>.</returns>
    public static UInt256 DataSlot(in UInt256 slot)
    {
        Span<byte> buffer = stackalloc byte[32];
        slot.ToBigEndian(buffer);
        return Hash(buffer);
    }

    /// <summary>Places <paramref name="value"/> in <paramref name="size"/> bytes at byte <paramref name="offset"/> (from the least significant end) of a slot word.</summary>
    /// <param name="word">The slot's current word.</param>
    /// <param name="value">The value; it must fit in <paramref name="size"/> bytes.</param>
    /// <param name="offset">The byte offset, 0 to 31.</param>
    /// <param name="size">The value's size in bytes, 1 to 32 - <paramref name="offset"/>.</param>
    /// <returns>The word with those bytes replaced.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The position is outside the word or the value does not fit.</exception>
    public static UInt256 Pack(in UInt256 word, in UInt256 value, int offset, int size)
    {
        var mask = FieldMask(offset, size);
        if (value.BitLength > size * 8)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"The value does not fit in {size} bytes.");
        }

        return (word & ~(mask << (offset * 8))) | (value << (offset * 8));
    }

    /// <summary>Reads <paramref name="size"/> bytes at byte <paramref name="offset"/> (from the least significant end) of a slot word.</summary>
    /// <param name="word">The slot's word.</param>
    /// <param name="offset">The byte offset, 0 to 31.</param>
    /// <param name="size">The value's size in bytes.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The position is outside the word.</exception>
    public static UInt256 Unpack(in UInt256 word, int offset, int size) => (word >> (offset * 8)) & FieldMask(offset, size);

    /// <summary>
    /// Appends the storage of a <c>bytes</c> or <c>string</c> value at <paramref name="slot"/>: up to 31 bytes as one
    /// word (the bytes left-aligned, length * 2 in the lowest byte); longer as length * 2 + 1 in the slot and the
    /// bytes in consecutive words from <see cref="DataSlot"/>, the last one zero-padded.
    /// </summary>
    /// <param name="slot">The variable's slot.</param>
    /// <param name="value">The bytes (UTF-8 for a string).</param>
    /// <param name="destination">Receives the entries, including a zero word for an empty value.</param>
    public static void AppendBytes(in UInt256 slot, ReadOnlySpan<byte> value, ICollection<StorageEntry> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Span<byte> word = stackalloc byte[32];
        if (value.Length < 32)
        {
            word.Clear();
            value.CopyTo(word);
            word[31] = (byte)(value.Length * 2);
            destination.Add(new StorageEntry(slot, new UInt256(word)));
            return;
        }

        destination.Add(new StorageEntry(slot, new UInt256(((ulong)value.Length * 2) + 1)));
        var data = DataSlot(slot);
        for (var start = 0; start < value.Length; start += 32)
        {
            var chunk = value[start..Math.Min(start + 32, value.Length)];
            word.Clear();
            chunk.CopyTo(word);
            destination.Add(new StorageEntry(data, new UInt256(word)));
            data += UInt256.One;
        }
    }

    private static UInt256 FieldMask(int offset, int size)
    {
        if (offset < 0 || size < 1 || offset + size > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"Bytes {offset} to {offset + size - 1} are outside a 32-byte slot.");
        }

        return size == 32 ? UInt256.MaxValue : (UInt256.One << (size * 8)) - UInt256.One;
    }

    private static UInt256 Hash(ReadOnlySpan<byte> input)
    {
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(input, hash);
        return new UInt256(hash);
    }
}
