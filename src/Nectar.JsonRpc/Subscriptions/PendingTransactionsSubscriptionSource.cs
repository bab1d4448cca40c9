using System.Text.Json;

namespace Nectar.JsonRpc.Subscriptions;

/// <summary>
/// Refuses <c>newPendingTransactions</c> with a clear error instead of "unsupported kind": announcing transactions as
/// they enter the pool would tell every subscriber who is transacting, when and how often, which is exactly the
/// activity read authorization hides. Register it so clients learn why.
/// </summary>
public sealed class PendingTransactionsSubscriptionSource : IRpcSubscriptionSource
{
    /// <summary>The error message clients receive.</summary>
    public const string RefusalMessage = "newPendingTransactions is not available: pending transactions are private to their accounts";

    /// <inheritdoc />
    public string Kind => "newPendingTransactions";

    /// <inheritdoc />
    public IDisposable Subscribe(IRpcSubscriber subscriber, JsonElement? options) =>
        throw RpcException.Forbidden(RefusalMessage);
}
