using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Core.Encoding;

/// <summary>
/// An allocation-free RLP writer into a caller's span. Size the span first with the <see cref="Rlp"/>
/// <c>LengthOf…</c> helpers, then write once, front to back; lists are written as a header carrying the content
/// length followed by their items.
/// </summary>
/// <remarks>Every write produces canonical RLP: minimal lengths, single bytes below 0x80 unwrapped, integers trimmed.</remarks>
[SkipLocalsInit]
public ref struct RlpWriter
{
    private readonly Span<byte> _destination;
    private int _position;

    /// <summary>Creates a writer that fills <paramref name="destination"/> from its start.</summary>
    /// <param name="destination">The buffer to write into.</param>
    public RlpWriter(Span<byte> destination)
    {
        _destination = destination;
    }

    /// <summary>Number of bytes written so far.</summary>
    public readonly int Position => _position;

    /// <summary>Room left in the destination.</summary>
    public readonly int Remaining => _destination.Length - _position;

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _destination[.._position];

    /// <summary>Writes a byte string.</summary>
    /// <param name="value">The payload; a single byte below 0x80 is written as itself.</param>
    /// <exception cref="InvalidOperationException">The destination is too short.</exception>
    public void WriteBytes(scoped ReadOnlySpan<byte> value)
    {
        if (value.Length == 1 && value[0] < 0x80)
        {
            Reserve(1) = value[0];
            return;
        }

        WriteHeader(0x80, value.Length);
        value.CopyTo(Take(value.Length));
    }

    /// <summary>Writes an unsigned integer as a minimal big-endian byte string (zero is the empty string).</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException">The destination is too short.</exception>
    public void WriteUInt64(ulong value)
    {
        if (value < 0x80)
        {
            Reserve(1) = value == 0 ? Rlp.EmptyString : (byte)value;
            return;
        }

        var length = sizeof(ulong) - (BitOperations.LeadingZeroCount(value) / 8);
        var target = Take(1 + length);
        target[0] = (byte)(0x80 + length);
        for (var i = length; i > 0; i--)
        {
            target[i] = (byte)value;
            value >>= 8;
        }
    }

    /// <summary>Writes a 256-bit unsigned integer as a minimal big-endian byte string (zero is the empty string).</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException">The destination is too short.</exception>
    public void WriteUInt256(in UInt256 value)
    {
        if (value.IsUInt64)
        {
            WriteUInt64(value.U0);
            return;
        }

        Span<byte> bytes = stackalloc byte[32];
        value.ToBigEndian(bytes);
        WriteBytes(bytes[(32 - value.ByteLength)..]);
    }

    /// <summary>Writes an unsigned big-endian integer, trimming its leading zero bytes.</summary>
    /// <param name="bigEndian">The value, big-endian, of any width.</param>
    /// <exception cref="InvalidOperationException">The destination is too short.</exception>
    public void WriteInteger(scoped ReadOnlySpan<byte> bigEndian) => WriteBytes(Rlp.TrimLeadingZeros(bigEndian));

    /// <summary>Writes an address as a 20-byte string.</summary>
    /// <param name="address">The address.</param>
    /// <exception cref="InvalidOperationException">The destination is too short.</exception>
    public void WriteAddress(in Address address)
    {
        var target = Take(Rlp.LengthOfAddress);
        target[0] = 0x80 + Address.Length;
        address.CopyTo(target[1..]);
    }

    /// <summary>Writes an optional address: 20 bytes, or the empty string when absent (contract creation).</summary>
    /// <param name="address">The address, or <see langword="null"/>.</param>
    /// <exception cref="InvalidOperationException">The destination is too short.</exception>
    public void WriteOptionalAddress(Address? address)
    {
        if (address is { } value)
        {
            WriteAddress(value);
        }
        else
        {
            Reserve(1) = Rlp.EmptyString;
        }
    }

    /// <summary>Writes a hash as a 32-byte string.</summary>
    /// <param name="hash">The hash.</param>
    /// <exception cref="InvalidOperationException">The destination is too short.</exception>
    public void WriteHash256(in Hash256 hash)
    {
        var target = Take(Rlp.LengthOfHash256);
        target[0] = 0x80 + Hash256.Length;
        hash.CopyTo(target[1..]);
    }

    /// <summary>Writes the header of a list whose items, written next, take <paramref name="contentLength"/> bytes.</summary>
    /// <param name="contentLength">The total encoded length of the list's items.</param>
    /// <exception cref="InvalidOperationException">The destination is too short.</exception>
    public void WriteListHeader(int contentLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contentLength);
        WriteHeader(0xC0, contentLength);
    }

    /// <summary>
    /// Writes the header of a byte string whose <paramref name="payloadLength"/> payload bytes the caller writes
    /// next with <see cref="WriteEncoded"/>, so a payload can be produced in place rather than copied (a typed
    /// transaction or receipt wrapped in a block body).
    /// </summary>
    /// <param name="payloadLength">The payload length; a one-byte payload below 0x80 must use <see cref="WriteBytes"/> instead.</param>
    /// <exception cref="InvalidOperationException">The destination is too short.</exception>
    public void WriteBytesHeader(int payloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        WriteHeader(0x80, payloadLength);
    }

    /// <summary>Copies already-encoded RLP (one or more whole items) as it is.</summary>
    /// <param name="encoded">The encoded items.</param>
    /// <exception cref="InvalidOperationException">The destination is too short.</exception>
    public void WriteEncoded(scoped ReadOnlySpan<byte> encoded) => encoded.CopyTo(Take(encoded.Length));

    private void WriteHeader(byte offset, int length)
    {
        if (length < 56)
        {
            Reserve(1) = (byte)(offset + length);
            return;
        }

        var lengthOfLength = sizeof(int) - (BitOperations.LeadingZeroCount((uint)length) / 8);
        var target = Take(1 + lengthOfLength);
        target[0] = (byte)(offset + 55 + lengthOfLength);
        for (var i = lengthOfLength; i > 0; i--)
        {
            target[i] = (byte)length;
            length >>= 8;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref byte Reserve(int count)
    {
        if (count > _destination.Length - _position)
        {
            ThrowTooShort(count);
        }

        ref var target = ref _destination[_position];
        _position += count;
        return ref target;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Take(int count)
    {
        if (count > _destination.Length - _position)
        {
            ThrowTooShort(count);
        }

        var target = _destination.Slice(_position, count);
        _position += count;
        return target;
    }

    [DoesNotReturn]
    private readonly void ThrowTooShort(int count) =>
        throw new InvalidOperationException(
            $"The RLP destination is too short: {count} more bytes needed at position {_position}, {_destination.Length - _position} left.");
}
