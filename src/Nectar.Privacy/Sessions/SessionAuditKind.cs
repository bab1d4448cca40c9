namespace Nectar.Privacy.Sessions;

/// <summary>What a <see cref="SessionAuditEvent"/> reports.</summary>
public enum SessionAuditKind
{
    /// <summary>A sign-in succeeded and a session started.</summary>
    LoginSucceeded = 0,

    /// <summary>A sign-in was refused; <see cref="SessionAuditEvent.Failure"/> says why.</summary>
    LoginFailed = 1,

    /// <summary>The trusted path (<see cref="SessionService.IssueFor"/>) started a session without a signature.</summary>
    SessionIssued = 2,

    /// <summary>A session ended; <see cref="SessionAuditEvent.EndReason"/> says why (expiry, revocation, eviction).</summary>
    SessionEnded = 3,
}
