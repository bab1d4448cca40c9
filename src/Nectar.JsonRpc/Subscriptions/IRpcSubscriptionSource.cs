using System.Text.Json;

namespace Nectar.JsonRpc.Subscriptions;

/// <summary>A kind of subscription for <c>eth_subscribe</c> (<c>newHeads</c>, <c>logs</c>, ...), provided by the node.</summary>
public interface IRpcSubscriptionSource
{
    /// <summary>The kind name clients pass as the first <c>eth_subscribe</c> parameter.</summary>
    string Kind { get; }

    /// <summary>
    /// Starts delivering to <paramref name="subscriber"/>. Throw <see cref="RpcException"/> for invalid
    /// <paramref name="options"/> (no subscription is created then). Read access must be checked against
    /// <see cref="IRpcSubscriber.Context"/> for every result.
    /// </summary>
    /// <param name="subscriber">Where to publish.</param>
    /// <param name="options">The second <c>eth_subscribe</c> parameter, if sent (a log filter, for instance).</param>
    /// <returns>A registration disposed when the subscription ends.</returns>
    IDisposable Subscribe(IRpcSubscriber subscriber, JsonElement? options);
}
