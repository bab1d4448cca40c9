using System.Buffers;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Abi;

/// <summary>
/// An event: its signature and topic, and the split of its parameters between topics (indexed) and data.
/// </summary>
/// <remarks>
/// An indexed parameter of a scalar type is its own topic. An indexed <c>bytes</c> or <c>string</c> is the
/// Keccak-256 of its content, and an indexed array or tuple the Keccak-256 of its in-place encoding (elements
/// concatenated, each padded to 32 bytes, no lengths or offsets); such values cannot be recovered from a log,
/// so decoding returns their topic as a <c>bytes32</c> value.
/// </remarks>
public sealed class AbiEvent
{
    private readonly AbiParameter[] _inputs;

    /// <summary>Creates an event description.</summary>
    /// <param name="name">The event name.</param>
    /// <param name="inputs">The parameters in declaration order, indexed or not.</param>
    /// <param name="anonymous">Whether the event omits its signature topic.</param>
    /// <exception cref="ArgumentException">The name is empty or too many parameters are indexed.</exception>
    public AbiEvent(string name, IReadOnlyList<AbiParameter> inputs, bool anonymous = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(inputs);
        _inputs = [.. inputs];
        var data = new List<AbiParameter>();
        foreach (var input in _inputs)
        {
            ArgumentNullException.ThrowIfNull(input, nameof(inputs));
            if (input.Indexed)
            {
                IndexedCount++;
            }
            else
            {
                data.Add(input);
            }
        }

        if (IndexedCount > (anonymous ? 4 : 3))
        {
            throw new ArgumentException($"Event {name} indexes {IndexedCount} parameters; a log has room for {(anonymous ? 4 : 3)}.", nameof(inputs));
        }

        Name = name;
        Anonymous = anonymous;
        Signature = name + AbiType.TupleOf(_inputs).CanonicalName;
        Topic = AbiSelector.HashSignature(Signature);
        DataParameters = AbiType.TupleOf([.. data]);
    }

    /// <summary>The event name.</summary>
    public string Name { get; }

    /// <summary>The parameters in declaration order.</summary>
    public IReadOnlyList<AbiParameter> Inputs => _inputs;

    /// <summary>Whether the event omits its signature topic.</summary>
    public bool Anonymous { get; }

    /// <summary>The number of indexed parameters.</summary>
    public int IndexedCount { get; }

    /// <summary>The canonical signature, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The Keccak-256 of <see cref="Signature"/>: the first topic of every log of a non-anonymous event.</summary>
    public Hash256 Topic { get; }

    /// <summary>The non-indexed parameters, as the tuple type of the log data.</summary>
    public AbiType DataParameters { get; }

    /// <summary>The topic of one indexed value (the value itself for scalars, else a Keccak-256).</summary>
    /// <param name="type">The parameter's type.</param>
    /// <param name="value">The value.</param>
    /// <returns>The topic.</returns>
    /// <exception cref="AbiEncodingException">The value does not fit the type.</exception>
    public static Hash256 EncodeTopic(AbiType type, in AbiValue value)
    {
        ArgumentNullException.ThrowIfNull(type);

        // Check the value against its type with the regular encoder's rules first.
        AbiEncoder.GetEncodedLength(AbiType.TupleOf(type), [value]);
        if (IsScalar(type))
        {
            Span<byte> word = stackalloc byte[32];
            value.Word.ToBigEndian(word);
            return new Hash256(word);
        }

        if (type.Kind is AbiTypeKind.Bytes)
        {
            return Keccak256.Compute(value.AsBytes().Span);
        }

        if (type.Kind is AbiTypeKind.String)
        {
            return Keccak256.Compute(AbiEncoder.StrictUtf8.GetBytes(value.AsString()));
        }

        var buffer = new ArrayBufferWriter<byte>();
        WriteInPlace(type, value, buffer);
        return Keccak256.Compute(buffer.WrittenSpan);
    }

    /// <summary>The topics of a log of this event: the signature topic (unless anonymous), then one per indexed parameter.</summary>
    /// <param name="values">One value per parameter, in declaration order.</param>
    /// <returns>The topics.</returns>
    /// <exception cref="AbiEncodingException">A value does not fit its type, or the count differs.</exception>
    public Hash256[] EncodeTopics(params ReadOnlySpan<AbiValue> values)
    {
        RequireCount(values.Length);
        var topics = new Hash256[(Anonymous ? 0 : 1) + IndexedCount];
        var next = 0;
        if (!Anonymous)
        {
            topics[next++] = Topic;
        }

        for (var i = 0; i < _inputs.Length; i++)
        {
            if (_inputs[i].Indexed)
            {
                topics[next++] = EncodeTopicAt(i, values[i]);
            }
        }

        return topics;
    }

    /// <summary>The data of a log of this event: the encoding of the non-indexed parameters.</summary>
    /// <param name="values">One value per parameter, in declaration order (indexed ones are skipped).</param>
    /// <returns>The log data.</returns>
    /// <exception cref="AbiEncodingException">A value does not fit its type, or the count differs.</exception>
    public byte[] EncodeData(params ReadOnlySpan<AbiValue> values)
    {
        RequireCount(values.Length);
        var data = new AbiValue[DataParameters.Components.Count];
        var next = 0;
        for (var i = 0; i < _inputs.Length; i++)
        {
            if (!_inputs[i].Indexed)
            {
                data[next++] = values[i];
            }
        }

        return AbiEncoder.Encode(DataParameters, data);
    }

    /// <summary>Decodes a log of this event into one value per parameter, in declaration order.</summary>
    /// <param name="topics">The log's topics.</param>
    /// <param name="data">The log's data.</param>
    /// <returns>The values; an indexed dynamic or composite parameter is its topic as a <c>bytes32</c> value.</returns>
    /// <exception cref="AbiDecodingException">The topics do not belong to this event or the data is malformed.</exception>
    public AbiValue[] DecodeLog(ReadOnlySpan<Hash256> topics, ReadOnlySpan<byte> data)
    {
        var expected = (Anonymous ? 0 : 1) + IndexedCount;
        if (topics.Length != expected)
        {
            throw new AbiDecodingException($"Event {Signature} has {expected} topics, the log has {topics.Length}.");
        }

        if (!Anonymous && topics[0] != Topic)
        {
            throw new AbiDecodingException($"The log's first topic {topics[0]} is not the topic of {Signature}, {Topic}.");
        }

        var dataValues = AbiDecoder.Decode(DataParameters, data);
        var values = new AbiValue[_inputs.Length];
        var nextTopic = Anonymous ? 0 : 1;
        var nextData = 0;
        for (var i = 0; i < _inputs.Length; i++)
        {
            var input = _inputs[i];
            if (!input.Indexed)
            {
                values[i] = dataValues[nextData++];
                continue;
            }

            var topic = topics[nextTopic++];
            if (!IsScalar(input.Type))
            {
                values[i] = AbiValue.FromHash(topic);
                continue;
            }

            try
            {
                values[i] = AbiDecoder.Decode(AbiType.TupleOf(input.Type), topic.Bytes)[0];
            }
            catch (AbiDecodingException e)
            {
                throw new AbiDecodingException($"Indexed parameter {input} of {Signature}: {e.Reason}", e);
            }
        }

        return values;
    }

    /// <summary>The signature.</summary>
    /// <returns><see cref="Signature"/>.</returns>
    public override string ToString() => Signature;

    private static bool IsScalar(AbiType type) => type.Kind is not (AbiTypeKind.Bytes or AbiTypeKind.String or AbiTypeKind.Array
        or AbiTypeKind.FixedArray or AbiTypeKind.Tuple);

    /// <summary>The in-place encoding of a value inside an indexed array or tuple.</summary>
    private static void WriteInPlace(AbiType type, in AbiValue value, ArrayBufferWriter<byte> buffer)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes or AbiTypeKind.String:
                var content = type.Kind == AbiTypeKind.Bytes ? value.AsBytes().ToArray() : AbiEncoder.StrictUtf8.GetBytes(value.AsString());
                var padded = AbiEncoder.Padded(content.Length);
                var span = buffer.GetSpan(padded)[..padded];
                content.CopyTo(span);
                span[content.Length..].Clear();
                buffer.Advance(padded);
                break;
            case AbiTypeKind.Array or AbiTypeKind.FixedArray:
                foreach (var item in value.Items)
                {
                    WriteInPlace(type.Element!, item, buffer);
                }

                break;
            case AbiTypeKind.Tuple:
                var items = value.Items;
                for (var i = 0; i < items.Length; i++)
                {
                    WriteInPlace(type.Components[i].Type, items[i], buffer);
                }

                break;
            default:
                value.Word.ToBigEndian(buffer.GetSpan(32));
                buffer.Advance(32);
                break;
        }
    }

    private Hash256 EncodeTopicAt(int index, in AbiValue value)
    {
        try
        {
            return EncodeTopic(_inputs[index].Type, value);
        }
        catch (AbiEncodingException e)
        {
            e.PathSegments.AddComponent(_inputs[index], index);
            throw;
        }
    }

    private void RequireCount(int count)
    {
        if (count != _inputs.Length)
        {
            throw new AbiEncodingException($"Event {Signature} has {_inputs.Length} parameters, got {count} values.");
        }
    }
}
