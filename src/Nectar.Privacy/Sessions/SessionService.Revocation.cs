using System.Runtime.CompilerServices;
using Nectar.Core.Primitives;

namespace Nectar.Privacy.Sessions;

public sealed partial class SessionService
{
    /// <summary>Ends the session of a token (logout). Unknown, malformed or already-ended tokens are ignored.</summary>
    /// <param name="token">The bearer token.</param>
    /// <returns>Whether a live session ended.</returns>
    [SkipLocalsInit]
    public bool Revoke(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        Span<byte> hash = stackalloc byte[SessionToken.HashLength];
        if (!SessionToken.TryComputeHash(token, hash))
        {
            return false;
        }

        var now = _time.GetUtcNow();
        var ended = new List<EndedSession>(1);
        lock (_gate)
        {
            if (_sessions.Find(hash) is { } entry)
            {
                _sessions.Remove(entry, SessionEndReason.Revoked, now, ended);
            }
        }

        Announce(ended);
        return ended.Count != 0;
    }

    /// <summary>Ends a session by its id (an administrator's revocation).</summary>
    /// <param name="sessionId">The session.</param>
    /// <returns>Whether a live session ended.</returns>
    public bool Revoke(SessionId sessionId)
    {
        var now = _time.GetUtcNow();
        var ended = new List<EndedSession>(1);
        lock (_gate)
        {
            if (_sessions.FindById(sessionId) is { } entry)
            {
                _sessions.Remove(entry, SessionEndReason.Revoked, now, ended);
            }
        }

        Announce(ended);
        return ended.Count != 0;
    }

    /// <summary>
    /// Ends every session of an account, e.g. when its admission is withdrawn; a sign-in racing with this call
    /// re-checks admission before its session starts.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <returns>How many sessions ended.</returns>
    public int RevokeAccount(Address account) => EndAccount(account, _time.GetUtcNow());

    /// <summary>Lists an account's live sessions, oldest first: metadata only. Expired ones found on the way end.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The sessions.</returns>
    public IReadOnlyList<SessionInfo> ListSessions(Address account)
    {
        var now = _time.GetUtcNow();
        var ended = new List<EndedSession>();
        var sessions = new List<SessionInfo>();
        lock (_gate)
        {
            foreach (var entry in _sessions.OfAccount(account))
            {
                if (entry.ExpiryAt(now, _policy.IdleTimeout) is { } reason)
                {
                    _sessions.Remove(entry, reason, now, ended);
                }
                else
                {
                    sessions.Add(entry.ToInfo(_policy.IdleTimeout));
                }
            }
        }

        Announce(ended);
        return sessions;
    }

    /// <summary>
    /// Ends every session past its idle or absolute deadline and forgets expired nonces. The sweep timer calls
    /// this every <see cref="SessionOptions.SweepInterval"/>; call it yourself when the timer is off.
    /// </summary>
    /// <returns>How many sessions ended.</returns>
    public int ExpireSessions()
    {
        var now = _time.GetUtcNow();
        _nonces.Purge(now);
        var ended = new List<EndedSession>();
        lock (_gate)
        {
            _sessions.CollectExpired(now, ended);
        }

        Announce(ended);
        return ended.Count;
    }

    private int EndAccount(Address account, DateTimeOffset now)
    {
        var ended = new List<EndedSession>();
        lock (_gate)
        {
            _revocationGeneration++;
            foreach (var entry in _sessions.OfAccount(account))
            {
                _sessions.Remove(entry, SessionEndReason.AccountRevoked, now, ended);
            }
        }

        Announce(ended);
        return ended.Count;
    }
}
