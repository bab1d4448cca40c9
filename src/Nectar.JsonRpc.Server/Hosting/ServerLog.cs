using Microsoft.Extensions.Logging;

namespace Nectar.JsonRpc.Server.Hosting;

/// <summary>The transport's log lines: statuses, reasons and ids only, never tokens, bodies or parameters.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "JSON-RPC server listening on {Url}")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "HTTP request refused with {Status}: {Reason}")]
    public static partial void Refused(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "WebSocket connection {ConnectionId} opened (authenticated: {Authenticated})")]
    public static partial void WebSocketOpened(ILogger logger, string connectionId, bool authenticated);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "WebSocket connection {ConnectionId} ended: {Reason}")]
    public static partial void WebSocketEnded(ILogger logger, string connectionId, string reason);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Authenticator failed with {ExceptionType}; the request is treated as unauthenticated")]
    public static partial void AuthenticatorFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "JSON-RPC transport failure {ExceptionType}")]
    public static partial void TransportFailure(ILogger logger, string exceptionType);
}
