using System.Security.Cryptography;

namespace Nectar.Privacy.Sessions;

/// <summary>
/// The nonces this node issued: random, single use, expiring, and bounded in number. A used nonce is remembered
/// until it would have expired, so a replay is told apart from a guess in the audit trail. Thread-safe.
/// </summary>
internal sealed class NonceRegistry
{
    /// <summary>Letters and digits: the nonce alphabet of EIP-4361.</summary>
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>24 characters of 62 give about 143 bits, beyond guessing.</summary>
    private const int NonceLength = 24;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Issue order, which is expiry order because every nonce lives equally long; the front expires first.
    private readonly Queue<string> _order = new();
    private readonly TimeSpan _lifetime;
    private readonly int _capacity;

    public NonceRegistry(TimeSpan lifetime, int capacity)
    {
        _lifetime = lifetime;
        _capacity = capacity;
    }

    /// <summary>How many nonces are remembered (unused and used).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Issues a fresh nonce; when full, the oldest one is forgotten to make room.</summary>
    public SiweNonce Issue(DateTimeOffset now)
    {
        var value = RandomNumberGenerator.GetString(Alphabet, NonceLength);
        lock (_gate)
        {
            PurgeExpired(now);
            while (_entries.Count >= _capacity)
            {
                _entries.Remove(_order.Dequeue());
            }

            // A collision of 143 random bits does not happen; if it did, the existing entry must not be reset.
            if (!_entries.TryAdd(value, new Entry(now + _lifetime)))
            {
                throw new CryptographicException("The random generator repeated a nonce.");
            }

            _order.Enqueue(value);
        }

        return new SiweNonce(value, now, now + _lifetime);
    }

    /// <summary>Uses a nonce: the first use of a live nonce succeeds, every later one is a replay.</summary>
    public NonceCheck Consume(string nonce, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(nonce, out var entry))
            {
                return NonceCheck.Unknown;
            }

            if (entry.Used)
            {
                return NonceCheck.Replayed;
            }

            // Burn it either way: an expired nonce must not become usable again by a clock change.
            entry.Used = true;
            return now >= entry.ExpiresAt ? NonceCheck.Expired : NonceCheck.Valid;
        }
    }

    /// <summary>Forgets every nonce past its lifetime.</summary>
    public void Purge(DateTimeOffset now)
    {
        lock (_gate)
        {
            PurgeExpired(now);
        }
    }

    private void PurgeExpired(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && now >= _entries[oldest].ExpiresAt)
        {
            _entries.Remove(_order.Dequeue());
        }
    }

    private sealed class Entry(DateTimeOffset expiresAt)
    {
        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public bool Used { get; set; }
    }
}
