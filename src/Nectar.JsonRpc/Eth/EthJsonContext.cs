using System.Text.Json.Serialization;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Eth;

/// <summary>Source-generated metadata for the eth module's parameter and result types.</summary>
[JsonSourceGenerationOptions(
    Converters = [typeof(QuantityConverter), typeof(UInt64QuantityConverter), typeof(Int64QuantityConverter), typeof(DataConverter), typeof(AddressConverter), typeof(Hash256Converter), typeof(BlockParameterConverter)],
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(RpcBlock))]
[JsonSerializable(typeof(RpcTransaction))]
[JsonSerializable(typeof(RpcReceipt))]
[JsonSerializable(typeof(IReadOnlyList<RpcReceipt>))]
[JsonSerializable(typeof(TransactionArgs))]
[JsonSerializable(typeof(AccessListResponse))]
[JsonSerializable(typeof(FeeHistory))]
[JsonSerializable(typeof(ProofResponse))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<double>))]
public sealed partial class EthJsonContext : JsonSerializerContext;
