using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nectar.JsonRpc.Json;

/// <summary>
/// Source-generated metadata for the framework's own parameter and result types (the Ethereum primitives resolve
/// through <see cref="EthereumTypeInfoResolver"/>); modules add their own contexts beside it through <see cref="Dispatch.RpcDispatcherBuilder.AddTypeInfoResolver"/>.
/// </summary>
[JsonSourceGenerationOptions(
    Converters = [typeof(QuantityConverter), typeof(UInt64QuantityConverter), typeof(Int64QuantityConverter), typeof(DataConverter), typeof(AddressConverter), typeof(Hash256Converter), typeof(BlockParameterConverter)],
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(ulong))]
[JsonSerializable(typeof(ulong?))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(byte[]))]
[JsonSerializable(typeof(BlockParameter))]
[JsonSerializable(typeof(BlockParameter?))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonElement?))]
public sealed partial class JsonRpcJsonContext : JsonSerializerContext;
