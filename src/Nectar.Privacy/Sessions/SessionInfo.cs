using Nectar.Core.Primitives;

namespace Nectar.Privacy.Sessions;

/// <summary>What may be known about a session without holding it: metadata only, never the token or its hash.</summary>
/// <param name="Id">The session's public identifier.</param>
/// <param name="Account">The account it is bound to.</param>
/// <param name="Roles">The account's roles as the admission port last reported them.</param>
/// <param name="Origin">How it started.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="LastUsedAt">When it was last authenticated (or started).</param>
/// <param name="IdleExpiresAt">When it ends unless used before: <paramref name="LastUsedAt"/> plus the idle timeout.</param>
/// <param name="AbsoluteExpiresAt">When it ends however active it is.</param>
public sealed record SessionInfo(
    SessionId Id,
    Address Account,
    IReadOnlyList<string> Roles,
    SessionOrigin Origin,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUsedAt,
    DateTimeOffset IdleExpiresAt,
    DateTimeOffset AbsoluteExpiresAt)
{
    /// <summary>When the session ends if nothing else happens: the earlier of the idle and absolute deadlines.</summary>
    public DateTimeOffset ExpiresAt => IdleExpiresAt < AbsoluteExpiresAt ? IdleExpiresAt : AbsoluteExpiresAt;
}
