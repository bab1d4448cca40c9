namespace Nectar.Privacy.Sessions;

/// <summary>A new session: the bearer token to hand to the client, and the session's metadata.</summary>
/// <param name="Token">The token; its <see cref="SessionToken.ToString"/> is redacted, <see cref="SessionToken.Reveal"/> gives the text.</param>
/// <param name="Session">The session (account, expiry, roles).</param>
public sealed record SessionGrant(SessionToken Token, SessionInfo Session);
