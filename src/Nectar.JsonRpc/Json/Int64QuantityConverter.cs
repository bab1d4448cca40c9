using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nectar.JsonRpc.Json;

/// <summary>
/// <see cref="long"/> as a JSON-RPC quantity: only non-negative values exist on the wire, so input above
/// <see cref="long.MaxValue"/> is refused and writing a negative value is a programming error.
/// </summary>
[SkipLocalsInit]
public sealed class Int64QuantityConverter : JsonConverter<long>
{
    /// <inheritdoc />
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Span<byte> scratch = stackalloc byte[80];
        var text = JsonHex.StringBytes(in reader, scratch, out _);
        var error = JsonHex.TryParseQuantity(text, 64, out var value);
        if (error is not null)
        {
            throw new JsonException(error);
        }

        return value.U0 <= long.MaxValue ? (long)value.U0 : throw new JsonException("hex number > 63 bits");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        JsonHex.WriteQuantity(writer, (ulong)value);
    }
}
