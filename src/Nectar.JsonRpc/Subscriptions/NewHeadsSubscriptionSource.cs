using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nectar.Chain.Reading;
using Nectar.JsonRpc.Logs;
using Nectar.Privacy.Access;

namespace Nectar.JsonRpc.Subscriptions;

/// <summary>
/// The <c>newHeads</c> subscription: every new canonical head as a header object. Headers are visible to every
/// authenticated caller, but each subscriber's <c>logsBloom</c> covers only the logs that subscriber may see. A
/// development revert sends nothing; the next block announced is the new head's child. Dispose to stop listening.
/// </summary>
public sealed class NewHeadsSubscriptionSource : IRpcSubscriptionSource, IDisposable
{
    private readonly IReadAuthorizer _authorizer;
    private readonly TimeProvider _time;
    private readonly ChainEventPump _pump;
    private readonly ConcurrentDictionary<IRpcSubscriber, byte> _subscribers = new();

    /// <summary>Creates the source and starts listening to the chain.</summary>
    /// <param name="events">New heads.</param>
    /// <param name="authorizer">Read authorization (for each subscriber's logs bloom).</param>
    /// <param name="timeProvider">The clock to check subscribers' session expiry; the system clock when omitted.</param>
    /// <param name="loggerFactory">Logging; nothing is logged when omitted.</param>
    public NewHeadsSubscriptionSource(IChainEvents events, IReadAuthorizer authorizer, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(authorizer);
        _authorizer = authorizer;
        _time = timeProvider ?? TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Nectar.JsonRpc.Subscriptions");
        _pump = new ChainEventPump(events, nameof(NewHeadsSubscriptionSource), OnNewHead, static _ => { }, logger);
    }

    /// <inheritdoc />
    public string Kind => "newHeads";

    /// <summary>How many subscriptions are live.</summary>
    public int SubscriberCount => _subscribers.Count;

    /// <summary>How many chain events have been delivered.</summary>
    internal long ProcessedEvents => _pump.Processed;

    /// <inheritdoc />
    public IDisposable Subscribe(IRpcSubscriber subscriber, JsonElement? options)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (options is { ValueKind: not JsonValueKind.Null } o && (o.ValueKind != JsonValueKind.Object || o.EnumerateObject().Any()))
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, "invalid argument 1: newHeads takes no options");
        }

        _subscribers.TryAdd(subscriber, 0);
        return new Registration(_subscribers, subscriber);
    }

    /// <summary>Stops listening to the chain.</summary>
    public void Dispose() => _pump.Dispose();

    private void OnNewHead(BlockLogView view)
    {
        var now = _time.GetUtcNow();
        foreach (var subscriber in _subscribers.Keys)
        {
            if (SubscriberCaller.Of(subscriber, now) is { } caller)
            {
                var header = HeaderObject.From(view.Block.Header, view.VisibleBloom(caller, _authorizer));
                subscriber.TryPublish(header, LogsJsonContext.Default.HeaderObject);
            }
        }
    }

    private sealed class Registration(ConcurrentDictionary<IRpcSubscriber, byte> subscribers, IRpcSubscriber subscriber) : IDisposable
    {
        public void Dispose() => subscribers.TryRemove(subscriber, out _);
    }
}
