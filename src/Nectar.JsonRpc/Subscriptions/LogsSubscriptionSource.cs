using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nectar.Chain.Reading;
using Nectar.JsonRpc.Json;
using Nectar.JsonRpc.Logs;
using Nectar.Privacy.Access;

namespace Nectar.JsonRpc.Subscriptions;

/// <summary>
/// The <c>logs</c> subscription: one notification per new log that matches the subscription's filter and that the
/// subscriber may see; a subscriber who may see nothing receives nothing. After a development revert, logs already
/// sent from the reverted blocks are sent again with <c>removed: true</c> (for the last
/// <see cref="RecentBlocks"/> blocks). Dispose to stop listening.
/// </summary>
public sealed class LogsSubscriptionSource : IRpcSubscriptionSource, IDisposable
{
    /// <summary>How deep a revert may go and still have its removed logs reported.</summary>
    public const int RecentBlocks = ChainEventPump.RecentBlocks;

    private readonly IReadAuthorizer _authorizer;
    private readonly TimeProvider _time;
    private readonly ChainEventPump _pump;
    private readonly ConcurrentDictionary<IRpcSubscriber, Subscription> _subscribers = new();
    private ulong _head;

    /// <summary>Creates the source and starts listening to the chain.</summary>
    /// <param name="chain">The stored chain (for the starting head).</param>
    /// <param name="events">New heads and reverts.</param>
    /// <param name="authorizer">Read authorization.</param>
    /// <param name="timeProvider">The clock to check subscribers' session expiry; the system clock when omitted.</param>
    /// <param name="loggerFactory">Logging; nothing is logged when omitted.</param>
    public LogsSubscriptionSource(IChainReader chain, IChainEvents events, IReadAuthorizer authorizer, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(authorizer);
        _authorizer = authorizer;
        _time = timeProvider ?? TimeProvider.System;
        _head = chain.Head.Number;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Nectar.JsonRpc.Subscriptions");
        _pump = new ChainEventPump(events, nameof(LogsSubscriptionSource), OnNewHead, OnReverted, logger);
    }

    /// <inheritdoc />
    public string Kind => "logs";

    /// <summary>How many subscriptions are live.</summary>
    public int SubscriberCount => _subscribers.Count;

    /// <summary>How many chain events have been delivered.</summary>
    internal long ProcessedEvents => _pump.Processed;

    /// <inheritdoc />
    public IDisposable Subscribe(IRpcSubscriber subscriber, JsonElement? options)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        LogFilterOptions filter;
        try
        {
            filter = options is { ValueKind: not JsonValueKind.Null } o
                ? LogFilterOptionsConverter.Parse(o, LogsJsonContext.Default.Options)
                : new LogFilterOptions();
        }
        catch (JsonException e)
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, "invalid argument 1 (filter): " + e.Message);
        }

        if (filter.BlockHash is not null)
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, "invalid argument 1 (filter): blockHash is not supported by a logs subscription");
        }

        var subscription = new Subscription(
            filter.ToLogFilter(),
            filter.FromBlock is { Kind: BlockParameterKind.Number } from ? from.Number : null,
            filter.ToBlock is { Kind: BlockParameterKind.Number } to ? to.Number : null,
            Volatile.Read(ref _head));
        _subscribers.TryAdd(subscriber, subscription);
        return new Registration(_subscribers, subscriber);
    }

    /// <summary>Stops listening to the chain.</summary>
    public void Dispose() => _pump.Dispose();

    private void OnNewHead(BlockLogView view)
    {
        Volatile.Write(ref _head, view.Number);
        Deliver(view, isNewHead: true);
    }

    private void OnReverted(ChainRevert revert)
    {
        Volatile.Write(ref _head, revert.NewHeadNumber);
        foreach (var removed in revert.Removed)
        {
            Deliver(removed, isNewHead: false);
        }

        foreach (var subscription in _subscribers.Values)
        {
            subscription.SubscribedAt = Math.Min(subscription.SubscribedAt, revert.NewHeadNumber);
        }
    }

    private void Deliver(BlockLogView view, bool isNewHead)
    {
        var now = _time.GetUtcNow();
        var logs = new List<LogObject>();
        foreach (var (subscriber, subscription) in _subscribers)
        {
            // A removed block is reported only to subscriptions that could have been sent its logs.
            if (!subscription.Accepts(view.Number) || (!isNewHead && view.Number <= subscription.SubscribedAt)
                || SubscriberCaller.Of(subscriber, now) is not { } caller)
            {
                continue;
            }

            logs.Clear();
            view.Collect(subscription.Filter, caller, _authorizer, logs, int.MaxValue);
            foreach (var log in logs)
            {
                if (!subscriber.TryPublish(log, LogsJsonContext.Default.LogObject))
                {
                    break;
                }
            }
        }
    }

    private sealed class Subscription(LogFilter filter, ulong? from, ulong? to, ulong subscribedAt)
    {
        public LogFilter Filter { get; } = filter;

        /// <summary>The head when the subscription started; touched only by the pump's worker after that.</summary>
        public ulong SubscribedAt { get; set; } = subscribedAt;

        public bool Accepts(ulong number) => (from is not { } f || number >= f) && (to is not { } t || number <= t);
    }

    private sealed class Registration(ConcurrentDictionary<IRpcSubscriber, Subscription> subscribers, IRpcSubscriber subscriber) : IDisposable
    {
        public void Dispose() => subscribers.TryRemove(subscriber, out _);
    }
}
