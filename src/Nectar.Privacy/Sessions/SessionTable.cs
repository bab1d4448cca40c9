using Nectar.Core.Primitives;

namespace Nectar.Privacy.Sessions;

/// <summary>
/// The live sessions, indexed by token key, id, account and age, plus a bounded memory of recently ended ones
/// so a returning token is answered "expired" or "revoked" rather than "unknown". Not thread-safe: the service
/// holds its lock around every call. Whatever ends here is appended to the caller's list, to be announced once
/// the lock is released.
/// </summary>
internal sealed class SessionTable
{
    private readonly Dictionary<ulong, SessionEntry> _byKey = [];
    private readonly Dictionary<string, SessionEntry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<Address, List<SessionEntry>> _byAccount = [];
    private readonly LinkedList<SessionEntry> _byAge = new();
    private readonly Dictionary<ulong, Tombstone> _ended = [];
    private readonly Queue<Tombstone> _endedOrder = new();
    private readonly int _maxPerAccount;
    private readonly int _maxTotal;
    private readonly TimeSpan _idleTimeout;
    private readonly TokenHashComparer _hashEquals;

    public SessionTable(int maxPerAccount, int maxTotal, TimeSpan idleTimeout, TokenHashComparer hashEquals)
    {
        _maxPerAccount = maxPerAccount;
        _maxTotal = maxTotal;
        _idleTimeout = idleTimeout;
        _hashEquals = hashEquals;
    }

    public int Count => _byKey.Count;

    /// <summary>The comparison every token lookup goes through.</summary>
    public TokenHashComparer HashComparer => _hashEquals;

    /// <summary>Whether a live session already uses this token key (a 64-bit prefix collision: draw another token).</summary>
    public bool IsKeyTaken(ulong key) => _byKey.ContainsKey(key);

    /// <summary>The live session whose token hashes to <paramref name="hash"/>, compared in constant time.</summary>
    public SessionEntry? Find(ReadOnlySpan<byte> hash) =>
        _byKey.TryGetValue(SessionToken.KeyOf(hash), out var entry) && _hashEquals(entry.TokenHash, hash) ? entry : null;

    /// <summary>Why the session of a token ended, if it ended recently enough to be remembered.</summary>
    public SessionEndReason? FindEnded(ReadOnlySpan<byte> hash) =>
        _ended.TryGetValue(SessionToken.KeyOf(hash), out var stone) && _hashEquals(stone.TokenHash, hash) ? stone.Reason : null;

    public SessionEntry? FindById(SessionId id) => _byId.GetValueOrDefault(id.Value);

    /// <summary>The account's live sessions, oldest first (a copy).</summary>
    public SessionEntry[] OfAccount(Address account) => _byAccount.TryGetValue(account, out var list) ? [.. list] : [];

    /// <summary>Adds a session, first ending what the limits require: the account's oldest, then the oldest of all.</summary>
    public void Add(SessionEntry entry, DateTimeOffset now, List<EndedSession> ended)
    {
        if (_byAccount.TryGetValue(entry.Account, out var sessions))
        {
            while (sessions.Count >= _maxPerAccount)
            {
                Remove(sessions[0], SessionEndReason.EvictedAccountLimit, now, ended);
            }
        }

        if (_byKey.Count >= _maxTotal)
        {
            // Expired sessions make room before anyone active is pushed out.
            CollectExpired(now, ended);
            while (_byKey.Count >= _maxTotal)
            {
                Remove(_byAge.First!.Value, SessionEndReason.EvictedCapacity, now, ended);
            }
        }

        // Removals drop an account's list when it empties, so look it up again.
        if (!_byAccount.TryGetValue(entry.Account, out sessions))
        {
            sessions = [];
            _byAccount.Add(entry.Account, sessions);
        }

        _byKey.Add(entry.TokenKey, entry);
        _byId.Add(entry.Id.Value, entry);
        sessions.Add(entry);
        entry.AgeNode = _byAge.AddLast(entry);
    }

    /// <summary>Ends one live session for the given reason and remembers how it ended.</summary>
    public void Remove(SessionEntry entry, SessionEndReason reason, DateTimeOffset now, List<EndedSession> ended)
    {
        if (Detach(entry))
        {
            Remember(entry, reason);
            ended.Add(new EndedSession(entry.Id, entry.Account, reason, now));
        }
    }

    /// <summary>
    /// Takes back a session nobody has seen yet (its start could not be audited): no memory, no announcement.
    /// </summary>
    public void Withdraw(SessionEntry entry) => Detach(entry);

    private bool Detach(SessionEntry entry)
    {
        if (!_byKey.TryGetValue(entry.TokenKey, out var current) || !ReferenceEquals(current, entry))
        {
            return false;
        }

        _byKey.Remove(entry.TokenKey);

        _byId.Remove(entry.Id.Value);
        if (_byAccount.TryGetValue(entry.Account, out var sessions))
        {
            sessions.Remove(entry);
            if (sessions.Count == 0)
            {
                _byAccount.Remove(entry.Account);
            }
        }

        if (entry.AgeNode is { } node)
        {
            _byAge.Remove(node);
            entry.AgeNode = null;
        }

        return true;
    }

    /// <summary>Ends every session whose idle or absolute deadline has passed.</summary>
    public void CollectExpired(DateTimeOffset now, List<EndedSession> ended)
    {
        var node = _byAge.First;
        while (node is not null)
        {
            var next = node.Next;
            if (node.Value.ExpiryAt(now, _idleTimeout) is { } reason)
            {
                Remove(node.Value, reason, now, ended);
            }

            node = next;
        }

        ForgetEnded(now);
    }

    /// <summary>Forgets ended sessions whose absolute deadline has passed: their tokens are then simply unknown.</summary>
    public void ForgetEnded(DateTimeOffset now)
    {
        while (_endedOrder.TryPeek(out var oldest) && now >= oldest.ForgetAt)
        {
            _endedOrder.Dequeue();
            if (_ended.TryGetValue(oldest.Key, out var current) && ReferenceEquals(current, oldest))
            {
                _ended.Remove(oldest.Key);
            }
        }
    }

    private void Remember(SessionEntry entry, SessionEndReason reason)
    {
        var stone = new Tombstone(entry.TokenKey, entry.TokenHash, reason, entry.AbsoluteExpiresAt);
        _ended[entry.TokenKey] = stone;
        _endedOrder.Enqueue(stone);

        // Bounded like the live table; the oldest memories go first.
        while (_endedOrder.Count > _maxTotal)
        {
            var oldest = _endedOrder.Dequeue();
            if (_ended.TryGetValue(oldest.Key, out var current) && ReferenceEquals(current, oldest))
            {
                _ended.Remove(oldest.Key);
            }
        }
    }

    private sealed record Tombstone(ulong Key, byte[] TokenHash, SessionEndReason Reason, DateTimeOffset ForgetAt);
}
