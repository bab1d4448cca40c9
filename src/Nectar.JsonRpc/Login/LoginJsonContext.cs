using System.Text.Json.Serialization;
using Nectar.JsonRpc.Json;

namespace Nectar.JsonRpc.Login;

/// <summary>Source-generated metadata for the sign-in results; register it with <see cref="LoginRpcModule"/>.</summary>
[JsonSourceGenerationOptions(
    Converters = [typeof(QuantityConverter), typeof(UInt64QuantityConverter), typeof(Int64QuantityConverter), typeof(DataConverter), typeof(AddressConverter), typeof(Hash256Converter), typeof(BlockParameterConverter)],
    AllowDuplicateProperties = false,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LoginChallenge))]
[JsonSerializable(typeof(LoginGrant))]
public sealed partial class LoginJsonContext : JsonSerializerContext;
