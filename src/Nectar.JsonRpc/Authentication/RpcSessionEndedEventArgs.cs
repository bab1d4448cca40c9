namespace Nectar.JsonRpc.Authentication;

/// <summary>Raised by <see cref="IRpcAuthenticator.SessionEnded"/> when a session stops being valid.</summary>
public sealed class RpcSessionEndedEventArgs : EventArgs
{
    /// <summary>Creates the event arguments.</summary>
    /// <param name="sessionId">The session that ended.</param>
    /// <param name="reason">Why it ended.</param>
    public RpcSessionEndedEventArgs(string sessionId, RpcSessionEndReason reason)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        SessionId = sessionId;
        Reason = reason;
    }

    /// <summary>The session that ended.</summary>
    public string SessionId { get; }

    /// <summary>Why it ended.</summary>
    public RpcSessionEndReason Reason { get; }
}
