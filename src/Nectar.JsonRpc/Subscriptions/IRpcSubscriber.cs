using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nectar.JsonRpc.Subscriptions;

/// <summary>
/// One subscription as its source sees it: publish results to it, in order, until <see cref="Ended"/>. Results
/// published before the <c>eth_subscribe</c> response has been queued are held back and sent after it.
/// </summary>
public interface IRpcSubscriber
{
    /// <summary>The subscription id sent to the client (<c>0x</c> and 32 hex digits).</summary>
    string Id { get; }

    /// <summary>The context of the <c>eth_subscribe</c> call: the principal to filter results for.</summary>
    RpcCallContext Context { get; }

    /// <summary>Cancelled when the client unsubscribes or the connection closes.</summary>
    CancellationToken Ended { get; }

    /// <summary>The serializer options of the dispatcher (source-generated metadata and Ethereum converters).</summary>
    JsonSerializerOptions SerializerOptions { get; }

    /// <summary>
    /// Queues an <c>eth_subscription</c> notification carrying <paramref name="result"/>. Call it from one thread at a
    /// time per subscription to keep notifications in order.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="result">The result.</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <returns><see langword="false"/> when the subscription has ended (or the connection was dropped as too slow).</returns>
    bool TryPublish<T>(T result, JsonTypeInfo<T> typeInfo);
}
