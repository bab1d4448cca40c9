namespace Nectar.JsonRpc.Authentication;

/// <summary>
/// The authentication hook the node implements: turns a bearer token into a principal, and tells the transports when
/// a session ends so long-lived connections (WebSocket) can be closed at once.
/// </summary>
public interface IRpcAuthenticator
{
    /// <summary>Raised when a session expires, is revoked or is logged out; may be raised on any thread.</summary>
    event EventHandler<RpcSessionEndedEventArgs>? SessionEnded;

    /// <summary>Checks a bearer token. Implementations must not log or store the token.</summary>
    /// <param name="token">The token as sent after <c>Bearer </c>.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The principal, or the reason the token is refused.</returns>
    ValueTask<RpcAuthenticationResult> AuthenticateAsync(string token, CancellationToken cancellationToken);
}
