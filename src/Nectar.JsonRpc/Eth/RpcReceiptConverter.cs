using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nectar.JsonRpc.Eth;

/// <summary>Writes an <see cref="RpcReceipt"/>; receipts are never read from JSON.</summary>
internal sealed class RpcReceiptConverter : JsonConverter<RpcReceipt>
{
    public override RpcReceipt Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Receipts are written, never read.");

    public override void Write(Utf8JsonWriter writer, RpcReceipt value, JsonSerializerOptions options) => EthJsonWriter.Receipt(writer, value.Context);
}
