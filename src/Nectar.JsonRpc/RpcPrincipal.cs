using Nectar.Core.Primitives;
using Nectar.Privacy.Access;

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

    /// <summary>The account's roles (<see cref="RoleNames"/>) as the authenticator found them for this request.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The caller as read authorization sees it: the account and the standing its roles give.</summary>
    /// <returns>The read caller.</returns>
    public ReadCaller ToReadCaller() => ReadCaller.From(Account, Roles);
}
