using Nectar.Core.Primitives;

namespace Nectar.JsonRpc;

/// <summary>An authenticated caller: the account that signed in and the session its bearer token belongs to.</summary>
/// <param name="Account">The account address the session was issued to.</param>
/// <param name="SessionId">The session identifier (never the token itself).</param>
/// <param name="ExpiresAt">When the session's token stops being valid.</param>
public sealed record RpcPrincipal(Address Account, string SessionId, DateTimeOffset ExpiresAt)
{
    /// <summary>
    /// The authenticator's own session object (roles, organisation, consent), for modules that need more than the
    /// account; the framework never reads it.
    /// </summary>
    public object? Session { get; init; }
}
