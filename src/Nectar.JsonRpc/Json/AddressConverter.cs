using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nectar.Core.Primitives;

namespace Nectar.JsonRpc.Json;

/// <summary>
/// <see cref="Address"/> as <c>0x</c> and 40 hex digits. Lowercase and uppercase are accepted; mixed case must pass
/// the EIP-55 checksum, so a mistyped checksummed address is refused rather than used. Written lowercase.
/// </summary>
[SkipLocalsInit]
public sealed class AddressConverter : JsonConverter<Address>
{
    /// <inheritdoc />
    public override Address Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Span<byte> scratch = stackalloc byte[64];
        var text = JsonHex.StringBytes(in reader, scratch, out _);
        if (Address.TryParse(text, out var address))
        {
            return address;
        }

        throw new JsonException(!JsonHex.HasPrefix(text) ? JsonHex.MissingPrefix
            : text.Length != Address.TextLength ? $"address must be 0x and 40 hex digits, got {text.Length - 2} digits"
            : "invalid address: not hex, or mixed case failing the EIP-55 checksum");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Address value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> text = stackalloc byte[Address.TextLength];
        value.TryFormat(text, out _);
        writer.WriteStringValue(text);
    }
}
