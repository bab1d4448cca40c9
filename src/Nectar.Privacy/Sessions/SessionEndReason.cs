namespace Nectar.Privacy.Sessions;

/// <summary>Why a session ended.</summary>
public enum SessionEndReason
{
    /// <summary>Unused for <see cref="SessionOptions.IdleTimeout"/> (automatic logoff).</summary>
    IdleTimeout = 0,

    /// <summary>Reached <see cref="SessionOptions.AbsoluteTimeout"/>, or the message's expiration time, however active.</summary>
    AbsoluteTimeout = 1,

    /// <summary>Revoked by its token (logout) or by its id (an administrator).</summary>
    Revoked = 2,

    /// <summary>Every session of the account was revoked (its admission was withdrawn).</summary>
    AccountRevoked = 3,

    /// <summary>Ended to make room: its account signed in more than <see cref="SessionOptions.MaxSessionsPerAccount"/> times.</summary>
    EvictedAccountLimit = 4,

    /// <summary>Ended to make room: the node held <see cref="SessionOptions.MaxSessions"/> sessions.</summary>
    EvictedCapacity = 5,
}
