using System.Text.Json.Serialization;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Logs;

/// <summary>
/// Source-generated metadata for the log, filter and subscription types (<see cref="LogFilterOptions"/>,
/// <see cref="LogObject"/>, filter changes, subscription headers); register it with any of those modules. Its own
/// options name members in camelCase and list the Ethereum converters, so subscription sources can serialize with
/// <see cref="Default"/> whatever the dispatcher was given.
/// </summary>
[JsonSourceGenerationOptions(
    Converters = [typeof(QuantityConverter), typeof(UInt64QuantityConverter), typeof(Int64QuantityConverter), typeof(DataConverter), typeof(AddressConverter), typeof(Hash256Converter), typeof(BlockParameterConverter)],
    AllowDuplicateProperties = false,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LogFilterOptions))]
[JsonSerializable(typeof(LogObject))]
[JsonSerializable(typeof(IReadOnlyList<LogObject>))]
[JsonSerializable(typeof(Filters.FilterChanges))]
[JsonSerializable(typeof(Subscriptions.HeaderObject))]
[JsonSerializable(typeof(bool?))]
public sealed partial class LogsJsonContext : JsonSerializerContext;
