namespace Nectar.Privacy.Sessions;

/// <summary>Why a bearer token was not accepted.</summary>
public enum AuthenticationFailure
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>Malformed, unknown or forged; or its session ended so long ago that it is forgotten.</summary>
    InvalidToken = 1,

    /// <summary>Its session ended by idle or absolute timeout.</summary>
    Expired = 2,

    /// <summary>Its session was revoked, its account's sessions were revoked, or it was evicted to make room.</summary>
    Revoked = 3,

    /// <summary>The account's admission could not be determined; the request is denied but the session kept.</summary>
    AdmissionUnavailable = 4,
}
