using Nectar.Privacy.Access;

namespace Nectar.JsonRpc.Subscriptions;

/// <summary>Who a subscription delivers to, decided at each delivery rather than once at subscribe time.</summary>
internal static class SubscriberCaller
{
    /// <summary>
    /// The subscriber's caller now: the connection's current principal (a refreshed token brings fresh roles), or the
    /// subscribe call's; <see langword="null"/> when there is none or its session has expired, so nothing is sent.
    /// </summary>
    public static ReadCaller? Of(IRpcSubscriber subscriber, DateTimeOffset now)
    {
        var principal = subscriber.Context.Connection?.Principal ?? subscriber.Context.Principal;
        return principal is null || principal.ExpiresAt <= now ? null : principal.ToReadCaller();
    }
}
