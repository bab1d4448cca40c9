using Nectar.Core.Primitives;

namespace Nectar.Privacy.Sessions;

/// <summary>A live session as the table holds it. Mutable fields change only under the service's lock.</summary>
internal sealed class SessionEntry
{
    public SessionEntry(
        SessionId id,
        byte[] tokenHash,
        Address account,
        IReadOnlyList<string> roles,
        SessionOrigin origin,
        DateTimeOffset createdAt,
        DateTimeOffset absoluteExpiresAt)
    {
        Id = id;
        TokenHash = tokenHash;
        TokenKey = SessionToken.KeyOf(tokenHash);
        Account = account;
        Roles = roles;
        Origin = origin;
        CreatedAt = createdAt;
        LastUsedAt = createdAt;
        AbsoluteExpiresAt = absoluteExpiresAt;
    }

    public SessionId Id { get; }

    /// <summary>SHA-256 of the token text; the token itself is never stored.</summary>
    public byte[] TokenHash { get; }

    public ulong TokenKey { get; }

    public Address Account { get; }

    public IReadOnlyList<string> Roles { get; set; }

    public SessionOrigin Origin { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset LastUsedAt { get; set; }

    public DateTimeOffset AbsoluteExpiresAt { get; }

    /// <summary>This entry's place in the table's oldest-first list, for removal in constant time.</summary>
    public LinkedListNode<SessionEntry>? AgeNode { get; set; }

    /// <summary>Whether, and why, the session has ended by time at <paramref name="now"/>; deadlines are exclusive.</summary>
    public SessionEndReason? ExpiryAt(DateTimeOffset now, TimeSpan idleTimeout)
    {
        var idleDeadline = LastUsedAt + idleTimeout;
        var deadline = idleDeadline < AbsoluteExpiresAt ? idleDeadline : AbsoluteExpiresAt;
        if (now < deadline)
        {
            return null;
        }

        return idleDeadline < AbsoluteExpiresAt ? SessionEndReason.IdleTimeout : SessionEndReason.AbsoluteTimeout;
    }

    public SessionInfo ToInfo(TimeSpan idleTimeout) =>
        new(Id, Account, Roles, Origin, CreatedAt, LastUsedAt, LastUsedAt + idleTimeout, AbsoluteExpiresAt);
}
