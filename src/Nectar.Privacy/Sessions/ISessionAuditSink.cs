namespace Nectar.Privacy.Sessions;

/// <summary>
/// Receives every sign-in success and failure, trusted issue, expiry and revocation, for the access audit trail.
/// Events never carry a token or a signature. Called outside the service's lock, possibly from several threads.
/// </summary>
/// <remarks>
/// A sign-in whose success cannot be recorded does not happen: an exception from <see cref="Record"/> for
/// <see cref="SessionAuditKind.LoginSucceeded"/> or <see cref="SessionAuditKind.SessionIssued"/> withdraws the
/// new session and propagates; so does one while recording a refused sign-in (which stays refused). An exception
/// while recording the end of a session is logged and swallowed, since ending a session is the safe direction.
/// </remarks>
public interface ISessionAuditSink
{
    /// <summary>Records one event.</summary>
    /// <param name="auditEvent">The event.</param>
    void Record(SessionAuditEvent auditEvent);
}
