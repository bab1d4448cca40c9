using System.Buffers;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Core.Encoding;

/// <summary>
/// A growable RLP encoder for code off the hot path: write items in order, bracket lists with
/// <see cref="StartList"/> and <see cref="EndList"/>, and take the result. No lengths need computing up front.
/// </summary>
/// <remarks>
/// The buffer is rented from <see cref="ArrayPool{T}.Shared"/>; dispose the builder to return it.
/// <see cref="EndList"/> moves the list's content to make room for its header, so deep nesting of large lists
/// costs copies; hot paths size their output with <see cref="Rlp"/> and use <see cref="RlpWriter"/> instead.
/// </remarks>
public sealed class RlpBuilder : IDisposable
{
    private readonly Stack<int> _openLists = new();
    private byte[] _buffer;
    private int _length;

    /// <summary>Creates a builder with room for <paramref name="initialCapacity"/> bytes before it grows.</summary>
    /// <param name="initialCapacity">The initial buffer size.</param>
    public RlpBuilder(int initialCapacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCapacity);
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    /// <summary>Number of bytes written so far.</summary>
    public int Length => _length;

    /// <summary>Number of lists started and not yet ended.</summary>
    public int OpenLists => _openLists.Count;

    /// <summary>The bytes written so far; valid until the next write.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>Writes a byte string.</summary>
    /// <param name="value">The payload.</param>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        var writer = Append(Rlp.LengthOfBytes(value));
        writer.WriteBytes(value);
    }

    /// <summary>Writes an unsigned integer.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt64(ulong value)
    {
        var writer = Append(Rlp.LengthOfUInt64(value));
        writer.WriteUInt64(value);
    }

    /// <summary>Appends a 256-bit unsigned integer (minimal big-endian, zero is the empty string).</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt256(in UInt256 value)
    {
        var writer = Append(Rlp.LengthOfUInt256(value));
        writer.WriteUInt256(value);
    }

    /// <summary>Writes an unsigned big-endian integer, trimming leading zeros.</summary>
    /// <param name="bigEndian">The value, big-endian.</param>
    public void WriteInteger(ReadOnlySpan<byte> bigEndian)
    {
        var writer = Append(Rlp.LengthOfInteger(bigEndian));
        writer.WriteInteger(bigEndian);
    }

    /// <summary>Writes an address as a 20-byte string.</summary>
    /// <param name="address">The address.</param>
    public void WriteAddress(in Address address)
    {
        var writer = Append(Rlp.LengthOfAddress);
        writer.WriteAddress(address);
    }

    /// <summary>Writes an optional address: 20 bytes, or the empty string when absent.</summary>
    /// <param name="address">The address, or <see langword="null"/>.</param>
    public void WriteOptionalAddress(Address? address)
    {
        var writer = Append(Rlp.LengthOfOptionalAddress(address));
        writer.WriteOptionalAddress(address);
    }

    /// <summary>Writes a hash as a 32-byte string.</summary>
    /// <param name="hash">The hash.</param>
    public void WriteHash256(in Hash256 hash)
    {
        var writer = Append(Rlp.LengthOfHash256);
        writer.WriteHash256(hash);
    }

    /// <summary>Copies already-encoded RLP as it is.</summary>
    /// <param name="encoded">One or more whole encoded items.</param>
    public void WriteEncoded(ReadOnlySpan<byte> encoded)
    {
        var writer = Append(encoded.Length);
        writer.WriteEncoded(encoded);
    }

    /// <summary>Starts a list: the items written until the matching <see cref="EndList"/> become its content.</summary>
    public void StartList() => _openLists.Push(_length);

    /// <summary>Ends the innermost open list, inserting its header before its content.</summary>
    /// <exception cref="InvalidOperationException">No list is open.</exception>
    public void EndList()
    {
        if (!_openLists.TryPop(out var start))
        {
            throw new InvalidOperationException("EndList without a matching StartList.");
        }

        var contentLength = _length - start;
        var headerLength = Rlp.LengthOfHeader(contentLength);
        EnsureCapacity(headerLength);
        _buffer.AsSpan(start, contentLength).CopyTo(_buffer.AsSpan(start + headerLength));
        var writer = new RlpWriter(_buffer.AsSpan(start, headerLength));
        writer.WriteListHeader(contentLength);
        _length += headerLength;
    }

    /// <summary>Returns the encoding written so far as a new array.</summary>
    /// <returns>The encoded bytes.</returns>
    /// <exception cref="InvalidOperationException">A list is still open.</exception>
    public byte[] ToArray()
    {
        if (_openLists.Count != 0)
        {
            throw new InvalidOperationException($"{_openLists.Count} RLP lists are still open.");
        }

        return WrittenSpan.ToArray();
    }

    /// <summary>Discards everything written, keeping the buffer.</summary>
    public void Clear()
    {
        _length = 0;
        _openLists.Clear();
    }

    /// <summary>Returns the buffer to the pool; the builder must not be used afterwards.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length != 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private RlpWriter Append(int count)
    {
        EnsureCapacity(count);
        var writer = new RlpWriter(_buffer.AsSpan(_length, count));
        _length += count;
        return writer;
    }

    private void EnsureCapacity(int extra)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        var needed = checked(_length + extra);
        if (needed <= _buffer.Length)
        {
            return;
        }

        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = grown;
    }
}
