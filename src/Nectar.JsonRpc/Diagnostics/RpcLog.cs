using Microsoft.Extensions.Logging;

namespace Nectar.JsonRpc.Diagnostics;

/// <summary>
/// Every log line the JSON-RPC layer writes. They carry method names, outcomes, codes and latencies only: never
/// tokens, request bodies, parameters, results or exception messages (which may quote parameters).
/// </summary>
internal static partial class RpcLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "RPC {Method} {Outcome} in {ElapsedMs:F3} ms")]
    public static partial void Completed(ILogger logger, string method, string outcome, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "RPC {Method} failed with {ExceptionType}; stack: {StackTrace}")]
    public static partial void Failed(ILogger logger, string method, string exceptionType, string stackTrace);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "RPC payload rejected with {Code}")]
    public static partial void PayloadRejected(ILogger logger, int code);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "RPC connection {ConnectionId} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, string connectionId, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "RPC authenticator failed with {ExceptionType}; the request is treated as unauthenticated")]
    public static partial void AuthenticatorFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "RPC subscription source {Kind} failed with {ExceptionType}")]
    public static partial void SubscriptionFailed(ILogger logger, string kind, string exceptionType);
}
