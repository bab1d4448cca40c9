using System.Collections.Frozen;
using System.Text.Json;
using Nectar.JsonRpc.Authentication;

namespace Nectar.JsonRpc.Subscriptions;

/// <summary>The built-in implementation of <see cref="IRpcSessionModule"/> over <see cref="RpcConnection"/>.</summary>
internal sealed class RpcSessionModule(FrozenDictionary<string, IRpcSubscriptionSource> sources) : IRpcSessionModule
{
    public string Subscribe(RpcCallContext context, string kind, JsonElement? options = null)
    {
        var connection = RequireConnection(context);
        if (!sources.TryGetValue(kind, out var source))
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, "invalid argument 0 (kind): unsupported subscription kind");
        }

        return connection.Subscribe(source, options, context);
    }

    public bool Unsubscribe(RpcCallContext context, string subscriptionId) => RequireConnection(context).Unsubscribe(subscriptionId);

    public async ValueTask<bool> AuthenticateAsync(RpcCallContext context, string token)
    {
        var connection = RequireConnection(context);
        var failure = await connection.AuthenticateAsync(token, context.CancellationToken).ConfigureAwait(false);
        return failure == RpcAuthFailure.None ? true : throw new RpcException(RpcAuthMessages.CodeOf(failure), RpcAuthMessages.Describe(failure));
    }

    private static RpcConnection RequireConnection(RpcCallContext context) =>
        context.Connection ?? throw new RpcException(RpcErrorCodes.MethodNotFound, "notifications not supported: this method needs a WebSocket connection");
}
