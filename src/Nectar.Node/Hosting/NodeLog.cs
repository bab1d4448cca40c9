using Microsoft.Extensions.Logging;

namespace Nectar.Node.Hosting;

/// <summary>The node's own log events: start, readiness, stop. Numbers, hashes and URLs only.</summary>
internal static partial class NodeLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Opened the chain {ChainName} (chain id {ChainId}) at block {HeadNumber} {HeadHash} in {Database}")]
    public static partial void ChainOpened(ILogger logger, string chainName, ulong chainId, ulong headNumber, string headHash, string database);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Node ready: JSON-RPC at {RpcUrl} and {WsUrl}, sign-in domain {Domain}, started in {StartupMilliseconds} ms")]
    public static partial void Ready(ILogger logger, string rpcUrl, string wsUrl, string domain, long startupMilliseconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Stopping: no new requests, finishing the block in progress")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Stopped at block {HeadNumber} {HeadHash}; database flushed and closed")]
    public static partial void Stopped(ILogger logger, ulong headNumber, string headHash);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Port {Port} was taken before the RPC endpoint could bind it; trying another")]
    public static partial void PortTaken(ILogger logger, int port);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Development mode: evm_* methods are enabled and sign-in accepts plain http. Never use it on a production network")]
    public static partial void DevMode(ILogger logger);
}
