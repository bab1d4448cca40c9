using Nectar.Core.Primitives;
using Nectar.JsonRpc.Logs;
using Nectar.Privacy.Access;

namespace Nectar.JsonRpc.Filters;

/// <summary>One installed filter and its unread changes; guarded by the module's lock.</summary>
internal sealed class FilterEntry
{
    public FilterEntry(string id, FilterKind kind, string sessionId, ReadCaller caller, DateTimeOffset now, ulong head)
    {
        Id = id;
        Kind = kind;
        SessionId = sessionId;
        Caller = caller;
        LastUsed = now;
        InstalledAt = head;
        DeliveredThrough = head;
    }

    public string Id { get; }

    public FilterKind Kind { get; }

    /// <summary>The owning session: the filter is invisible to every other session.</summary>
    public string SessionId { get; }

    /// <summary>The caller as last seen (roles may change between polls); new logs are matched for them.</summary>
    public ReadCaller Caller { get; set; }

    public DateTimeOffset LastUsed { get; set; }

    /// <summary>The head when the filter was installed: logs of blocks up to it were never delivered.</summary>
    public ulong InstalledAt { get; set; }

    /// <summary>The head when the filter was last polled: logs up to it may have been delivered.</summary>
    public ulong DeliveredThrough { get; set; }

    /// <summary>The criteria as sent, for <c>eth_getFilterLogs</c>; log filters only.</summary>
    public LogFilterOptions? Options { get; init; }

    /// <summary>The compiled criteria; log filters only.</summary>
    public LogFilter? Matcher { get; init; }

    /// <summary>The lowest block number whose new logs count; <see langword="null"/> for no bound.</summary>
    public ulong? FromBlock { get; init; }

    /// <summary>The highest block number whose new logs count; <see langword="null"/> for no bound.</summary>
    public ulong? ToBlock { get; init; }

    public List<LogObject> Logs { get; set; } = [];

    public List<(ulong Number, Hash256 Hash)> Blocks { get; set; } = [];

    public int PendingCount => Kind == FilterKind.Logs ? Logs.Count : Blocks.Count;

    public bool Accepts(ulong blockNumber) =>
        (FromBlock is not { } from || blockNumber >= from) && (ToBlock is not { } to || blockNumber <= to);
}
