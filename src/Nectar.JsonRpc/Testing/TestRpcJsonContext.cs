using System.Text.Json.Serialization;

namespace Nectar.JsonRpc.Testing;

/// <summary>Source-generated metadata for the test module's object types; register it with the module.</summary>
[JsonSerializable(typeof(TestCallRequest))]
public sealed partial class TestRpcJsonContext : JsonSerializerContext;
