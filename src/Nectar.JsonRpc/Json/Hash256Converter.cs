using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nectar.Core.Primitives;

namespace Nectar.JsonRpc.Json;

/// <summary><see cref="Hash256"/> as <c>0x</c> and exactly 64 hex digits; written lowercase.</summary>
[SkipLocalsInit]
public sealed class Hash256Converter : JsonConverter<Hash256>
{
    /// <inheritdoc />
    public override Hash256 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Span<byte> scratch = stackalloc byte[96];
        var text = JsonHex.StringBytes(in reader, scratch, out _);
        if (Hash256.TryParse(text, out var hash))
        {
            return hash;
        }

        throw new JsonException(!JsonHex.HasPrefix(text) ? JsonHex.MissingPrefix
            : text.Length != Hash256.TextLength ? $"hash must be 0x and 64 hex digits, got {text.Length - 2} digits"
            : JsonHex.InvalidHex);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Hash256 value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> text = stackalloc byte[Hash256.TextLength];
        value.TryFormat(text, out _);
        writer.WriteStringValue(text);
    }
}
