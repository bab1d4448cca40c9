using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Abi;

/// <summary>
/// A value to encode or a decoded value: a scalar held inline (no allocation), or a byte string, a string, or a
/// sequence of values (array or tuple) held by reference.
/// </summary>
/// <remarks>
/// A value does not carry its ABI type: the encoder checks it against the type it is encoded as (kind, integer
/// range, byte count, array length) and the decoder produces the kind that matches the type. Byte arrays and
/// value arrays passed to the factories are kept, not copied; do not change them afterwards.
/// </remarks>
[SkipLocalsInit]
public readonly struct AbiValue : IEquatable<AbiValue>
{
    // UInt: the value. Int: 256-bit two's complement. Address: right-aligned. Bool: 0 or 1.
    // FixedBytes: the ABI word, bytes left-aligned (as a big-endian number).
    private readonly UInt256 _word;

    // byte[] for Bytes, string for String, AbiValue[] for Array and Tuple.
    private readonly object? _reference;
    private readonly AbiValueKind _kind;

    // Number of bytes of a FixedBytes value.
    private readonly byte _size;

    private AbiValue(AbiValueKind kind, in UInt256 word, object? reference, int size)
    {
        _kind = kind;
        _word = word;
        _reference = reference;
        _size = (byte)size;
    }

    /// <summary>The kind of value.</summary>
    public AbiValueKind Kind => _kind;

    /// <summary>Number of items of an array or tuple.</summary>
    /// <exception cref="InvalidOperationException">The value is not an array or tuple.</exception>
    public int Count => Items.Length;

    /// <summary>The items of an array or tuple.</summary>
    /// <exception cref="InvalidOperationException">The value is not an array or tuple.</exception>
    public ReadOnlySpan<AbiValue> Items =>
        _kind is AbiValueKind.Array or AbiValueKind.Tuple ? (AbiValue[])_reference! : throw WrongKind("an array or tuple");

    /// <summary>Number of bytes of a <c>bytesN</c> (or <c>function</c>) value.</summary>
    /// <exception cref="InvalidOperationException">The value is not fixed bytes.</exception>
    public int FixedBytesLength => _kind == AbiValueKind.FixedBytes ? _size : throw WrongKind("fixed bytes");

    /// <summary>The raw 32-byte ABI word of a scalar (an integer, address, bool or fixed bytes), as a number.</summary>
    internal UInt256 Word => _word;

    /// <summary>The referenced object: <c>byte[]</c>, <c>string</c> or <c>AbiValue[]</c>.</summary>
    internal object? Reference => _reference;

    /// <summary>The item at <paramref name="index"/> of an array or tuple.</summary>
    /// <param name="index">The position.</param>
    /// <returns>The item.</returns>
    public AbiValue this[int index] => Items[index];

    /// <summary>An unsigned integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A <see cref="AbiValueKind.UInt"/> value.</returns>
    public static AbiValue FromUInt(in UInt256 value) => new(AbiValueKind.UInt, value, null, 0);

    /// <summary>An unsigned integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A <see cref="AbiValueKind.UInt"/> value.</returns>
    public static AbiValue FromUInt(ulong value) => new(AbiValueKind.UInt, new UInt256(value), null, 0);

    /// <summary>A signed integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A <see cref="AbiValueKind.Int"/> value.</returns>
    public static AbiValue FromInt(long value)
    {
        var fill = value < 0 ? ulong.MaxValue : 0;
        return new(AbiValueKind.Int, new UInt256((ulong)value, fill, fill, fill), null, 0);
    }

    /// <summary>A signed integer given as its 256-bit two's complement.</summary>
    /// <param name="twosComplement">The bits; values with the top bit set are negative.</param>
    /// <returns>A <see cref="AbiValueKind.Int"/> value.</returns>
    public static AbiValue FromTwosComplement(in UInt256 twosComplement) => new(AbiValueKind.Int, twosComplement, null, 0);

    /// <summary>A signed integer in the range of <c>int256</c>.</summary>
    /// <param name="value">From -2^255 to 2^255 - 1.</param>
    /// <returns>A <see cref="AbiValueKind.Int"/> value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value does not fit <c>int256</c>.</exception>
    public static AbiValue FromInt(BigInteger value)
    {
        var limit = BigInteger.One << 255;
        if (value < -limit || value >= limit)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "The value does not fit int256.");
        }

        return new(AbiValueKind.Int, (UInt256)(value < 0 ? value + (limit << 1) : value), null, 0);
    }

    /// <summary>An address.</summary>
    /// <param name="address">The address.</param>
    /// <returns>A <see cref="AbiValueKind.Address"/> value.</returns>
    public static AbiValue FromAddress(Address address)
    {
        Span<byte> word = stackalloc byte[32];
        word[..12].Clear();
        address.CopyTo(word[12..]);
        return new(AbiValueKind.Address, new UInt256(word), null, 0);
    }

    /// <summary>A boolean.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A <see cref="AbiValueKind.Bool"/> value.</returns>
    public static AbiValue FromBool(bool value) => new(AbiValueKind.Bool, value ? UInt256.One : UInt256.Zero, null, 0);

    /// <summary>1 to 32 bytes for a <c>bytesN</c> (or 24 for a <c>function</c>).</summary>
    /// <param name="bytes">The bytes; their count must equal N when encoded.</param>
    /// <returns>A <see cref="AbiValueKind.FixedBytes"/> value.</returns>
    /// <exception cref="ArgumentException">Fewer than 1 or more than 32 bytes.</exception>
    public static AbiValue FromFixedBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length is < 1 or > 32)
        {
            throw new ArgumentException($"Fixed bytes hold 1 to 32 bytes, got {bytes.Length}.", nameof(bytes));
        }

        Span<byte> word = stackalloc byte[32];
        bytes.CopyTo(word);
        word[bytes.Length..].Clear();
        return new(AbiValueKind.FixedBytes, new UInt256(word), null, bytes.Length);
    }

    /// <summary>A <c>bytes32</c> holding a hash.</summary>
    /// <param name="hash">The hash.</param>
    /// <returns>A 32-byte <see cref="AbiValueKind.FixedBytes"/> value.</returns>
    public static AbiValue FromHash(Hash256 hash) => FromFixedBytes(hash.Bytes);

    /// <summary>A byte string; the array is kept, not copied.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>A <see cref="AbiValueKind.Bytes"/> value.</returns>
    public static AbiValue FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new(AbiValueKind.Bytes, default, bytes, 0);
    }

    /// <summary>A byte string copied from a span.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>A <see cref="AbiValueKind.Bytes"/> value.</returns>
    public static AbiValue FromBytes(ReadOnlySpan<byte> bytes) => new(AbiValueKind.Bytes, default, bytes.ToArray(), 0);

    /// <summary>A string, encoded as UTF-8.</summary>
    /// <param name="value">The string; it must be well-formed UTF-16 (no lone surrogates) to encode.</param>
    /// <returns>A <see cref="AbiValueKind.String"/> value.</returns>
    public static AbiValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(AbiValueKind.String, default, value, 0);
    }

    /// <summary>An array (for <c>T[]</c> or <c>T[k]</c>); the array of items is kept, not copied.</summary>
    /// <param name="items">The elements.</param>
    /// <returns>A <see cref="AbiValueKind.Array"/> value.</returns>
    public static AbiValue ArrayOf(params AbiValue[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(AbiValueKind.Array, default, items, 0);
    }

    /// <summary>A tuple; the array of items is kept, not copied.</summary>
    /// <param name="items">The components in order.</param>
    /// <returns>A <see cref="AbiValueKind.Tuple"/> value.</returns>
    public static AbiValue TupleOf(params AbiValue[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(AbiValueKind.Tuple, default, items, 0);
    }

    /// <summary>The integer as 256 bits: the value of a <see cref="AbiValueKind.UInt"/>, the two's complement of an <see cref="AbiValueKind.Int"/>.</summary>
    /// <returns>The bits.</returns>
    /// <exception cref="InvalidOperationException">The value is not an integer.</exception>
    public UInt256 AsUInt256() => _kind is AbiValueKind.UInt or AbiValueKind.Int ? _word : throw WrongKind("an integer");

    /// <summary>The integer as a 64-bit unsigned number.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">The value is not an integer.</exception>
    /// <exception cref="OverflowException">The value is negative or above <see cref="ulong.MaxValue"/>.</exception>
    public ulong ToUInt64()
    {
        var word = AsUInt256();
        return word.TryGetUInt64(out var value) ? value : throw new OverflowException($"{this} does not fit a 64-bit unsigned integer.");
    }

    /// <summary>The integer as a 64-bit signed number.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">The value is not an integer.</exception>
    /// <exception cref="OverflowException">The value is outside the range of <see cref="long"/>.</exception>
    public long ToInt64()
    {
        var value = ToBigInteger();
        return value >= long.MinValue && value <= long.MaxValue ? (long)value : throw new OverflowException($"{this} does not fit a 64-bit signed integer.");
    }

    /// <summary>The integer as a <see cref="BigInteger"/>, negative for a negative <see cref="AbiValueKind.Int"/>.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">The value is not an integer.</exception>
    public BigInteger ToBigInteger()
    {
        var word = AsUInt256();
        var value = (BigInteger)word;
        return _kind == AbiValueKind.Int && word.IsNegative ? value - (BigInteger.One << 256) : value;
    }

    /// <summary>The address.</summary>
    /// <returns>The address.</returns>
    /// <exception cref="InvalidOperationException">The value is not an address.</exception>
    public Address AsAddress()
    {
        if (_kind != AbiValueKind.Address)
        {
            throw WrongKind("an address");
        }

        Span<byte> word = stackalloc byte[32];
        _word.ToBigEndian(word);
        return new Address(word[12..]);
    }

    /// <summary>The boolean.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">The value is not a bool.</exception>
    public bool AsBool() => _kind == AbiValueKind.Bool ? !_word.IsZero : throw WrongKind("a bool");

    /// <summary>The string.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">The value is not a string.</exception>
    public string AsString() => _kind == AbiValueKind.String ? (string)_reference! : throw WrongKind("a string");

    /// <summary>The byte string (no copy).</summary>
    /// <returns>The bytes.</returns>
    /// <exception cref="InvalidOperationException">The value is not a byte string.</exception>
    public ReadOnlyMemory<byte> AsBytes() => _kind == AbiValueKind.Bytes ? (byte[])_reference! : throw WrongKind("a byte string");

    /// <summary>A <c>bytes32</c> value as a hash.</summary>
    /// <returns>The 32 bytes.</returns>
    /// <exception cref="InvalidOperationException">The value is not 32 fixed bytes.</exception>
    public Hash256 AsHash256()
    {
        if (_kind != AbiValueKind.FixedBytes || _size != 32)
        {
            throw WrongKind("32 fixed bytes");
        }

        Span<byte> word = stackalloc byte[32];
        _word.ToBigEndian(word);
        return new Hash256(word);
    }

    /// <summary>Copies the bytes of a fixed-bytes value (N of them) or a byte string into <paramref name="destination"/>.</summary>
    /// <param name="destination">Room for the bytes.</param>
    /// <returns>The number of bytes copied.</returns>
    /// <exception cref="InvalidOperationException">The value holds no bytes.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public int CopyBytesTo(Span<byte> destination)
    {
        switch (_kind)
        {
            case AbiValueKind.FixedBytes:
                if (destination.Length < _size)
                {
                    throw new ArgumentException("The destination is too short.", nameof(destination));
                }

                Span<byte> word = stackalloc byte[32];
                _word.ToBigEndian(word);
                word[.._size].CopyTo(destination);
                return _size;
            case AbiValueKind.Bytes:
                var bytes = (byte[])_reference!;
                bytes.CopyTo(destination);
                return bytes.Length;
            default:
                throw WrongKind("fixed bytes or a byte string");
        }
    }

    /// <summary>A new array with the bytes of a fixed-bytes value or a copy of a byte string.</summary>
    /// <returns>The bytes.</returns>
    /// <exception cref="InvalidOperationException">The value holds no bytes.</exception>
    public byte[] ToByteArray()
    {
        var bytes = new byte[_kind == AbiValueKind.FixedBytes ? _size : AsBytes().Length];
        CopyBytesTo(bytes);
        return bytes;
    }

    /// <summary>Deep equality: same kind and same content (the items of arrays and tuples compared in turn).</summary>
    /// <param name="other">The other value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(AbiValue other)
    {
        if (_kind != other._kind || _size != other._size || _word != other._word)
        {
            return false;
        }

        return (_reference, other._reference) switch
        {
            (null, null) => true,
            (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (AbiValue[] a, AbiValue[] b) => a.AsSpan().SequenceEqual(b),
            _ => false,
        };
    }

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is AbiValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_kind);
        hash.Add(_word);
        switch (_reference)
        {
            case byte[] bytes:
                hash.AddBytes(bytes);
                break;
            case string text:
                hash.Add(text, StringComparer.Ordinal);
                break;
            case AbiValue[] items:
                foreach (var item in items)
                {
                    hash.Add(item);
                }

                break;
        }

        return hash.ToHashCode();
    }

    /// <summary>Whether two values are deeply equal.</summary>
    public static bool operator ==(AbiValue left, AbiValue right) => left.Equals(right);

    /// <summary>Whether two values differ.</summary>
    public static bool operator !=(AbiValue left, AbiValue right) => !left.Equals(right);

    /// <summary>
    /// A readable rendering: integers in decimal, addresses and bytes in hex, strings quoted, arrays in
    /// brackets and tuples in parentheses.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Append(builder);
        return builder.ToString();
    }

    private void Append(StringBuilder builder)
    {
        switch (_kind)
        {
            case AbiValueKind.UInt or AbiValueKind.Int:
                builder.Append(ToBigInteger().ToString(CultureInfo.InvariantCulture));
                break;
            case AbiValueKind.Address:
                builder.Append(AsAddress().ToString());
                break;
            case AbiValueKind.Bool:
                builder.Append(AsBool() ? "true" : "false");
                break;
            case AbiValueKind.FixedBytes or AbiValueKind.Bytes:
                builder.Append(Hex.ToHexString(ToByteArray()));
                break;
            case AbiValueKind.String:
                builder.Append('"').Append((string)_reference!).Append('"');
                break;
            case AbiValueKind.Array or AbiValueKind.Tuple:
                builder.Append(_kind == AbiValueKind.Array ? '[' : '(');
                var items = (AbiValue[])_reference!;
                for (var i = 0; i < items.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    items[i].Append(builder);
                }

                builder.Append(_kind == AbiValueKind.Array ? ']' : ')');
                break;
            default:
                builder.Append("<none>");
                break;
        }
    }

    private InvalidOperationException WrongKind(string expected) =>
        new($"The ABI value is {(_kind == AbiValueKind.None ? "empty" : _kind.ToString())}, not {expected}.");
}
