using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Nectar.JsonRpc.Json;
using Nectar.JsonRpc.Logs;

namespace Nectar.JsonRpc.Filters;

/// <summary>Writes <see cref="FilterChanges"/> as a JSON array of hashes or of logs; a result type only, never read.</summary>
public sealed class FilterChangesConverter : JsonConverter<FilterChanges>
{
    private static readonly Hash256Converter Hashes = new();

    /// <inheritdoc />
    public override FilterChanges Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new JsonException("filter changes are a result, not a parameter");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, FilterChanges value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        writer.WriteStartArray();
        if (value.Logs is { } logs)
        {
            var typeInfo = (JsonTypeInfo<LogObject>)options.GetTypeInfo(typeof(LogObject));
            foreach (var log in logs)
            {
                JsonSerializer.Serialize(writer, log, typeInfo);
            }
        }
        else if (value.Hashes is { } hashes)
        {
            foreach (var hash in hashes)
            {
                Hashes.Write(writer, hash, options);
            }
        }

        writer.WriteEndArray();
    }
}
