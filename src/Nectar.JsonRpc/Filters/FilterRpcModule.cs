using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nectar.Chain.Reading;
using Nectar.JsonRpc.Authentication;
using Nectar.JsonRpc.Json;
using Nectar.JsonRpc.Logs;
using Nectar.Privacy.Access;

namespace Nectar.JsonRpc.Filters;

/// <summary>
/// Installed filters over the chain's new heads. Each filter belongs to one session, expires after
/// <see cref="FilterOptions.Timeout"/> without a poll, and holds at most <see cref="FilterOptions.MaxPendingChanges"/>
/// unread changes. Log filters collect only logs their owner may see, and a poll checks them again against the
/// caller's current standing. Dispose to stop listening to the chain.
/// </summary>
public sealed partial class FilterRpcModule : IFilterRpcModule, IDisposable
{
    private const string NotFound = "filter not found";

    private readonly IChainReader _chain;
    private readonly IReadAuthorizer _authorizer;
    private readonly FilterOptions _options;
    private readonly LogQueryOptions _limits;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IRpcAuthenticator? _sessions;
    private readonly ChainEventPump _pump;
    private readonly ITimer? _sweep;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FilterEntry> _filters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perSession = new(StringComparer.Ordinal);
    private ulong _head;

    /// <summary>Creates the module and starts listening to the chain.</summary>
    /// <param name="chain">The stored chain (for <c>eth_getFilterLogs</c> and the starting head).</param>
    /// <param name="events">New heads and reverts.</param>
    /// <param name="authorizer">Read authorization.</param>
    /// <param name="options">Filter bounds; <see cref="FilterOptions.Default"/> when omitted.</param>
    /// <param name="limits">Bounds of <c>eth_getFilterLogs</c>; <see cref="LogQueryOptions.Default"/> when omitted.</param>
    /// <param name="timeProvider">The clock for expiry; the system clock when omitted.</param>
    /// <param name="sessions">When given, a session's filters are dropped as soon as the session ends.</param>
    /// <param name="loggerFactory">Logging; nothing is logged when omitted.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public FilterRpcModule(
        IChainReader chain,
        IChainEvents events,
        IReadAuthorizer authorizer,
        FilterOptions? options = null,
        LogQueryOptions? limits = null,
        TimeProvider? timeProvider = null,
        IRpcAuthenticator? sessions = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(authorizer);
        _options = options ?? FilterOptions.Default;
        _options.ThrowIfInvalid();
        _limits = limits ?? LogQueryOptions.Default;
        _limits.ThrowIfInvalid();
        _chain = chain;
        _authorizer = authorizer;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Nectar.JsonRpc.Filters");
        _head = chain.Head.Number;
        _pump = new ChainEventPump(events, nameof(FilterRpcModule), OnNewHead, OnReverted, _logger);
        if (_options.SweepInterval > TimeSpan.Zero)
        {
            _sweep = _time.CreateTimer(static state => ((FilterRpcModule)state!).Sweep(), this, _options.SweepInterval, _options.SweepInterval);
        }

        _sessions = sessions;
        if (sessions is not null)
        {
            sessions.SessionEnded += OnSessionEnded;
        }
    }

    /// <summary>How many filters are installed.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _filters.Count;
            }
        }
    }

    /// <summary>How many chain events have been applied to the filters.</summary>
    internal long ProcessedEvents => _pump.Processed;

    /// <inheritdoc />
    public string NewFilter(RpcCallContext context, LogFilterOptions filter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.BlockHash is not null)
        {
            throw new RpcException(RpcErrorCodes.InvalidParams, "invalid argument 0 (filter): blockHash is not supported by eth_newFilter; use eth_getLogs");
        }

        var principal = context.RequirePrincipal();
        return Install(principal, head => new FilterEntry(NewId(), FilterKind.Logs, principal.SessionId, principal.ToReadCaller(), _time.GetUtcNow(), head)
        {
            Options = filter,
            Matcher = filter.ToLogFilter(),
            FromBlock = Bound(filter.FromBlock, earliestIsZero: true),
            ToBlock = Bound(filter.ToBlock, earliestIsZero: true),
        });
    }

    /// <inheritdoc />
    public string NewBlockFilter(RpcCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.RequirePrincipal();
        return Install(principal, head => new FilterEntry(NewId(), FilterKind.Blocks, principal.SessionId, principal.ToReadCaller(), _time.GetUtcNow(), head));
    }

    /// <inheritdoc />
    public string NewPendingTransactionFilter(RpcCallContext context, bool? fullTransactions = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.RequirePrincipal();
        return Install(principal, head => new FilterEntry(NewId(), FilterKind.PendingTransactions, principal.SessionId, principal.ToReadCaller(), _time.GetUtcNow(), head));
    }

    /// <inheritdoc />
    public FilterChanges GetFilterChanges(RpcCallContext context, string filterId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.RequirePrincipal();
        var caller = principal.ToReadCaller();
        List<LogObject> logs;
        lock (_gate)
        {
            var entry = Touch(filterId, principal, caller);
            entry.DeliveredThrough = _head;
            switch (entry.Kind)
            {
                case FilterKind.Blocks:
                    var blocks = entry.Blocks;
                    entry.Blocks = [];
                    return FilterChanges.OfHashes([.. blocks.Select(b => b.Hash)]);
                case FilterKind.Logs:
                    logs = entry.Logs;
                    entry.Logs = [];
                    break;
                default:
                    return FilterChanges.None;
            }
        }

        // Collected for the caller as they were; checked again as they are now (a role may have been withdrawn).
        logs.RemoveAll(log => !_authorizer.CanSeeLog(caller, log.Sender, log.Recipient, log.Address));
        return FilterChanges.OfLogs(logs);
    }

    /// <inheritdoc />
    public IReadOnlyList<LogObject> GetFilterLogs(RpcCallContext context, string filterId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.RequirePrincipal();
        var caller = principal.ToReadCaller();
        FilterEntry entry;
        lock (_gate)
        {
            entry = Touch(filterId, principal, caller);
            if (entry.Kind != FilterKind.Logs)
            {
                throw new RpcException(NotFound);
            }
        }

        return LogQuery.Run(_chain, _authorizer, _limits, entry.Options!, entry.Matcher!, caller, context.CancellationToken);
    }

    /// <inheritdoc />
    public bool UninstallFilter(RpcCallContext context, string filterId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.RequirePrincipal();
        lock (_gate)
        {
            if (filterId is null || !_filters.TryGetValue(filterId, out var entry) || entry.SessionId != principal.SessionId)
            {
                return false;
            }

            Remove(entry);
            return true;
        }
    }

    /// <summary>Stops listening to the chain and to session ends, and drops every filter.</summary>
    public void Dispose()
    {
        _pump.Dispose();
        _sweep?.Dispose();
        if (_sessions is not null)
        {
            _sessions.SessionEnded -= OnSessionEnded;
        }

        lock (_gate)
        {
            _filters.Clear();
            _perSession.Clear();
        }
    }

    /// <summary>Uninstalls every filter not polled within the timeout.</summary>
    /// <returns>How many were uninstalled.</returns>
    internal int Sweep()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var expired = _filters.Values.Where(f => IsExpired(f, now)).ToList();
            foreach (var entry in expired)
            {
                Remove(entry);
            }

            return expired.Count;
        }
    }

    private static string NewId() => "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A filter's bound on new blocks: a number bounds, a tag does not (new blocks are always the latest).</summary>
    private static ulong? Bound(BlockParameter? parameter, bool earliestIsZero) => parameter?.Kind switch
    {
        BlockParameterKind.Number => parameter.Value.Number,
        BlockParameterKind.Earliest when earliestIsZero => 0,
        _ => null,
    };

    private string Install(RpcPrincipal principal, Func<ulong, FilterEntry> create)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _perSession.TryGetValue(principal.SessionId, out var owned);
            if (owned >= _options.MaxFiltersPerSession)
            {
                RemoveExpired(now);
                _perSession.TryGetValue(principal.SessionId, out owned);
                if (owned >= _options.MaxFiltersPerSession)
                {
                    throw RpcException.LimitExceeded($"too many filters: at most {_options.MaxFiltersPerSession} per session");
                }
            }

            if (_filters.Count >= _options.MaxFilters)
            {
                RemoveExpired(now);
                if (_filters.Count >= _options.MaxFilters)
                {
                    throw RpcException.LimitExceeded("too many filters installed on this node; try again later");
                }
            }

            var entry = create(_head);
            _filters.Add(entry.Id, entry);
            _perSession[principal.SessionId] = owned + 1;
            return entry.Id;
        }
    }

    /// <summary>Finds the caller's filter, refreshing its expiry; another session's filter is not found. Holds the lock.</summary>
    private FilterEntry Touch(string filterId, RpcPrincipal principal, ReadCaller caller)
    {
        var now = _time.GetUtcNow();
        if (filterId is null || !_filters.TryGetValue(filterId, out var entry) || entry.SessionId != principal.SessionId)
        {
            throw new RpcException(NotFound);
        }

        if (IsExpired(entry, now))
        {
            Remove(entry);
            throw new RpcException(NotFound);
        }

        entry.LastUsed = now;
        entry.Caller = caller;
        return entry;
    }

    private bool IsExpired(FilterEntry entry, DateTimeOffset now) => now - entry.LastUsed >= _options.Timeout;

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var entry in _filters.Values.Where(f => IsExpired(f, now)).ToList())
        {
            Remove(entry);
        }
    }

    /// <summary>Uninstalls a filter; holds the lock.</summary>
    private void Remove(FilterEntry entry)
    {
        if (!_filters.Remove(entry.Id))
        {
            return;
        }

        if (_perSession.TryGetValue(entry.SessionId, out var owned) && owned > 1)
        {
            _perSession[entry.SessionId] = owned - 1;
        }
        else
        {
            _perSession.Remove(entry.SessionId);
        }
    }

    private void OnSessionEnded(object? sender, RpcSessionEndedEventArgs e)
    {
        lock (_gate)
        {
            foreach (var entry in _filters.Values.Where(f => f.SessionId == e.SessionId).ToList())
            {
                Remove(entry);
            }
        }
    }
}
