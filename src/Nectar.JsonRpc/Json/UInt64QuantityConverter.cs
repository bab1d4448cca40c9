using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nectar.JsonRpc.Json;

/// <summary><see cref="ulong"/> as a JSON-RPC quantity (<c>"0x0"</c> to <c>"0xffffffffffffffff"</c>), strictly.</summary>
[SkipLocalsInit]
public sealed class UInt64QuantityConverter : JsonConverter<ulong>
{
    /// <inheritdoc />
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Span<byte> scratch = stackalloc byte[80];
        var text = JsonHex.StringBytes(in reader, scratch, out _);
        var error = JsonHex.TryParseUInt64(text, out var value);
        return error is null ? value : throw new JsonException(error);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        JsonHex.WriteQuantity(writer, value);
    }
}
