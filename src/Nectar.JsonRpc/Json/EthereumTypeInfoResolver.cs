using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.JsonRpc.Json;

/// <summary>
/// Metadata for the Ethereum primitives (<see cref="UInt256"/>, <see cref="Address"/>, <see cref="Hash256"/>, their
/// nullable forms and arrays) built from their converters, without reflection. The source generator cannot describe
/// <see cref="Address"/> and <see cref="Hash256"/> itself (their <c>Bytes</c> view is a span), so top-level
/// parameters and results of these types resolve here.
/// </summary>
public sealed class EthereumTypeInfoResolver : IJsonTypeInfoResolver
{
    /// <summary>The shared instance.</summary>
    public static EthereumTypeInfoResolver Instance { get; } = new();

    /// <inheritdoc />
    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(options);
        if (type == typeof(Address))
        {
            return Value(options, new AddressConverter());
        }

        if (type == typeof(Hash256))
        {
            return Value(options, new Hash256Converter());
        }

        if (type == typeof(UInt256))
        {
            return Value(options, new QuantityConverter());
        }

        if (type == typeof(Address?))
        {
            return Nullable<Address>(options);
        }

        if (type == typeof(Hash256?))
        {
            return Nullable<Hash256>(options);
        }

        if (type == typeof(UInt256?))
        {
            return Nullable<UInt256>(options);
        }

        if (type == typeof(Address[]))
        {
            return Array<Address>(options);
        }

        if (type == typeof(Hash256[]))
        {
            return Array<Hash256>(options);
        }

        return type == typeof(UInt256[]) ? Array<UInt256>(options) : null;
    }

    private static JsonTypeInfo<T> Value<T>(JsonSerializerOptions options, JsonConverter<T> converter) =>
        JsonMetadataServices.CreateValueInfo<T>(options, converter);

    private static JsonTypeInfo<T?> Nullable<T>(JsonSerializerOptions options)
        where T : struct =>
        JsonMetadataServices.CreateValueInfo<T?>(options, JsonMetadataServices.GetNullableConverter((JsonTypeInfo<T>)options.GetTypeInfo(typeof(T))));

    private static JsonTypeInfo<T[]> Array<T>(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateArrayInfo(options, new JsonCollectionInfoValues<T[]>
        {
            ObjectCreator = null,
            ElementInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)),
        });
}
