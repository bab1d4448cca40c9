using Microsoft.Extensions.Logging;

namespace Nectar.Privacy.Sessions;

/// <summary>
/// The service's log messages. They carry session ids and reasons only: never a token, a signature, a message or
/// an account address (the audit trail, not the log, ties sessions to people).
/// </summary>
internal static partial class SessionLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Session {SessionId} started ({Origin}).")]
    public static partial void SessionStarted(ILogger logger, string sessionId, SessionOrigin origin);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Sign-in refused: {Reason}.")]
    public static partial void LoginRefused(ILogger logger, LoginFailureReason reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Session {SessionId} ended ({Reason}).")]
    public static partial void SessionEnded(ILogger logger, string sessionId, SessionEndReason reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Session {SessionId} was withdrawn: its start could not be audited.")]
    public static partial void SessionWithdrawn(ILogger logger, string sessionId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "The audit sink failed to record {Kind}.")]
    public static partial void AuditFailed(ILogger logger, Exception exception, SessionAuditKind kind);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "A subscriber to the end of session {SessionId} failed.")]
    public static partial void SubscriberFailed(ILogger logger, Exception exception, string sessionId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Account admission could not be determined; denying.")]
    public static partial void AdmissionFailed(ILogger logger, Exception exception);
}
