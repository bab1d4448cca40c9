using System.Runtime.CompilerServices;
using System.Text;
using Nectar.Core.Numerics;

namespace Nectar.Contracts.Abi;

/// <summary>
/// Encodes values with the Solidity contract ABI: static values in place, dynamic ones behind offsets in the
/// tail, exactly as <c>abi.encode</c> does.
/// </summary>
/// <remarks>
/// Encoding takes two passes: the first checks every value against its type and computes the exact length, the
/// second writes every byte of the output (heads, offsets, tails and zero padding) without allocating, so the
/// destination need not be cleared and the array overloads allocate nothing but the result.
/// </remarks>
[SkipLocalsInit]
public static class AbiEncoder
{
    /// <summary>Strict UTF-8: a string with a lone surrogate cannot be encoded.</summary>
    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Checks <paramref name="values"/> against the parameter list and returns the length of their encoding.</summary>
    /// <param name="parameters">A tuple type: the parameter list.</param>
    /// <param name="values">One value per parameter.</param>
    /// <returns>The number of bytes <see cref="Encode(AbiType, ReadOnlySpan{AbiValue}, Span{byte})"/> writes.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is not a tuple.</exception>
    /// <exception cref="AbiEncodingException">A value does not fit its type, or the counts differ.</exception>
    public static int GetEncodedLength(AbiType parameters, ReadOnlySpan<AbiValue> values)
    {
        RequireTuple(parameters);
        try
        {
            return TupleSize(parameters.ComponentSpan, values);
        }
        catch (OverflowException e)
        {
            throw new AbiEncodingException("The encoding would exceed 2 GiB.", e);
        }
    }

    /// <summary>Encodes the values of a parameter list into <paramref name="destination"/>.</summary>
    /// <param name="parameters">A tuple type: the parameter list.</param>
    /// <param name="values">One value per parameter.</param>
    /// <param name="destination">Room for at least <see cref="GetEncodedLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is not a tuple, or the destination is too short.</exception>
    /// <exception cref="AbiEncodingException">A value does not fit its type, or the counts differ.</exception>
    public static int Encode(AbiType parameters, ReadOnlySpan<AbiValue> values, Span<byte> destination)
    {
        var length = GetEncodedLength(parameters, values);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes; the encoding needs {length}.", nameof(destination));
        }

        WriteTuple(parameters.ComponentSpan, values, destination[..length]);
        return length;
    }

    /// <summary>Encodes the values of a parameter list into a new array (<c>abi.encode(values…)</c>).</summary>
    /// <param name="parameters">A tuple type: the parameter list.</param>
    /// <param name="values">One value per parameter.</param>
    /// <returns>The encoding.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is not a tuple.</exception>
    /// <exception cref="AbiEncodingException">A value does not fit its type, or the counts differ.</exception>
    public static byte[] Encode(AbiType parameters, params ReadOnlySpan<AbiValue> values)
    {
        var length = GetEncodedLength(parameters, values);
        var result = GC.AllocateUninitializedArray<byte>(length);
        WriteTuple(parameters.ComponentSpan, values, result);
        return result;
    }

    /// <summary>Encodes a 4-byte selector followed by the values (call data, or revert data of a custom error).</summary>
    /// <param name="selector">The selector.</param>
    /// <param name="parameters">A tuple type: the parameter list.</param>
    /// <param name="values">One value per parameter.</param>
    /// <returns>The selector and the encoding.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is not a tuple.</exception>
    /// <exception cref="AbiEncodingException">A value does not fit its type, or the counts differ.</exception>
    public static byte[] EncodeWithSelector(AbiSelector selector, AbiType parameters, params ReadOnlySpan<AbiValue> values)
    {
        var length = GetEncodedLength(parameters, values);
        var result = GC.AllocateUninitializedArray<byte>(checked(AbiSelector.Length + length));
        selector.WriteTo(result);
        WriteTuple(parameters.ComponentSpan, values, result.AsSpan(AbiSelector.Length));
        return result;
    }

    /// <summary>Encodes a selector and the values into <paramref name="destination"/>.</summary>
    /// <param name="selector">The selector.</param>
    /// <param name="parameters">A tuple type: the parameter list.</param>
    /// <param name="values">One value per parameter.</param>
    /// <param name="destination">Room for 4 + <see cref="GetEncodedLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is not a tuple, or the destination is too short.</exception>
    /// <exception cref="AbiEncodingException">A value does not fit its type, or the counts differ.</exception>
    public static int EncodeWithSelector(AbiSelector selector, AbiType parameters, ReadOnlySpan<AbiValue> values, Span<byte> destination)
    {
        if (destination.Length < AbiSelector.Length)
        {
            throw new ArgumentException("The destination has no room for the selector.", nameof(destination));
        }

        var written = Encode(parameters, values, destination[AbiSelector.Length..]);
        selector.WriteTo(destination);
        return AbiSelector.Length + written;
    }

    internal static void RequireTuple(AbiType parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Kind != AbiTypeKind.Tuple)
        {
            throw new ArgumentException($"Expected a parameter list (a tuple type), got {parameters}.", nameof(parameters));
        }
    }

    /// <summary>Rounds a byte count up to whole 32-byte words.</summary>
    internal static int Padded(int length) => checked((length + 31) & ~31);

    // ---- Pass one: check and measure. Sizes are whole encodings: the static size, or head plus tail. ----

    private static int Size(AbiType type, in AbiValue value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
                return checked(32 + Padded(RequireBytes(type, value).Length));
            case AbiTypeKind.String:
                return checked(32 + Padded(Utf8Length(type, value)));
            case AbiTypeKind.Array:
                return checked(32 + SequenceSize(type.Element!, RequireItems(type, value, AbiValueKind.Array, -1)));
            case AbiTypeKind.FixedArray:
                return SequenceSize(type.Element!, RequireItems(type, value, AbiValueKind.Array, type.Length));
            case AbiTypeKind.Tuple:
                return TupleSize(type.ComponentSpan, RequireItems(type, value, AbiValueKind.Tuple, type.Components.Count));
            default:
                CheckScalar(type, value);
                return 32;
        }
    }

    private static int SequenceSize(AbiType element, ReadOnlySpan<AbiValue> items)
    {
        var total = 0;
        var offsetWord = element.IsDynamic ? 32 : 0;
        for (var i = 0; i < items.Length; i++)
        {
            try
            {
                total = checked(total + offsetWord + Size(element, items[i]));
            }
            catch (AbiEncodingException e)
            {
                e.PathSegments.AddElement(i);
                throw;
            }
        }

        return total;
    }

    private static int TupleSize(ReadOnlySpan<AbiParameter> components, ReadOnlySpan<AbiValue> values)
    {
        if (values.Length != components.Length)
        {
            throw new AbiEncodingException($"Expected {components.Length} values for the parameters, got {values.Length}.");
        }

        var total = 0;
        for (var i = 0; i < components.Length; i++)
        {
            var type = components[i].Type;
            try
            {
                total = checked(total + (type.IsDynamic ? 32 : 0) + Size(type, values[i]));
            }
            catch (AbiEncodingException e)
            {
                e.PathSegments.AddComponent(components[i], i);
                throw;
            }
        }

        return total;
    }

    private static void CheckScalar(AbiType type, in AbiValue value)
    {
        var word = value.Word;
        var fits = (type.Kind, value.Kind) switch
        {
            (AbiTypeKind.UInt, AbiValueKind.UInt) => word.BitLength <= type.Size,
            (AbiTypeKind.UInt, AbiValueKind.Int) => !word.IsNegative && word.BitLength <= type.Size,
            (AbiTypeKind.Int, AbiValueKind.UInt) => word.BitLength < type.Size,
            (AbiTypeKind.Int, AbiValueKind.Int) => (word.IsNegative ? ~word : word).BitLength < type.Size,
            (AbiTypeKind.Address, AbiValueKind.Address) => true,
            (AbiTypeKind.Bool, AbiValueKind.Bool) => true,
            (AbiTypeKind.FixedBytes or AbiTypeKind.Function, AbiValueKind.FixedBytes) => value.FixedBytesLength == type.Size,
            _ => throw new AbiEncodingException($"A {type.CanonicalName} cannot be encoded from a {Describe(value.Kind)} value."),
        };

        if (!fits)
        {
            throw new AbiEncodingException($"The value {value} does not fit {type.CanonicalName}.");
        }
    }

    private static byte[] RequireBytes(AbiType type, in AbiValue value) =>
        value.Kind == AbiValueKind.Bytes
            ? (byte[])value.Reference!
            : throw new AbiEncodingException($"A {type.CanonicalName} cannot be encoded from a {Describe(value.Kind)} value.");

    private static int Utf8Length(AbiType type, in AbiValue value)
    {
        if (value.Kind != AbiValueKind.String)
        {
            throw new AbiEncodingException($"A {type.CanonicalName} cannot be encoded from a {Describe(value.Kind)} value.");
        }

        try
        {
            return StrictUtf8.GetByteCount((string)value.Reference!);
        }
        catch (EncoderFallbackException e)
        {
            throw new AbiEncodingException("The string is not well-formed UTF-16 (it has a lone surrogate) and has no UTF-8 form.", e);
        }
    }

    private static ReadOnlySpan<AbiValue> RequireItems(AbiType type, in AbiValue value, AbiValueKind kind, int count)
    {
        if (value.Kind != kind)
        {
            throw new AbiEncodingException($"A {type.CanonicalName} cannot be encoded from a {Describe(value.Kind)} value.");
        }

        var items = (AbiValue[])value.Reference!;
        if (count >= 0 && items.Length != count)
        {
            throw new AbiEncodingException($"A {type.CanonicalName} needs {count} values, got {items.Length}.");
        }

        return items;
    }

    private static string Describe(AbiValueKind kind) => kind switch
    {
        AbiValueKind.None => "empty",
        AbiValueKind.UInt => "unsigned integer",
        AbiValueKind.Int => "signed integer",
        AbiValueKind.FixedBytes => "fixed bytes",
        AbiValueKind.Bytes => "byte string",
        _ => kind.ToString().ToLowerInvariant(),
    };

    // ---- Pass two: write. Values have been checked; every byte of the destination is written. ----

    private static int Write(AbiType type, in AbiValue value, Span<byte> destination)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
                var bytes = (byte[])value.Reference!;
                WriteLength(destination, bytes.Length);
                bytes.CopyTo(destination[32..]);
                return 32 + Pad(destination[32..], bytes.Length);
            case AbiTypeKind.String:
                var length = StrictUtf8.GetBytes((string)value.Reference!, destination[32..]);
                WriteLength(destination, length);
                return 32 + Pad(destination[32..], length);
            case AbiTypeKind.Array:
                var items = (AbiValue[])value.Reference!;
                WriteLength(destination, items.Length);
                return 32 + WriteSequence(type.Element!, items, destination[32..]);
            case AbiTypeKind.FixedArray:
                return WriteSequence(type.Element!, (AbiValue[])value.Reference!, destination);
            case AbiTypeKind.Tuple:
                return WriteTuple(type.ComponentSpan, (AbiValue[])value.Reference!, destination);
            default:
                // Every scalar's word is already its encoding: integers in two's complement, addresses
                // right-aligned, fixed bytes left-aligned.
                value.Word.ToBigEndian(destination);
                return 32;
        }
    }

    private static int WriteSequence(AbiType element, ReadOnlySpan<AbiValue> items, Span<byte> destination)
    {
        if (!element.IsDynamic)
        {
            var position = 0;
            foreach (ref readonly var item in items)
            {
                position += Write(element, item, destination[position..]);
            }

            return position;
        }

        var tail = items.Length * 32;
        for (var i = 0; i < items.Length; i++)
        {
            WriteLength(destination[(i * 32)..], tail);
            tail += Write(element, items[i], destination[tail..]);
        }

        return tail;
    }

    private static int WriteTuple(ReadOnlySpan<AbiParameter> components, ReadOnlySpan<AbiValue> values, Span<byte> destination)
    {
        var tail = 0;
        foreach (var component in components)
        {
            tail += component.Type.HeadSize;
        }

        var head = 0;
        for (var i = 0; i < components.Length; i++)
        {
            var type = components[i].Type;
            if (type.IsDynamic)
            {
                WriteLength(destination[head..], tail);
                tail += Write(type, values[i], destination[tail..]);
                head += 32;
            }
            else
            {
                head += Write(type, values[i], destination[head..]);
            }
        }

        return tail;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteLength(Span<byte> destination, int value) => new UInt256((ulong)value).ToBigEndian(destination);

    /// <summary>Zeroes the bytes after <paramref name="length"/> up to the next word boundary; returns the padded length.</summary>
    private static int Pad(Span<byte> content, int length)
    {
        var padded = Padded(length);
        content[length..padded].Clear();
        return padded;
    }
}
