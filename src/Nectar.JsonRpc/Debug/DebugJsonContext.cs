using System.Text.Json.Serialization;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Debug;

/// <summary>Source-generated metadata for the debug module's parameter and result types.</summary>
[JsonSourceGenerationOptions(
    Converters = [typeof(QuantityConverter), typeof(UInt64QuantityConverter), typeof(Int64QuantityConverter), typeof(DataConverter), typeof(AddressConverter), typeof(Hash256Converter), typeof(BlockParameterConverter)],
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(TraceResult))]
[JsonSerializable(typeof(TraceOptions))]
public sealed partial class DebugJsonContext : JsonSerializerContext;
