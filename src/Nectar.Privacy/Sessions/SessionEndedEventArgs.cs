using Nectar.Core.Primitives;

namespace Nectar.Privacy.Sessions;

/// <summary>Raised once for every session that ends, whatever the reason, so connections using it can be closed.</summary>
public sealed class SessionEndedEventArgs : EventArgs
{
    /// <summary>Creates the event arguments.</summary>
    /// <param name="sessionId">The session that ended.</param>
    /// <param name="account">Its account.</param>
    /// <param name="reason">Why it ended.</param>
    /// <param name="endedAt">When, by the service's clock.</param>
    public SessionEndedEventArgs(SessionId sessionId, Address account, SessionEndReason reason, DateTimeOffset endedAt)
    {
        SessionId = sessionId;
        Account = account;
        Reason = reason;
        EndedAt = endedAt;
    }

    /// <summary>The session that ended.</summary>
    public SessionId SessionId { get; }

    /// <summary>Its account.</summary>
    public Address Account { get; }

    /// <summary>Why it ended.</summary>
    public SessionEndReason Reason { get; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset EndedAt { get; }
}
