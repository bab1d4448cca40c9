using Microsoft.Extensions.Logging;

namespace Nectar.JsonRpc.Logs;

/// <summary>Log lines of the chain-event consumers (filters, subscriptions): kinds and counts only, never chain data.</summary>
internal static partial class ChainEventLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Chain event consumer {Consumer} failed with {ExceptionType}; stack: {StackTrace}")]
    public static partial void ConsumerFailed(ILogger logger, string consumer, string exceptionType, string stackTrace);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Filter dropped: more than {Limit} unread changes")]
    public static partial void FilterOverflowed(ILogger logger, int limit);
}
