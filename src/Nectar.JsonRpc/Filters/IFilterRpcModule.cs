using Nectar.JsonRpc.Logs;

namespace Nectar.JsonRpc.Filters;

/// <summary>
/// Polling filters: install one, poll its changes, uninstall it. Every filter belongs to the session that installed it;
/// another session gets the same "filter not found" as for an id that never existed.
/// </summary>
public interface IFilterRpcModule
{
    /// <summary>Installs a filter for new logs matching the criteria and returns its id.</summary>
    /// <param name="context">The call context (supplied by the dispatcher).</param>
    /// <param name="filter">The criteria; <c>fromBlock</c>/<c>toBlock</c> numbers bound which new blocks count.</param>
    /// <returns>The filter id.</returns>
    [JsonRpcMethod("eth_newFilter", Description = "Installs a filter for new logs matching the criteria.")]
    string NewFilter(RpcCallContext context, LogFilterOptions filter);

    /// <summary>Installs a filter for the hashes of new blocks and returns its id.</summary>
    /// <param name="context">The call context (supplied by the dispatcher).</param>
    /// <returns>The filter id.</returns>
    [JsonRpcMethod("eth_newBlockFilter", Description = "Installs a filter for the hashes of new blocks.")]
    string NewBlockFilter(RpcCallContext context);

    /// <summary>
    /// Installs a filter for pending transactions; its changes are always empty, because other accounts' pending
    /// transactions are not the caller's to see.
    /// </summary>
    /// <param name="context">The call context (supplied by the dispatcher).</param>
    /// <param name="fullTransactions">geth's flag for full transaction objects; accepted and ignored.</param>
    /// <returns>The filter id.</returns>
    [JsonRpcMethod("eth_newPendingTransactionFilter", Description = "Installs a pending-transaction filter (its changes are always empty).")]
    string NewPendingTransactionFilter(RpcCallContext context, bool? fullTransactions = null);

    /// <summary>Returns what the filter collected since the last poll and empties it.</summary>
    /// <param name="context">The call context (supplied by the dispatcher).</param>
    /// <param name="filterId">The filter id.</param>
    /// <returns>Block hashes, or logs.</returns>
    [JsonRpcMethod("eth_getFilterChanges", Description = "Returns what a filter collected since the last poll.")]
    FilterChanges GetFilterChanges(RpcCallContext context, string filterId);

    /// <summary>Runs a log filter's criteria over the stored chain, as <c>eth_getLogs</c> does.</summary>
    /// <param name="context">The call context (supplied by the dispatcher).</param>
    /// <param name="filterId">The id of a log filter.</param>
    /// <returns>The logs the caller may see.</returns>
    [JsonRpcMethod("eth_getFilterLogs", Description = "Returns every log matching a log filter's criteria.")]
    IReadOnlyList<LogObject> GetFilterLogs(RpcCallContext context, string filterId);

    /// <summary>Uninstalls a filter.</summary>
    /// <param name="context">The call context (supplied by the dispatcher).</param>
    /// <param name="filterId">The filter id.</param>
    /// <returns>Whether a filter of the caller's session was uninstalled.</returns>
    [JsonRpcMethod("eth_uninstallFilter", Description = "Uninstalls a filter.")]
    bool UninstallFilter(RpcCallContext context, string filterId);
}
