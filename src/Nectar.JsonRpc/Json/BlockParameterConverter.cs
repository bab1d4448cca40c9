using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nectar.Core.Primitives;

namespace Nectar.JsonRpc.Json;

/// <summary>
/// Reads and writes <see cref="BlockParameter"/>: tags, quantities, 32-byte hashes, and the EIP-1898 objects
/// <c>{"blockHash": h, "requireCanonical": b}</c> and <c>{"blockNumber": n}</c> (exactly one of the two keys).
/// </summary>
[SkipLocalsInit]
public sealed class BlockParameterConverter : JsonConverter<BlockParameter>
{
    /// <inheritdoc />
    public override BlockParameter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return ReadObject(ref reader);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("block parameter must be a tag, a hex number, a block hash or an EIP-1898 object");
        }

        Span<byte> scratch = stackalloc byte[96];
        var text = JsonHex.StringBytes(in reader, scratch, out _);
        if (text.SequenceEqual("latest"u8))
        {
            return BlockParameter.Latest;
        }

        if (text.SequenceEqual("earliest"u8))
        {
            return BlockParameter.Earliest;
        }

        if (text.SequenceEqual("pending"u8))
        {
            return BlockParameter.Pending;
        }

        if (text.SequenceEqual("safe"u8))
        {
            return BlockParameter.Safe;
        }

        if (text.SequenceEqual("finalized"u8))
        {
            return BlockParameter.Finalized;
        }

        if (text.Length == Hash256.TextLength)
        {
            return Hash256.TryParse(text, out var hash) ? BlockParameter.FromHash(hash) : throw new JsonException(JsonHex.InvalidHex);
        }

        if (!JsonHex.HasPrefix(text))
        {
            throw new JsonException("block parameter must be latest, earliest, pending, safe, finalized, a hex number or a block hash");
        }

        var error = JsonHex.TryParseUInt64(text, out var number);
        return error is null ? BlockParameter.FromNumber(number) : throw new JsonException(error);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, BlockParameter value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value.Kind)
        {
            case BlockParameterKind.Number:
                JsonHex.WriteQuantity(writer, value.Number);
                break;
            case BlockParameterKind.Hash:
                writer.WriteStartObject();
                writer.WritePropertyName("blockHash"u8);
                JsonHex.WriteData(writer, value.Hash.Bytes);
                writer.WriteBoolean("requireCanonical"u8, value.RequireCanonical);
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    private static BlockParameter ReadObject(ref Utf8JsonReader reader)
    {
        Hash256? hash = null;
        ulong? number = null;
        bool? requireCanonical = null;
        Span<byte> scratch = stackalloc byte[96];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("blockHash"u8))
            {
                reader.Read();
                if (hash is not null)
                {
                    throw new JsonException("duplicate key blockHash");
                }

                var text = JsonHex.StringBytes(in reader, scratch, out _);
                hash = Hash256.TryParse(text, out var parsed) ? parsed : throw new JsonException("blockHash must be 0x and 64 hex digits");
            }
            else if (reader.ValueTextEquals("blockNumber"u8))
            {
                reader.Read();
                if (number is not null)
                {
                    throw new JsonException("duplicate key blockNumber");
                }

                var text = JsonHex.StringBytes(in reader, scratch, out _);
                var error = JsonHex.TryParseUInt64(text, out var parsed);
                number = error is null ? parsed : throw new JsonException("blockNumber: " + error);
            }
            else if (reader.ValueTextEquals("requireCanonical"u8))
            {
                reader.Read();
                if (requireCanonical is not null)
                {
                    throw new JsonException("duplicate key requireCanonical");
                }

                requireCanonical = reader.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    _ => throw new JsonException("requireCanonical must be true or false"),
                };
            }
            else
            {
                throw new JsonException("block parameter object takes only blockHash, requireCanonical or blockNumber");
            }
        }

        if (hash is not null && number is not null)
        {
            throw new JsonException("cannot specify both blockHash and blockNumber, choose one or the other");
        }

        if (hash is { } h)
        {
            return BlockParameter.FromHash(h, requireCanonical ?? false);
        }

        if (requireCanonical is not null)
        {
            throw new JsonException("requireCanonical needs blockHash");
        }

        return number is { } n ? BlockParameter.FromNumber(n) : throw new JsonException("block parameter object needs blockHash or blockNumber");
    }
}
