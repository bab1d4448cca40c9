namespace Nectar.JsonRpc.Authentication;

/// <summary>Why a request has no authenticated principal.</summary>
public enum RpcAuthFailure
{
    /// <summary>Authenticated, or nothing was attempted yet.</summary>
    None = 0,

    /// <summary>No bearer token was sent.</summary>
    MissingToken = 1,

    /// <summary>A token was sent but is malformed, unknown or forged.</summary>
    InvalidToken = 2,

    /// <summary>The token was valid but its session has expired.</summary>
    ExpiredToken = 3,

    /// <summary>The token's session was revoked or logged out.</summary>
    RevokedSession = 4,
}
