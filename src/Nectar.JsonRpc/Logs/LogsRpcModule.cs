using Nectar.Chain.Reading;
using Nectar.Privacy.Access;

namespace Nectar.JsonRpc.Logs;

/// <summary>
/// <c>eth_getLogs</c> over the stored chain: blocks are skipped by their bloom before their receipts are read, each
/// matching log is shown only when read authorization lets the caller see it, and the block range and result count
/// are bounded by <see cref="LogQueryOptions"/> (the count is over visible logs, so the limit reveals nothing about
/// hidden ones). Register <see cref="LogsJsonContext"/> beside it.
/// </summary>
public sealed class LogsRpcModule : ILogsRpcModule
{
    private readonly IChainReader _chain;
    private readonly IReadAuthorizer _authorizer;
    private readonly LogQueryOptions _limits;

    /// <summary>Creates the module.</summary>
    /// <param name="chain">The stored chain.</param>
    /// <param name="authorizer">Read authorization.</param>
    /// <param name="limits">Query bounds; <see cref="LogQueryOptions.Default"/> when omitted.</param>
    /// <exception cref="ArgumentException">The limits are invalid.</exception>
    public LogsRpcModule(IChainReader chain, IReadAuthorizer authorizer, LogQueryOptions? limits = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(authorizer);
        _limits = limits ?? LogQueryOptions.Default;
        _limits.ThrowIfInvalid();
        _chain = chain;
        _authorizer = authorizer;
    }

    /// <inheritdoc />
    public IReadOnlyList<LogObject> GetLogs(RpcCallContext context, LogFilterOptions filter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(filter);
        var caller = context.RequirePrincipal().ToReadCaller();
        return LogQuery.Run(_chain, _authorizer, _limits, filter, filter.ToLogFilter(), caller, context.CancellationToken);
    }
}
