using Nectar.Core.Primitives;
using Nectar.Core.Receipts;

namespace Nectar.JsonRpc.Logs;

/// <summary>
/// Compiled address and topic criteria: <see cref="MayMatch"/> tests a block's logs bloom (each address and topic's
/// three bits are computed once, here), <see cref="Matches"/> tests one log exactly. Immutable and thread-safe.
/// </summary>
public sealed class LogFilter
{
    private readonly HashSet<Address>? _addresses;
    private readonly Bloom[] _addressBlooms;
    private readonly HashSet<Hash256>?[] _topics;
    private readonly Bloom[]?[] _topicBlooms;

    /// <summary>Compiles criteria.</summary>
    /// <param name="addresses">The emitting contracts accepted; empty accepts every contract.</param>
    /// <param name="topics">Per position, the topics accepted there; <see langword="null"/> (or empty) accepts any.</param>
    public LogFilter(IReadOnlyList<Address> addresses, IReadOnlyList<IReadOnlyList<Hash256>?> topics)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(topics);
        _addresses = addresses.Count == 0 ? null : [.. addresses];
        _addressBlooms = _addresses is null ? [] : [.. _addresses.Select(BloomOf)];
        _topics = new HashSet<Hash256>?[topics.Count];
        _topicBlooms = new Bloom[]?[topics.Count];
        for (var i = 0; i < topics.Count; i++)
        {
            if (topics[i] is { Count: > 0 } alternatives)
            {
                _topics[i] = [.. alternatives];
                _topicBlooms[i] = [.. _topics[i]!.Select(BloomOf)];
            }
        }
    }

    /// <summary>A filter accepting every log.</summary>
    public static LogFilter Any { get; } = new([], []);

    /// <summary>
    /// Whether a block with this logs bloom may hold a matching log: some accepted address and, per constrained
    /// position, some accepted topic are all in the bloom. False positives are possible, false negatives are not; an
    /// empty bloom (a block without logs) never matches.
    /// </summary>
    /// <param name="bloom">The block's (or receipt's) logs bloom.</param>
    /// <returns><see langword="false"/> when the block certainly holds no matching log.</returns>
    public bool MayMatch(in Bloom bloom)
    {
        if (bloom.IsEmpty)
        {
            return false;
        }

        if (_addressBlooms.Length > 0 && !AnyIn(bloom, _addressBlooms))
        {
            return false;
        }

        foreach (var position in _topicBlooms)
        {
            if (position is not null && !AnyIn(bloom, position))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a log satisfies the criteria exactly.</summary>
    /// <param name="log">The log.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool Matches(LogEntry log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (_addresses is not null && !_addresses.Contains(log.Address))
        {
            return false;
        }

        var topics = log.Topics;
        if (_topics.Length > topics.Length)
        {
            return false;
        }

        for (var i = 0; i < _topics.Length; i++)
        {
            if (_topics[i] is { } accepted && !accepted.Contains(topics[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyIn(in Bloom bloom, Bloom[] items)
    {
        foreach (ref readonly var item in items.AsSpan())
        {
            if (bloom.Matches(item))
            {
                return true;
            }
        }

        return false;
    }

    private static Bloom BloomOf(Address address)
    {
        var bloom = default(Bloom);
        bloom.Add(address);
        return bloom;
    }

    private static Bloom BloomOf(Hash256 topic)
    {
        var bloom = default(Bloom);
        bloom.Add(topic);
        return bloom;
    }
}
