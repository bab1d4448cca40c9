using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nectar.JsonRpc.Eth;

/// <summary>Writes an <see cref="RpcTransaction"/>; transactions are never read from JSON.</summary>
internal sealed class RpcTransactionConverter : JsonConverter<RpcTransaction>
{
    public override RpcTransaction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Transactions are written, never read.");

    public override void Write(Utf8JsonWriter writer, RpcTransaction value, JsonSerializerOptions options) =>
        EthJsonWriter.Transaction(writer, value.Transaction, value.Sender, value.Header, value.Index);
}
