using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nectar.Core.Numerics;

namespace Nectar.JsonRpc.Json;

/// <summary>
/// <see cref="UInt256"/> as a JSON-RPC quantity: a string of <c>0x</c> and lowercase hex without leading zeros
/// (<c>"0x0"</c>, <c>"0x1a"</c>). Input with leading zeros, no digits, no prefix or more than 256 bits is refused.
/// </summary>
[SkipLocalsInit]
public sealed class QuantityConverter : JsonConverter<UInt256>
{
    /// <inheritdoc />
    public override UInt256 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Span<byte> scratch = stackalloc byte[80];
        var text = JsonHex.StringBytes(in reader, scratch, out _);
        var error = JsonHex.TryParseQuantity(text, 256, out var value);
        return error is null ? value : throw new JsonException(error);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, UInt256 value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> text = stackalloc byte[66];
        value.TryFormatHexQuantity(text, out var written);
        writer.WriteStringValue(text[..written]);
    }
}
