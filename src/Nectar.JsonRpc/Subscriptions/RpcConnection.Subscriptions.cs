using System.Security.Cryptography;
using System.Text.Json;
using Nectar.JsonRpc.Diagnostics;

namespace Nectar.JsonRpc.Subscriptions;

public sealed partial class RpcConnection
{
    /// <summary>Creates a subscription of <paramref name="source"/>'s kind; returns its id.</summary>
    internal string Subscribe(IRpcSubscriptionSource source, JsonElement? options, RpcCallContext context)
    {
        var id = "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var subscription = new RpcSubscription(id, source.Kind, this, context);
        lock (_gate)
        {
            if (IsClosed)
            {
                throw new RpcException(RpcErrorCodes.InternalError, "connection closed");
            }

            var limit = Dispatcher.ConnectionOptions.MaxSubscriptions;
            if (_subscriptions.Count >= limit)
            {
                throw RpcException.LimitExceeded($"too many subscriptions: at most {limit} per connection");
            }

            _subscriptions.Add(id, subscription);
        }

        try
        {
            subscription.Registration = source.Subscribe(subscription, options);
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _subscriptions.Remove(id);
            }

            subscription.End();
            if (e is RpcException)
            {
                throw;
            }

            RpcLog.SubscriptionFailed(_logger, source.Kind, e.GetType().Name);
            throw new RpcException(RpcErrorCodes.InternalError, "internal error");
        }

        lock (_gate)
        {
            if (!_subscriptions.ContainsKey(id))
            {
                // The connection closed while the source was subscribing.
                subscription.End();
                throw new RpcException(RpcErrorCodes.InternalError, "connection closed");
            }

            _awaitingActivation.Add(subscription);
        }

        Dispatcher.Metrics.SubscriptionsChanged(1);
        return id;
    }

    /// <summary>Ends a subscription of this connection; false when there is none with that id.</summary>
    internal bool Unsubscribe(string id)
    {
        RpcSubscription? subscription;
        lock (_gate)
        {
            if (!_subscriptions.Remove(id, out subscription))
            {
                return false;
            }

            _awaitingActivation.Remove(subscription);
        }

        EndQuietly(subscription);
        Dispatcher.Metrics.SubscriptionsChanged(-1);
        return true;
    }
}
