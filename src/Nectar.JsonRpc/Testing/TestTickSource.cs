using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nectar.JsonRpc.Testing;

/// <summary>
/// A subscription source of kind <c>testTicks</c> publishing numbers: <see cref="Publish"/> sends one to every
/// subscriber, and the option <c>{"burst": n}</c> publishes 0..n-1 during the subscribe call itself (which checks that
/// results published before the id is sent still arrive after it, in order).
/// </summary>
public sealed class TestTickSource : Subscriptions.IRpcSubscriptionSource
{
    private readonly ConcurrentDictionary<Subscriptions.IRpcSubscriber, byte> _subscribers = new();

    /// <inheritdoc />
    public string Kind => "testTicks";

    /// <summary>How many subscriptions are live.</summary>
    public int SubscriberCount => _subscribers.Count;

    /// <inheritdoc />
    public IDisposable Subscribe(Subscriptions.IRpcSubscriber subscriber, JsonElement? options)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var burst = 0UL;
        if (options is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("burst", out var b))
        {
            if (b.ValueKind != JsonValueKind.Number || !b.TryGetUInt64(out burst) || burst > 100_000)
            {
                throw new RpcException(RpcErrorCodes.InvalidParams, "invalid argument 1 (options): burst must be a number up to 100000");
            }
        }

        var typeInfo = (JsonTypeInfo<ulong>)subscriber.SerializerOptions.GetTypeInfo(typeof(ulong));
        for (var i = 0UL; i < burst; i++)
        {
            subscriber.TryPublish(i, typeInfo);
        }

        _subscribers.TryAdd(subscriber, 0);
        return new Registration(this, subscriber);
    }

    /// <summary>Publishes <paramref name="value"/> to every subscriber.</summary>
    /// <param name="value">The value.</param>
    /// <returns>How many subscribers accepted it.</returns>
    public int Publish(ulong value)
    {
        var delivered = 0;
        foreach (var subscriber in _subscribers.Keys)
        {
            var typeInfo = (JsonTypeInfo<ulong>)subscriber.SerializerOptions.GetTypeInfo(typeof(ulong));
            if (subscriber.TryPublish(value, typeInfo))
            {
                delivered++;
            }
        }

        return delivered;
    }

    private sealed class Registration(TestTickSource source, Subscriptions.IRpcSubscriber subscriber) : IDisposable
    {
        public void Dispose() => source._subscribers.TryRemove(subscriber, out _);
    }
}
