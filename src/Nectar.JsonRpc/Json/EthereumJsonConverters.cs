using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nectar.JsonRpc.Json;

/// <summary>
/// The converters every Nectar JSON-RPC serializer uses, so that <c>UInt256</c>, <c>ulong</c>, <c>long</c>,
/// <c>byte[]</c>, <c>Address</c>, <c>Hash256</c> and <see cref="BlockParameter"/> follow the Ethereum wire rules
/// wherever they appear. Modules' own <c>JsonSerializerContext</c>s should list the same converters.
/// </summary>
public static class EthereumJsonConverters
{
    /// <summary>A fresh list of the converters (converters are stateless; a new list keeps callers from sharing one).</summary>
    /// <returns>The converters.</returns>
    public static IReadOnlyList<JsonConverter> Create() =>
    [
        new QuantityConverter(),
        new UInt64QuantityConverter(),
        new Int64QuantityConverter(),
        new DataConverter(),
        new AddressConverter(),
        new Hash256Converter(),
        new BlockParameterConverter(),
    ];

    /// <summary>Adds the converters to <paramref name="options"/>.</summary>
    /// <param name="options">Options not yet read-only.</param>
    public static void AddTo(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var converter in Create())
        {
            options.Converters.Add(converter);
        }
    }
}
