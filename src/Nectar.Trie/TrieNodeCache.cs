using System.Collections.Concurrent;
using Nectar.Core.Primitives;

namespace Nectar.Trie;

/// <summary>
/// Encoded trie nodes by hash, in memory, shared by every trie opened over one node store: the nodes a commit writes
/// and the nodes reads load. A node's encoding is fixed by its hash, so an entry is never stale, whichever root a
/// trie was opened at and whether or not its batch was written; the cache only saves the store's lookups.
/// </summary>
/// <remarks>
/// <para>
/// The head's tries are read and rewritten block after block along the same upper levels, and a block's new nodes are
/// what the next block loads again: without a cache every storage slot a block changes costs a store lookup per level.
/// </para>
/// <para>
/// Eviction is generational: entries go into a young generation; when it reaches half the capacity it becomes the
/// old one and the previous old generation is dropped. A hit in the old generation moves the entry to the young
/// one, so what stays in use stays cached, at most the capacity is held, and no lookup takes a lock. Thread-safe.
/// </para>
/// </remarks>
public sealed class TrieNodeCache
{
    /// <summary>The default capacity: 64 MiB of encoded nodes (bookkeeping included), a few hundred thousand nodes.</summary>
    public const long DefaultCapacityBytes = 64L * 1024 * 1024;

    // A dictionary entry, the hash key and the array header, beside the encoding itself.
    private const int EntryOverhead = 96;

    private readonly Lock _rotation = new();
    private readonly long _generationBytes;
    private ConcurrentDictionary<Hash256, byte[]> _young = new();
    private ConcurrentDictionary<Hash256, byte[]> _old = new();
    private long _youngBytes;
    private long _hits;
    private long _misses;

    /// <summary>Creates a cache that holds up to <paramref name="capacityBytes"/> of encoded nodes.</summary>
    /// <param name="capacityBytes">The capacity in bytes; at least 64 KiB.</param>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is below 64 KiB.</exception>
    public TrieNodeCache(long capacityBytes = DefaultCapacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityBytes, 64L * 1024);
        CapacityBytes = capacityBytes;
        _generationBytes = capacityBytes / 2;
    }

    /// <summary>The most bytes the cache holds.</summary>
    public long CapacityBytes { get; }

    /// <summary>Lookups answered from memory since the cache was made.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that went to the store since the cache was made.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Looks a node up by hash.</summary>
    /// <param name="hash">The node's hash.</param>
    /// <param name="encoding">The node's RLP when found; never modify it.</param>
    /// <returns><see langword="true"/> when the node is cached.</returns>
    public bool TryGet(in Hash256 hash, out byte[] encoding)
    {
        if (Volatile.Read(ref _young).TryGetValue(hash, out encoding!))
        {
            Interlocked.Increment(ref _hits);
            return true;
        }

        if (Volatile.Read(ref _old).TryGetValue(hash, out encoding!))
        {
            Interlocked.Increment(ref _hits);
            Add(hash, encoding);
            return true;
        }

        Interlocked.Increment(ref _misses);
        return false;
    }

    /// <summary>Caches a node's encoding, which the cache keeps (the caller must not change it afterwards).</summary>
    /// <param name="hash">The node's hash.</param>
    /// <param name="encoding">The node's RLP.</param>
    public void Add(in Hash256 hash, byte[] encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        var young = Volatile.Read(ref _young);
        if (!young.TryAdd(hash, encoding))
        {
            return;
        }

        if (Interlocked.Add(ref _youngBytes, encoding.Length + EntryOverhead) >= _generationBytes)
        {
            Rotate(young);
        }
    }

    /// <summary>Caches a copy of a node's encoding.</summary>
    /// <param name="hash">The node's hash.</param>
    /// <param name="encoding">The node's RLP.</param>
    public void Add(in Hash256 hash, ReadOnlySpan<byte> encoding)
    {
        if (!Volatile.Read(ref _young).ContainsKey(hash))
        {
            Add(hash, encoding.ToArray());
        }
    }

    /// <summary>Drops every entry (the counters stay).</summary>
    public void Clear()
    {
        lock (_rotation)
        {
            Volatile.Write(ref _old, new ConcurrentDictionary<Hash256, byte[]>());
            Volatile.Write(ref _young, new ConcurrentDictionary<Hash256, byte[]>());
            Interlocked.Exchange(ref _youngBytes, 0);
        }
    }

    private void Rotate(ConcurrentDictionary<Hash256, byte[]> full)
    {
        lock (_rotation)
        {
            // Another thread may have rotated already: only the generation that filled up moves.
            if (!ReferenceEquals(_young, full))
            {
                return;
            }

            Volatile.Write(ref _old, full);
            Volatile.Write(ref _young, new ConcurrentDictionary<Hash256, byte[]>());
            Interlocked.Exchange(ref _youngBytes, 0);
        }
    }
}
