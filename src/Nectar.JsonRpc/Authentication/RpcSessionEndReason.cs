namespace Nectar.JsonRpc.Authentication;

/// <summary>Why a session ended.</summary>
public enum RpcSessionEndReason
{
    /// <summary>The session reached its expiry time.</summary>
    Expired = 0,

    /// <summary>The session was revoked (by an administrator or a membership change).</summary>
    Revoked = 1,

    /// <summary>The user logged out.</summary>
    LoggedOut = 2,
}
