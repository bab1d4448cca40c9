using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nectar.JsonRpc.Json;

/// <summary>
/// <see cref="byte"/> arrays as JSON-RPC data: <c>0x</c> and an even number of hex digits (<c>"0x"</c> is empty).
/// Odd lengths, missing prefixes and non-hex characters are refused.
/// </summary>
public sealed class DataConverter : JsonConverter<byte[]>
{
    /// <inheritdoc />
    public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = JsonHex.StringBytes(in reader, [], out var rented);
        try
        {
            var error = JsonHex.TryParseData(text, out var value);
            return error is null ? value : throw new JsonException(error);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        JsonHex.WriteData(writer, value);
    }
}
