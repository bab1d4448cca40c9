using System.Text.Json;
using System.Text.Json.Serialization;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Logs;

/// <summary>
/// Reads and writes <see cref="LogFilterOptions"/>: <c>address</c> as one address or an array, <c>topics</c> as an
/// array of positions where each is <c>null</c> (any), a topic, or an array of alternatives (empty, or holding a
/// <c>null</c>, means any), <c>fromBlock</c>/<c>toBlock</c> as tags or numbers, and <c>blockHash</c>. Unknown
/// members are ignored, as geth does; repeated members are refused.
/// </summary>
public sealed class LogFilterOptionsConverter : JsonConverter<LogFilterOptions>
{
    /// <summary>The most topic positions a filter may have: LOG4 emits four topics.</summary>
    public const int MaxTopicPositions = 4;

    /// <summary>The most addresses, or topics in one position, a filter may list.</summary>
    public const int MaxAlternatives = 1000;

    private static readonly AddressConverter Addresses = new();
    private static readonly Hash256Converter Hashes = new();
    private static readonly BlockParameterConverter Blocks = new();

    /// <inheritdoc />
    public override LogFilterOptions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("filter must be an object");
        }

        BlockParameter? from = null;
        BlockParameter? to = null;
        Hash256? blockHash = null;
        IReadOnlyList<Address> addresses = [];
        IReadOnlyList<IReadOnlyList<Hash256>?> topics = [];
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var member = reader.ValueTextEquals("fromBlock"u8) ? 1
                : reader.ValueTextEquals("toBlock"u8) ? 2
                : reader.ValueTextEquals("blockHash"u8) ? 4
                : reader.ValueTextEquals("address"u8) ? 8
                : reader.ValueTextEquals("topics"u8) ? 16
                : 0;
            if ((seen & member) != 0)
            {
                throw new JsonException("filter has a repeated member");
            }

            seen |= member;
            reader.Read();
            switch (member)
            {
                case 1:
                    from = ReadBlock(ref reader, "fromBlock", options);
                    break;
                case 2:
                    to = ReadBlock(ref reader, "toBlock", options);
                    break;
                case 4:
                    blockHash = reader.TokenType == JsonTokenType.Null ? null : Hashes.Read(ref reader, typeof(Hash256), options);
                    break;
                case 8:
                    addresses = ReadAddresses(ref reader, options);
                    break;
                case 16:
                    topics = ReadTopics(ref reader, options);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (blockHash is not null && (from is not null || to is not null))
        {
            throw new JsonException("cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
        }

        return new LogFilterOptions { FromBlock = from, ToBlock = to, BlockHash = blockHash, Addresses = addresses, Topics = topics };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LogFilterOptions value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        if (value.BlockHash is { } hash)
        {
            writer.WritePropertyName("blockHash"u8);
            Hashes.Write(writer, hash, options);
        }

        if (value.FromBlock is { } from)
        {
            writer.WritePropertyName("fromBlock"u8);
            Blocks.Write(writer, from, options);
        }

        if (value.ToBlock is { } to)
        {
            writer.WritePropertyName("toBlock"u8);
            Blocks.Write(writer, to, options);
        }

        writer.WriteStartArray("address"u8);
        foreach (var address in value.Addresses)
        {
            Addresses.Write(writer, address, options);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("topics"u8);
        foreach (var position in value.Topics)
        {
            if (position is null)
            {
                writer.WriteNullValue();
                continue;
            }

            writer.WriteStartArray();
            foreach (var topic in position)
            {
                Hashes.Write(writer, topic, options);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Reads a filter object from a JSON element (the options of a <c>logs</c> subscription).</summary>
    /// <param name="element">The element.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="JsonException">The element is not a valid filter; the message says why.</exception>
    internal static LogFilterOptions Parse(JsonElement element, JsonSerializerOptions options)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(element.GetRawText());
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        return new LogFilterOptionsConverter().Read(ref reader, typeof(LogFilterOptions), options);
    }

    private static BlockParameter? ReadBlock(ref Utf8JsonReader reader, string name, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"{name} must be a block number or a tag");
        }

        var block = Blocks.Read(ref reader, typeof(BlockParameter), options);
        return block.Kind == BlockParameterKind.Hash ? throw new JsonException($"{name} must be a block number or a tag, not a hash") : block;
    }

    private static List<Address> ReadAddresses(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return [];
            case JsonTokenType.String:
                return [Addresses.Read(ref reader, typeof(Address), options)];
            case JsonTokenType.StartArray:
                var list = new List<Address>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw new JsonException("address must be an address or an array of addresses");
                    }

                    if (list.Count == MaxAlternatives)
                    {
                        throw new JsonException($"exceed max addresses: at most {MaxAlternatives}");
                    }

                    list.Add(Addresses.Read(ref reader, typeof(Address), options));
                }

                return list;
            default:
                throw new JsonException("address must be an address or an array of addresses");
        }
    }

    private static List<IReadOnlyList<Hash256>?> ReadTopics(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("topics must be an array");
        }

        var positions = new List<IReadOnlyList<Hash256>?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (positions.Count == MaxTopicPositions)
            {
                throw new JsonException("exceed max topics");
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    positions.Add(null);
                    break;
                case JsonTokenType.String:
                    positions.Add([Hashes.Read(ref reader, typeof(Hash256), options)]);
                    break;
                case JsonTokenType.StartArray:
                    positions.Add(ReadAlternatives(ref reader, options));
                    break;
                default:
                    throw new JsonException("each topic position must be null, a topic or an array of topics");
            }
        }

        return positions;
    }

    /// <summary>An array of alternatives; empty, or holding a <c>null</c>, matches anything (as geth reads it).</summary>
    private static List<Hash256>? ReadAlternatives(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var alternatives = new List<Hash256>();
        var wildcard = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                wildcard = true;
                continue;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("each topic must be a 32-byte hex string or null");
            }

            if (alternatives.Count == MaxAlternatives)
            {
                throw new JsonException($"exceed max topics: at most {MaxAlternatives} per position");
            }

            alternatives.Add(Hashes.Read(ref reader, typeof(Hash256), options));
        }

        return wildcard || alternatives.Count == 0 ? null : alternatives;
    }
}
