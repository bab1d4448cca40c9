namespace Nectar.JsonRpc.Logs;

/// <summary>The log query method: <c>eth_getLogs</c>, answering only with logs the caller may see.</summary>
public interface ILogsRpcModule
{
    /// <summary>
    /// Returns the logs matching a filter, in chain order, that the caller may see; other logs are simply absent.
    /// </summary>
    /// <param name="context">The call context (supplied by the dispatcher).</param>
    /// <param name="filter">The filter: a block range or a block hash, addresses and topics.</param>
    /// <returns>The logs.</returns>
    [JsonRpcMethod("eth_getLogs", Description = "Returns the logs matching a filter that the caller may see.")]
    IReadOnlyList<LogObject> GetLogs(RpcCallContext context, LogFilterOptions filter);
}
