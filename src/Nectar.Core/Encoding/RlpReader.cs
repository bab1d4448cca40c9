using System.Runtime.CompilerServices;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Core.Encoding;

/// <summary>
/// A strict, allocation-free reader of RLP over a span. Every read checks that its item is canonical (minimal
/// lengths, no wrapped single bytes, no leading zeros in integers) and lies wholly inside the input.
/// </summary>
/// <remarks>
/// <para>
/// Reads advance <see cref="Position"/> past one item. <see cref="ReadList"/> returns a reader over the list's
/// content; read the expected fields from it and call <see cref="EnsureEnd"/> to reject extra content. For a
/// top-level value, call <see cref="EnsureEnd"/> on the outer reader to reject trailing bytes.
/// </para>
/// <para>
/// Failures throw <see cref="RlpException"/> whose message and <see cref="RlpException.Offset"/> give the offset
/// from the start of the top-level input, also inside nested readers.
/// </para>
/// </remarks>
[SkipLocalsInit]
public ref struct RlpReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _origin;
    private readonly bool _isListContent;
    private int _position;

    /// <summary>Creates a reader over top-level RLP input.</summary>
    /// <param name="data">The encoded bytes.</param>
    public RlpReader(ReadOnlySpan<byte> data)
    {
        _data = data;
    }

    private RlpReader(ReadOnlySpan<byte> listContent, int origin)
    {
        _data = listContent;
        _origin = origin;
        _isListContent = true;
    }

    /// <summary>Offset of the next item within this reader's span.</summary>
    public readonly int Position => _position;

    /// <summary>Length of this reader's span: the whole input, or the content of a list.</summary>
    public readonly int Length => _data.Length;

    /// <summary>Offset of this reader's first byte from the start of the top-level input.</summary>
    public readonly int Origin => _origin;

    /// <summary>Whether any bytes remain to be read.</summary>
    public readonly bool HasMore => _position < _data.Length;

    /// <summary>Number of bytes not yet read.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>Whether the next item is a list.</summary>
    /// <exception cref="RlpException">No bytes remain.</exception>
    public readonly bool IsList => PeekKind() == RlpKind.List;

    /// <summary>The kind of the next item, from its first byte alone (its length is not checked).</summary>
    /// <returns>The item's kind.</returns>
    /// <exception cref="RlpException">No bytes remain.</exception>
    public readonly RlpKind PeekKind()
    {
        if (_position >= _data.Length)
        {
            RlpErrors.EndOfInput(_origin + _position, _isListContent);
        }

        return _data[_position] >= 0xC0 ? RlpKind.List : RlpKind.Bytes;
    }

    /// <summary>Reads a list and returns a reader over its content.</summary>
    /// <returns>A reader over the list's content whose offsets continue to count from the top-level input.</returns>
    /// <exception cref="RlpException">The next item is not a valid list.</exception>
    public RlpReader ReadList()
    {
        var start = _position;
        if (!ReadHeader(out var payloadStart, out var payloadLength))
        {
            RlpErrors.ExpectedList(_origin + start);
        }

        _position = payloadStart + payloadLength;
        return new RlpReader(_data.Slice(payloadStart, payloadLength), _origin + payloadStart);
    }

    /// <summary>Reads a byte string and returns its payload.</summary>
    /// <returns>A view of the payload within the input.</returns>
    /// <exception cref="RlpException">The next item is not a valid byte string.</exception>
    public ReadOnlySpan<byte> ReadBytes()
    {
        var start = _position;
        if (ReadHeader(out var payloadStart, out var payloadLength))
        {
            RlpErrors.ExpectedBytes(_origin + start);
        }

        _position = payloadStart + payloadLength;
        return _data.Slice(payloadStart, payloadLength);
    }

    /// <summary>Reads a canonical unsigned integer of at most 8 bytes.</summary>
    /// <returns>The value; the empty string is zero.</returns>
    /// <exception cref="RlpException">
    /// The item is a list, has a leading zero byte (including <c>0x00</c> for zero), or is longer than 8 bytes.
    /// </exception>
    public ulong ReadUInt64()
    {
        var payload = ReadInteger(sizeof(ulong));
        ulong value = 0;
        foreach (var b in payload)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>Reads a canonical unsigned integer of at most 32 bytes.</summary>
    /// <returns>The value; the empty string is zero.</returns>
    /// <exception cref="RlpException">The item is a list, has a leading zero byte, or is longer than 32 bytes.</exception>
    public UInt256 ReadUInt256() => new(ReadInteger(32));

    /// <summary>Reads a canonical unsigned big-endian integer of at most <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="maxBytes">The largest payload the target type holds (32 for a 256-bit integer).</param>
    /// <returns>The big-endian payload without leading zeros; empty for zero.</returns>
    /// <exception cref="RlpException">The item is a list, has a leading zero byte, or is too long.</exception>
    public ReadOnlySpan<byte> ReadInteger(int maxBytes)
    {
        var start = _position;
        if (ReadHeader(out var payloadStart, out var payloadLength))
        {
            RlpErrors.ExpectedBytes(_origin + start);
        }

        if (payloadLength > maxBytes)
        {
            RlpErrors.IntegerTooLong(_origin + start, payloadLength, maxBytes);
        }

        var payload = _data.Slice(payloadStart, payloadLength);
        if (payloadLength > 0 && payload[0] == 0)
        {
            RlpErrors.IntegerLeadingZero(_origin + start);
        }

        _position = payloadStart + payloadLength;
        return payload;
    }

    /// <summary>Reads a 20-byte string as an address.</summary>
    /// <returns>The address.</returns>
    /// <exception cref="RlpException">The item is not a 20-byte string.</exception>
    public Address ReadAddress()
    {
        var start = _position;
        if (start + Rlp.LengthOfAddress <= _data.Length && _data[start] == 0x80 + Address.Length)
        {
            _position = start + Rlp.LengthOfAddress;
            return new Address(_data.Slice(start + 1, Address.Length));
        }

        var payload = ReadBytes();
        if (payload.Length != Address.Length)
        {
            RlpErrors.WrongLength(_origin + start, "an address", Address.Length, payload.Length);
        }

        return new Address(payload);
    }

    /// <summary>
    /// Reads an address that may be absent: the empty string (a transaction that creates a contract) or 20 bytes.
    /// </summary>
    /// <returns>The address, or <see langword="null"/> for the empty string.</returns>
    /// <exception cref="RlpException">The item is neither empty nor a 20-byte string.</exception>
    public Address? ReadOptionalAddress()
    {
        var start = _position;
        var payload = ReadBytes();
        return payload.Length switch
        {
            0 => null,
            Address.Length => new Address(payload),
            _ => ThrowOptionalAddressLength(_origin + start, payload.Length),
        };
    }

    /// <summary>Reads a 32-byte string as a hash.</summary>
    /// <returns>The hash.</returns>
    /// <exception cref="RlpException">The item is not a 32-byte string.</exception>
    public Hash256 ReadHash256()
    {
        var start = _position;
        if (start + Rlp.LengthOfHash256 <= _data.Length && _data[start] == 0x80 + Hash256.Length)
        {
            _position = start + Rlp.LengthOfHash256;
            return new Hash256(_data.Slice(start + 1, Hash256.Length));
        }

        var payload = ReadBytes();
        if (payload.Length != Hash256.Length)
        {
            RlpErrors.WrongLength(_origin + start, "a hash", Hash256.Length, payload.Length);
        }

        return new Hash256(payload);
    }

    /// <summary>Reads the next item whole, header included, without looking inside lists.</summary>
    /// <returns>A view of the item's encoding within the input.</returns>
    /// <exception cref="RlpException">The item's header is invalid or it runs past the input.</exception>
    public ReadOnlySpan<byte> ReadEncodedItem()
    {
        var start = _position;
        ReadHeader(out var payloadStart, out var payloadLength);
        _position = payloadStart + payloadLength;
        return _data[start.._position];
    }

    /// <summary>Skips the next item, without looking inside lists.</summary>
    /// <exception cref="RlpException">The item's header is invalid or it runs past the input.</exception>
    public void Skip()
    {
        ReadHeader(out var payloadStart, out var payloadLength);
        _position = payloadStart + payloadLength;
    }

    /// <summary>Checks that every byte has been read: no trailing input, or no extra content in a list.</summary>
    /// <exception cref="RlpException">Bytes remain.</exception>
    public readonly void EnsureEnd()
    {
        if (_position != _data.Length)
        {
            RlpErrors.TrailingBytes(_origin + _position, _data.Length - _position, _isListContent);
        }
    }

    /// <summary>
    /// Decodes and validates the header at <see cref="Position"/> without moving it.
    /// Returns whether the item is a list; the payload bounds are relative to this reader's span.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly bool ReadHeader(out int payloadStart, out int payloadLength)
    {
        var position = _position;
        var data = _data;
        if ((uint)position >= (uint)data.Length)
        {
            RlpErrors.EndOfInput(_origin + position, _isListContent);
        }

        var prefix = data[position];
        if (prefix < 0x80)
        {
            payloadStart = position;
            payloadLength = 1;
            return false;
        }

        if (prefix <= 0xB7)
        {
            payloadStart = position + 1;
            payloadLength = prefix - 0x80;
            if (payloadLength > data.Length - payloadStart)
            {
                RlpErrors.LengthBeyondInput(_origin + position, (ulong)payloadLength, data.Length - payloadStart, _isListContent);
            }

            if (payloadLength == 1 && data[payloadStart] < 0x80)
            {
                RlpErrors.WrappedSingleByte(_origin + position, data[payloadStart]);
            }

            return false;
        }

        if (prefix is >= 0xC0 and <= 0xF7)
        {
            payloadStart = position + 1;
            payloadLength = prefix - 0xC0;
            if (payloadLength > data.Length - payloadStart)
            {
                RlpErrors.LengthBeyondInput(_origin + position, (ulong)payloadLength, data.Length - payloadStart, _isListContent);
            }

            return true;
        }

        return ReadLongHeader(position, prefix, out payloadStart, out payloadLength);
    }

    /// <summary>The long forms: 1 to 8 big-endian length bytes after the prefix, for payloads of 56 bytes or more.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly bool ReadLongHeader(int position, byte prefix, out int payloadStart, out int payloadLength)
    {
        var isList = prefix >= 0xF8;
        var lengthOfLength = prefix - (isList ? 0xF7 : 0xB7);
        var lengthStart = position + 1;
        var available = _data.Length - lengthStart;
        if (lengthOfLength > available)
        {
            RlpErrors.TruncatedLength(_origin + position, lengthOfLength, available, _isListContent);
        }

        var lengthBytes = _data.Slice(lengthStart, lengthOfLength);
        if (lengthBytes[0] == 0)
        {
            RlpErrors.LeadingZeroInLength(_origin + position);
        }

        ulong length = 0;
        foreach (var b in lengthBytes)
        {
            length = (length << 8) | b;
        }

        if (length < 56)
        {
            RlpErrors.NonMinimalLength(_origin + position, length);
        }

        payloadStart = lengthStart + lengthOfLength;
        if (length > (ulong)(_data.Length - payloadStart))
        {
            RlpErrors.LengthBeyondInput(_origin + position, length, _data.Length - payloadStart, _isListContent);
        }

        payloadLength = (int)length;
        return isList;
    }

    private static Address? ThrowOptionalAddressLength(int offset, int length) =>
        throw new RlpException(
            $"Expected an empty or 20-byte RLP string (an optional address) at offset {offset}, found {length} bytes.",
            offset);
}
