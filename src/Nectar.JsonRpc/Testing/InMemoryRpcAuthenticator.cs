using System.Collections.Concurrent;
using System.Security.Cryptography;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Authentication;

namespace Nectar.JsonRpc.Testing;

/// <summary>
/// An <see cref="IRpcAuthenticator"/> holding sessions in memory: issue tokens for accounts, revoke sessions, let them
/// expire on the given clock. For tests and benchmarks; the node's authenticator lives in the privacy layer.
/// </summary>
public sealed class InMemoryRpcAuthenticator : IRpcAuthenticator
{
    private readonly ConcurrentDictionary<string, Session> _byToken = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _checks;

    /// <summary>Creates an authenticator.</summary>
    /// <param name="timeProvider">The clock that decides expiry; the system clock by default.</param>
    public InMemoryRpcAuthenticator(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public event EventHandler<RpcSessionEndedEventArgs>? SessionEnded;

    /// <summary>How many times <see cref="AuthenticateAsync"/> ran.</summary>
    public int Checks => Volatile.Read(ref _checks);

    /// <summary>Issues a token for <paramref name="account"/>.</summary>
    /// <param name="account">The account.</param>
    /// <param name="lifetime">How long the token is valid.</param>
    /// <returns>The token and its session id.</returns>
    public (string Token, string SessionId) Issue(Address account, TimeSpan lifetime)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var sessionId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        _byToken[token] = new Session(new RpcPrincipal(account, sessionId, _time.GetUtcNow() + lifetime));
        return (token, sessionId);
    }

    /// <summary>Revokes a session and raises <see cref="SessionEnded"/>.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="reason">Why it ends.</param>
    public void End(string sessionId, RpcSessionEndReason reason = RpcSessionEndReason.Revoked)
    {
        foreach (var session in _byToken.Values)
        {
            if (session.Principal.SessionId == sessionId)
            {
                session.Revoked = true;
            }
        }

        SessionEnded?.Invoke(this, new RpcSessionEndedEventArgs(sessionId, reason));
    }

    /// <inheritdoc />
    public ValueTask<RpcAuthenticationResult> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _checks);
        if (!_byToken.TryGetValue(token, out var session))
        {
            return ValueTask.FromResult(RpcAuthenticationResult.Fail(RpcAuthFailure.InvalidToken));
        }

        if (session.Revoked)
        {
            return ValueTask.FromResult(RpcAuthenticationResult.Fail(RpcAuthFailure.RevokedSession));
        }

        return ValueTask.FromResult(session.Principal.ExpiresAt <= _time.GetUtcNow()
            ? RpcAuthenticationResult.Fail(RpcAuthFailure.ExpiredToken)
            : RpcAuthenticationResult.Success(session.Principal));
    }

    private sealed class Session(RpcPrincipal principal)
    {
        public RpcPrincipal Principal { get; } = principal;

        public volatile bool Revoked;
    }
}
