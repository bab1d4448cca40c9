using Nectar.Db;
using Nectar.Trie;

namespace Nectar.Chain.Persistence;

/// <summary>How a <see cref="ChainStore"/> writes and what it keeps in memory; validated when the store opens.</summary>
public sealed record ChainStoreOptions
{
    /// <summary>The default number of recent blocks kept decoded in memory.</summary>
    public const int DefaultRecentBlocks = 128;

    /// <summary>The default most transactions, over all recent blocks, kept decoded in memory.</summary>
    public const int DefaultRecentTransactions = 50_000;

    /// <summary>
    /// How durable a block is once <see cref="ChainStore.CommitBlock(Core.Blocks.Block, IReadOnlyList{Core.Receipts.Receipt}, IReadOnlyList{Core.Primitives.Address})"/> returns. The default,
    /// <see cref="WriteDurability.Buffered"/>, puts the block's batch in the write-ahead log in the operating system's
    /// page cache: it survives the process being killed at any point (a receipt served is never lost to a crash of the
    /// node), but not a power loss or kernel crash. <see cref="WriteDurability.Synced"/> fsyncs the log for every block,
    /// which survives power loss at the cost of one fsync per block.
    /// </summary>
    public WriteDurability Durability { get; init; } = WriteDurability.Buffered;

    /// <summary>
    /// How many of the latest blocks (with receipts and senders) are kept decoded in memory, so the reads that follow a
    /// new block (receipts, logs, the head block) do not decode it again. Zero disables the cache.
    /// </summary>
    public int RecentBlocks { get; init; } = DefaultRecentBlocks;

    /// <summary>
    /// The most transactions the recent blocks may hold together (about a kilobyte of memory each with its receipt);
    /// older blocks leave first, the newest block always stays.
    /// </summary>
    public int RecentTransactions { get; init; } = DefaultRecentTransactions;

    /// <summary>
    /// How many bytes of encoded trie nodes stay in memory for the state commits and trie reads (the head's upper
    /// levels and what the last blocks wrote); at least 64 KiB. Default 64 MiB.
    /// </summary>
    public long TrieNodeCacheBytes { get; init; } = TrieNodeCache.DefaultCapacityBytes;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Durability))
        {
            throw new ArgumentException($"Durability {Durability} is not a known durability.", nameof(Durability));
        }

        if (RecentBlocks < 0)
        {
            throw new ArgumentException($"RecentBlocks must be 0 or more, not {RecentBlocks}.", nameof(RecentBlocks));
        }

        if (TrieNodeCacheBytes < 64 * 1024)
        {
            throw new ArgumentException($"TrieNodeCacheBytes must be at least 65536, not {TrieNodeCacheBytes}.", nameof(TrieNodeCacheBytes));
        }

        if (RecentTransactions < 0)
        {
            throw new ArgumentException($"RecentTransactions must be 0 or more, not {RecentTransactions}.", nameof(RecentTransactions));
        }
    }
}
