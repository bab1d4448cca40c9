using System.Text.Json;
using System.Text.Json.Serialization;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Logs;

/// <summary>Bytes held as <see cref="ReadOnlyMemory{T}"/> as JSON-RPC data (<c>0x</c> and even-length hex), without copying them first.</summary>
internal sealed class MemoryDataConverter : JsonConverter<ReadOnlyMemory<byte>>
{
    private static readonly DataConverter Data = new();

    public override ReadOnlyMemory<byte> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Data.Read(ref reader, typeof(byte[]), options);

    public override void Write(Utf8JsonWriter writer, ReadOnlyMemory<byte> value, JsonSerializerOptions options) =>
        JsonHex.WriteData(writer, value.Span);
}
