using Microsoft.Extensions.Logging;

namespace Nectar.Chain.Sequencing;

/// <summary>
/// The sequencer's log messages. They carry block numbers, counts, hashes and exception types only: never a
/// transaction's content, an address or a key, since the network's transactions carry protected information.
/// </summary>
internal static partial class SequencerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Block {Number} sealed: {Transactions} transactions, {GasUsed} gas, {Skipped} skipped, {Milliseconds:F1} ms.")]
    public static partial void BlockSealed(ILogger logger, ulong number, int transactions, ulong gasUsed, int skipped, double milliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Building block {Number} failed ({ExceptionType}); transaction {TransactionHash} is dropped from the pool.")]
    public static partial void TransactionDropped(ILogger logger, ulong number, string exceptionType, string transactionHash);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Building block {Number} failed ({ExceptionType}) with no transaction to blame; the sequencer waits for the next transaction or heartbeat.")]
    public static partial void BuildFailed(ILogger logger, ulong number, string exceptionType);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Storing block {Number} failed ({ExceptionType}); its transactions stay pooled and the head is unchanged.")]
    public static partial void StoreFailed(ILogger logger, ulong number, string exceptionType);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "A {Event} handler threw {ExceptionType}; handlers must not throw.")]
    public static partial void HandlerFailed(ILogger logger, string @event, string exceptionType);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Chain reverted from block {From} to block {To}.")]
    public static partial void Reverted(ILogger logger, ulong from, ulong to);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Producing a block failed after it was built ({ExceptionType}); the sequencer waits for the next transaction or heartbeat.")]
    public static partial void ProductionFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Block {Number} is stored but the pool could not move to it ({ExceptionType}); the next block re-checks the pool.")]
    public static partial void PoolUpdateFailed(ILogger logger, ulong number, string exceptionType);

    [LoggerMessage(EventId = 7, Level = LogLevel.Critical, Message = "The sequencer loop stopped on an unexpected {ExceptionType}.")]
    public static partial void LoopFailed(ILogger logger, Exception exception, string exceptionType);
}
