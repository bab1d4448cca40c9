using Nectar.Core.Primitives;

namespace Nectar.Privacy.Sessions;

/// <summary>One event for the audit trail. Holds no token and no signature, by construction.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When, by the service's clock.</param>
/// <param name="Account">
/// The account concerned: the session's account, or for a failed sign-in the address the message claimed (which
/// the signature may not prove); <see langword="null"/> when the message could not be read.
/// </param>
/// <param name="SessionId">The session concerned, or <see langword="null"/> for a failed sign-in.</param>
/// <param name="Failure">Why a sign-in failed (only for <see cref="SessionAuditKind.LoginFailed"/>).</param>
/// <param name="EndReason">Why a session ended (only for <see cref="SessionAuditKind.SessionEnded"/>).</param>
public sealed record SessionAuditEvent(
    SessionAuditKind Kind,
    DateTimeOffset At,
    Address? Account,
    SessionId? SessionId,
    LoginFailureReason? Failure = null,
    SessionEndReason? EndReason = null);
