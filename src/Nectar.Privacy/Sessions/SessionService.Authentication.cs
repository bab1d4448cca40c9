using System.Runtime.CompilerServices;
using Nectar.Core.Primitives;

namespace Nectar.Privacy.Sessions;

public sealed partial class SessionService
{
    /// <summary>
    /// Checks a bearer token on a request: the session must be live (neither idle nor absolute deadline reached,
    /// both exclusive) and, with <see cref="SessionOptions.RecheckAdmissionOnUse"/>, its account still admitted.
    /// On success the idle deadline moves forward. A session found expired ends here (and is announced).
    /// </summary>
    /// <param name="token">The token as sent after <c>Bearer </c>.</param>
    /// <returns>The session, or why the token is refused. Never throws for a bad token, and never echoes it.</returns>
    [SkipLocalsInit]
    public AuthenticationResult Authenticate(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        Span<byte> hash = stackalloc byte[SessionToken.HashLength];
        if (!SessionToken.TryComputeHash(token, hash))
        {
            return AuthenticationResult.Fail(AuthenticationFailure.InvalidToken);
        }

        var now = _time.GetUtcNow();
        List<EndedSession>? ended = null;
        SessionInfo? session = null;
        var failure = AuthenticationFailure.None;
        Address account = default;
        SessionId id = default;
        lock (_gate)
        {
            var entry = _sessions.Find(hash);
            if (entry is null)
            {
                failure = FailureFor(_sessions.FindEnded(hash));
            }
            else if (entry.ExpiryAt(now, _policy.IdleTimeout) is { } reason)
            {
                ended = [];
                _sessions.Remove(entry, reason, now, ended);
                failure = AuthenticationFailure.Expired;
            }
            else if (!_policy.RecheckAdmissionOnUse)
            {
                entry.LastUsedAt = now;
                session = entry.ToInfo(_policy.IdleTimeout);
            }
            else
            {
                account = entry.Account;
                id = entry.Id;
            }
        }

        Announce(ended);
        if (session is not null)
        {
            return AuthenticationResult.Success(session);
        }

        if (failure != AuthenticationFailure.None)
        {
            return AuthenticationResult.Fail(failure);
        }

        // The registry read happens outside the lock; the session is touched only once admission is confirmed.
        if (!TryGetAdmission(account, out var admission))
        {
            return AuthenticationResult.Fail(AuthenticationFailure.AdmissionUnavailable);
        }

        if (!admission.IsAdmitted)
        {
            EndAccount(account, now);
            return AuthenticationResult.Fail(AuthenticationFailure.Revoked);
        }

        lock (_gate)
        {
            var entry = _sessions.Find(hash);
            if (entry is null || entry.Id != id)
            {
                // Ended by another thread in between.
                return AuthenticationResult.Fail(FailureFor(_sessions.FindEnded(hash)));
            }

            if (now > entry.LastUsedAt)
            {
                entry.LastUsedAt = now;
            }

            entry.Roles = admission.Roles;
            session = entry.ToInfo(_policy.IdleTimeout);
        }

        return AuthenticationResult.Success(session);
    }

    private static AuthenticationFailure FailureFor(SessionEndReason? ended) => ended switch
    {
        null => AuthenticationFailure.InvalidToken,
        SessionEndReason.IdleTimeout or SessionEndReason.AbsoluteTimeout => AuthenticationFailure.Expired,
        _ => AuthenticationFailure.Revoked,
    };
}
