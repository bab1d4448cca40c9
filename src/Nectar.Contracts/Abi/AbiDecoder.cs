using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;

namespace Nectar.Contracts.Abi;

/// <summary>
/// Decodes Solidity ABI data strictly: every read is bounds-checked, offsets must point past the head of their
/// enclosing tuple and inside the data, lengths must fit the data that remains, and each word must follow the
/// padding rules of its type (zero high bytes of <c>uintN</c> and <c>address</c>, sign extension of <c>intN</c>,
/// 0 or 1 for <c>bool</c>, zero low bytes of <c>bytesN</c>, zero padding after <c>bytes</c> and <c>string</c>,
/// which must also be valid UTF-8). Failures throw <see cref="AbiDecodingException"/> naming the byte offset and
/// the parameter.
/// </summary>
/// <remarks>
/// A canonical encoding reads each of its words once, so the decoder refuses to read more words than the input
/// holds: offsets that alias one tail many times cannot make a short input decode into a huge value. Bytes after
/// the encoding are ignored, as Solidity ignores them. Scalars decode without allocation; byte strings, strings,
/// arrays and tuples allocate their results.
/// </remarks>
[SkipLocalsInit]
public static class AbiDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes the values of a parameter list.</summary>
    /// <param name="parameters">A tuple type: the parameter list.</param>
    /// <param name="data">The encoding (return data, or call data after the selector).</param>
    /// <returns>One value per parameter.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is not a tuple.</exception>
    /// <exception cref="AbiDecodingException">The data is malformed.</exception>
    public static AbiValue[] Decode(AbiType parameters, ReadOnlySpan<byte> data)
    {
        AbiEncoder.RequireTuple(parameters);
        var values = new AbiValue[parameters.Components.Count];
        Decode(parameters, data, values);
        return values;
    }

    /// <summary>Decodes the values of a parameter list into <paramref name="destination"/> (no allocation for scalar parameters).</summary>
    /// <param name="parameters">A tuple type: the parameter list.</param>
    /// <param name="data">The encoding.</param>
    /// <param name="destination">Exactly one slot per parameter.</param>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is not a tuple, or the destination has the wrong length.</exception>
    /// <exception cref="AbiDecodingException">The data is malformed.</exception>
    public static void Decode(AbiType parameters, ReadOnlySpan<byte> data, Span<AbiValue> destination)
    {
        AbiEncoder.RequireTuple(parameters);
        if (destination.Length != parameters.Components.Count)
        {
            throw new ArgumentException($"The destination has {destination.Length} slots for {parameters.Components.Count} parameters.", nameof(destination));
        }

        var reader = new Reader(data);
        reader.ReadTuple(parameters, 0, destination);
    }

    /// <summary>Checks the 4-byte selector at the start of <paramref name="data"/> and decodes what follows.</summary>
    /// <param name="selector">The selector the data must start with.</param>
    /// <param name="parameters">A tuple type: the parameter list.</param>
    /// <param name="data">The selector and the encoding; error offsets count from after the selector.</param>
    /// <returns>One value per parameter.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is not a tuple.</exception>
    /// <exception cref="AbiDecodingException">The selector differs or the data is malformed.</exception>
    public static AbiValue[] DecodeWithSelector(AbiSelector selector, AbiType parameters, ReadOnlySpan<byte> data)
    {
        if (!AbiSelector.TryRead(data, out var actual))
        {
            throw new AbiDecodingException($"The data has {data.Length} bytes, too few for a 4-byte selector.", 0);
        }

        if (actual != selector)
        {
            throw new AbiDecodingException($"The data starts with selector {actual}, expected {selector}.", 0);
        }

        return Decode(parameters, data[AbiSelector.Length..]);
    }

    private ref struct Reader
    {
        private readonly ReadOnlySpan<byte> _data;

        // Words the decoder may still read; see the remarks of AbiDecoder.
        private long _budget;

        public Reader(ReadOnlySpan<byte> data)
        {
            _data = data;
            _budget = ((long)data.Length + 31) / 32;
        }

        public void ReadTuple(AbiType tuple, int start, Span<AbiValue> values)
        {
            var components = tuple.ComponentSpan;
            var headSize = 0L;
            foreach (var component in components)
            {
                headSize += component.Type.HeadSize;
            }

            RequireRoom(start, headSize, tuple);
            var head = start;
            for (var i = 0; i < components.Length; i++)
            {
                var type = components[i].Type;
                try
                {
                    values[i] = type.IsDynamic ? Read(type, ReadOffset(head, start, headSize)) : Read(type, head);
                }
                catch (AbiDecodingException e)
                {
                    e.PathSegments.AddComponent(components[i], i);
                    throw;
                }

                head += type.HeadSize;
            }
        }

        private AbiValue Read(AbiType type, int position)
        {
            switch (type.Kind)
            {
                case AbiTypeKind.Bytes:
                    return AbiValue.FromBytes(ReadContent(position, type).ToArray());
                case AbiTypeKind.String:
                    var content = ReadContent(position, type);
                    try
                    {
                        return AbiValue.FromString(StrictUtf8.GetString(content));
                    }
                    catch (DecoderFallbackException)
                    {
                        throw new AbiDecodingException("The string is not valid UTF-8", position + 32);
                    }

                case AbiTypeKind.Array:
                    var count = ReadLength(position, type);
                    var start = position + 32;
                    if (count > (_data.Length - (long)start) / type.Element!.HeadSize)
                    {
                        throw new AbiDecodingException(
                            $"The {type.CanonicalName} declares {count} elements but only {_data.Length - start} bytes follow its length", position);
                    }

                    var elements = new AbiValue[count];
                    ReadSequence(type.Element, start, elements);
                    return AbiValue.ArrayOf(elements);
                case AbiTypeKind.FixedArray:
                    RequireRoom(position, (long)type.Element!.HeadSize * type.Length, type);
                    var fixedElements = new AbiValue[type.Length];
                    ReadSequence(type.Element, position, fixedElements);
                    return AbiValue.ArrayOf(fixedElements);
                case AbiTypeKind.Tuple:
                    var components = new AbiValue[type.Components.Count];
                    ReadTuple(type, position, components);
                    return AbiValue.TupleOf(components);
                default:
                    return ReadScalar(type, position);
            }
        }

        private void ReadSequence(AbiType element, int start, Span<AbiValue> items)
        {
            var headSize = (long)element.HeadSize * items.Length;
            for (var i = 0; i < items.Length; i++)
            {
                var head = start + (i * element.HeadSize);
                try
                {
                    items[i] = element.IsDynamic ? Read(element, ReadOffset(head, start, headSize)) : Read(element, head);
                }
                catch (AbiDecodingException e)
                {
                    e.PathSegments.AddElement(i);
                    throw;
                }
            }
        }

        private AbiValue ReadScalar(AbiType type, int position)
        {
            var word = Word(position);
            switch (type.Kind)
            {
                case AbiTypeKind.UInt:
                    RequireZero(word[..(32 - (type.Size / 8))], type, position, "non-zero bytes above its bits");
                    return AbiValue.FromUInt(new UInt256(word));
                case AbiTypeKind.Int:
                    var valueStart = 32 - (type.Size / 8);
                    var fill = (word[valueStart] & 0x80) != 0 ? (byte)0xff : (byte)0x00;
                    if (word[..valueStart].ContainsAnyExcept(fill))
                    {
                        throw new AbiDecodingException($"The {type.CanonicalName} word is not sign-extended: {Hex.ToHexString(word)}", position);
                    }

                    return AbiValue.FromTwosComplement(new UInt256(word));
                case AbiTypeKind.Address:
                    RequireZero(word[..12], type, position, "non-zero bytes above its 20 bytes");
                    return AbiValue.FromAddress(new Nectar.Core.Primitives.Address(word[12..]));
                case AbiTypeKind.Bool:
                    if (word[..31].ContainsAnyExcept((byte)0) || word[31] > 1)
                    {
                        throw new AbiDecodingException($"The bool word is neither 0 nor 1: {Hex.ToHexString(word)}", position);
                    }

                    return AbiValue.FromBool(word[31] == 1);
                default:
                    RequireZero(word[type.Size..], type, position, "non-zero bytes after its bytes");
                    return AbiValue.FromFixedBytes(word[..type.Size]);
            }
        }

        /// <summary>Reads the length word at <paramref name="position"/> and returns the content and checks its padding.</summary>
        private ReadOnlySpan<byte> ReadContent(int position, AbiType type)
        {
            var length = ReadLength(position, type);
            var start = position + 32;
            var padded = ((long)length + 31) & ~31L;
            if (start + padded > _data.Length)
            {
                throw new AbiDecodingException(
                    $"The {type.CanonicalName} declares {length} bytes (padded to {padded}) but only {_data.Length - start} bytes follow its length", position);
            }

            Spend(padded / 32, start);
            var content = _data.Slice(start, length);
            var padding = _data.Slice(start + length, (int)padded - length);
            var nonZero = padding.IndexOfAnyExcept((byte)0);
            if (nonZero >= 0)
            {
                throw new AbiDecodingException($"The {type.CanonicalName} has a non-zero padding byte", start + length + nonZero);
            }

            return content;
        }

        /// <summary>Reads a length word: it must fit the data, so it fits an <see cref="int"/>.</summary>
        private int ReadLength(int position, AbiType type)
        {
            var word = Word(position);
            if (word[..24].ContainsAnyExcept((byte)0) || System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(word[24..]) > (ulong)_data.Length)
            {
                throw new AbiDecodingException(
                    $"The length of the {type.CanonicalName}, {new UInt256(word).ToString(null, CultureInfo.InvariantCulture)}, exceeds the data", position);
            }

            return (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
        }

        /// <summary>Reads the offset word at <paramref name="position"/>, relative to <paramref name="start"/>, the start of the enclosing head.</summary>
        private int ReadOffset(int position, int start, long headSize)
        {
            var word = Word(position);
            var low = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
            if (word[..24].ContainsAnyExcept((byte)0) || low > (ulong)_data.Length || start + (long)low > _data.Length)
            {
                throw new AbiDecodingException($"The offset {new UInt256(word).ToString(null, CultureInfo.InvariantCulture)} points beyond the end of the data ({_data.Length} bytes)", position);
            }

            if ((long)low < headSize)
            {
                throw new AbiDecodingException($"The offset {low} points into the {headSize}-byte head it belongs to", position);
            }

            return start + (int)low;
        }

        private ReadOnlySpan<byte> Word(int position)
        {
            if ((long)position + 32 > _data.Length)
            {
                throw new AbiDecodingException($"The data ends ({_data.Length} bytes) where a 32-byte word is needed", position);
            }

            Spend(1, position);
            return _data.Slice(position, 32);
        }

        private readonly void RequireRoom(int position, long size, AbiType type)
        {
            if (position + size > _data.Length)
            {
                throw new AbiDecodingException($"The data ends ({_data.Length} bytes) inside the {size}-byte encoding of {type.CanonicalName}", position);
            }
        }

        private void Spend(long words, int position)
        {
            _budget -= words;
            if (_budget < 0)
            {
                throw new AbiDecodingException("The encoding reads more words than the data holds: offsets overlap", position);
            }
        }

        private static void RequireZero(ReadOnlySpan<byte> bytes, AbiType type, int position, string what)
        {
            if (bytes.ContainsAnyExcept((byte)0))
            {
                throw new AbiDecodingException($"The {type.CanonicalName} word has {what}", position);
            }
        }
    }
}
