using System.Text.Json;

namespace Nectar.JsonRpc.Subscriptions;

/// <summary>
/// The connection-level methods every dispatcher has: subscriptions and in-band authentication for clients that
/// cannot send headers (browsers on WebSocket). They need a long-lived connection; over HTTP they are unavailable.
/// </summary>
public interface IRpcSessionModule
{
    /// <summary>Starts a subscription and returns its id; notifications follow as <c>eth_subscription</c>.</summary>
    /// <param name="context">The call context (supplied by the dispatcher).</param>
    /// <param name="kind">The subscription kind (<c>newHeads</c>, <c>logs</c>, ...).</param>
    /// <param name="options">Kind-specific options (a log filter for <c>logs</c>).</param>
    /// <returns>The subscription id.</returns>
    [JsonRpcMethod("eth_subscribe", Description = "Starts a subscription on this connection and returns its id.")]
    string Subscribe(RpcCallContext context, string kind, JsonElement? options = null);

    /// <summary>Ends a subscription of this connection.</summary>
    /// <param name="context">The call context (supplied by the dispatcher).</param>
    /// <param name="subscriptionId">The id <c>eth_subscribe</c> returned.</param>
    /// <returns>Whether a subscription was ended.</returns>
    [JsonRpcMethod("eth_unsubscribe", Description = "Ends a subscription of this connection.")]
    bool Unsubscribe(RpcCallContext context, string subscriptionId);

    /// <summary>
    /// Authenticates this WebSocket connection with a bearer token sent as a message, for clients that cannot set
    /// headers. Later messages run as the token's account.
    /// </summary>
    /// <param name="context">The call context (supplied by the dispatcher).</param>
    /// <param name="token">The bearer token.</param>
    /// <returns><see langword="true"/> once authenticated.</returns>
    [JsonRpcMethod("nectar_authenticate", Description = "Authenticates this WebSocket connection with a bearer token.", IsPublic = true)]
    ValueTask<bool> AuthenticateAsync(RpcCallContext context, string token);
}
