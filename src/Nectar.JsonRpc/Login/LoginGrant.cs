using Nectar.Core.Primitives;

namespace Nectar.JsonRpc.Login;

/// <summary>
/// What <c>nectar_login</c> returns: the bearer token for every later call, the account it is bound to and when it
/// expires unless used (each authenticated call moves the idle deadline). A class, not a record, so that nothing
/// prints the token by accident.
/// </summary>
public sealed class LoginGrant
{
    /// <summary>The bearer token: send it as <c>Authorization: Bearer …</c>.</summary>
    public required string Token { get; init; }

    /// <summary>The signed-in account.</summary>
    public required Address Account { get; init; }

    /// <summary>When the session ends unless used before (RFC 3339).</summary>
    public required string ExpiresAt { get; init; }

    /// <summary>Names the type only; never the token.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => "LoginGrant for " + Account;
}
