using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nectar.JsonRpc.Eth;

/// <summary>Writes an <see cref="RpcBlock"/>; blocks are never read from JSON.</summary>
internal sealed class RpcBlockConverter : JsonConverter<RpcBlock>
{
    public override RpcBlock Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Blocks are written, never read.");

    public override void Write(Utf8JsonWriter writer, RpcBlock value, JsonSerializerOptions options) => EthJsonWriter.Block(writer, value);
}
