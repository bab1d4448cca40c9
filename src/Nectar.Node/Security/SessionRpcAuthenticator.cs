using Nectar.JsonRpc;
using Nectar.JsonRpc.Authentication;
using Nectar.Privacy.Sessions;

namespace Nectar.Node.Security;

/// <summary>
/// The RPC layer's <see cref="IRpcAuthenticator"/> over the privacy layer's <see cref="SessionService"/>: a bearer
/// token becomes an <see cref="RpcPrincipal"/> carrying the account, the session id and the roles the registry
/// reports for this very request, and every session end is forwarded so open WebSockets close at once.
/// </summary>
/// <remarks>
/// The session service is configured to re-check admission on every authentication, so the principal's roles come
/// from a fresh registry lookup: a revoked account or a withdrawn role takes effect at its next request. A registry
/// that cannot answer denies the request (as an invalid token) without ending the session.
/// </remarks>
public sealed class SessionRpcAuthenticator : IRpcAuthenticator, IDisposable
{
    private readonly SessionService _sessions;

    /// <summary>Creates the adapter and subscribes to the service's session ends.</summary>
    /// <param name="sessions">The session service.</param>
    public SessionRpcAuthenticator(SessionService sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        _sessions = sessions;
        _sessions.SessionEnded += OnSessionEnded;
    }

    /// <inheritdoc />
    public event EventHandler<RpcSessionEndedEventArgs>? SessionEnded;

    /// <inheritdoc />
    public ValueTask<RpcAuthenticationResult> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var result = _sessions.Authenticate(token);
        if (!result.Succeeded)
        {
            return ValueTask.FromResult(RpcAuthenticationResult.Fail(Map(result.Failure)));
        }

        var session = result.Session;
        var principal = new RpcPrincipal(session.Account, session.Id.Value, session.ExpiresAt)
        {
            Roles = session.Roles,
            Session = session,
        };
        return ValueTask.FromResult(RpcAuthenticationResult.Success(principal));
    }

    /// <summary>Stops forwarding session ends.</summary>
    public void Dispose() => _sessions.SessionEnded -= OnSessionEnded;

    /// <summary>The RPC failure for a session failure.</summary>
    /// <param name="failure">Why the session layer refused the token.</param>
    /// <returns>The RPC layer's reason.</returns>
    internal static RpcAuthFailure Map(AuthenticationFailure failure) => failure switch
    {
        AuthenticationFailure.Expired => RpcAuthFailure.ExpiredToken,
        AuthenticationFailure.Revoked => RpcAuthFailure.RevokedSession,

        // Unknown admission must deny; the session itself is kept, so the caller may retry once the registry answers.
        _ => RpcAuthFailure.InvalidToken,
    };

    /// <summary>The RPC reason for a session end.</summary>
    /// <param name="reason">Why the session ended.</param>
    /// <returns>The RPC layer's reason.</returns>
    internal static RpcSessionEndReason Map(SessionEndReason reason) => reason switch
    {
        SessionEndReason.IdleTimeout or SessionEndReason.AbsoluteTimeout => RpcSessionEndReason.Expired,
        _ => RpcSessionEndReason.Revoked,
    };

    private void OnSessionEnded(object? sender, SessionEndedEventArgs e) =>
        SessionEnded?.Invoke(this, new RpcSessionEndedEventArgs(e.SessionId.Value, Map(e.Reason)));
}
