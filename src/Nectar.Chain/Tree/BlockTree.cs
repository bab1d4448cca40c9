using System.Collections.Immutable;
using Nectar.Chain.Execution;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;

namespace Nectar.Chain.Tree;

/// <summary>
/// Every known valid block (with its receipts) by hash, linked to its parent, and the canonical chain from genesis
/// to the head by number. Kept in memory; a node persists blocks beside it.
/// </summary>
/// <remarks>Thread-safe: readers (RPC, BLOCKHASH) may look blocks up while a block is added.</remarks>
public sealed class BlockTree : IHeaderSource
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Hash256, Entry> _blocks = [];
    private readonly List<Entry> _canonical = [];

    /// <summary>Creates a tree holding only the genesis block, which is its head.</summary>
    /// <param name="genesis">The genesis block.</param>
    public BlockTree(Block genesis)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        var entry = new Entry(genesis, []);
        _blocks.Add(genesis.Hash, entry);
        _canonical.Add(entry);
        Genesis = genesis;
    }

    /// <summary>The genesis block.</summary>
    public Block Genesis { get; }

    /// <summary>The head of the canonical chain.</summary>
    public Block Head
    {
        get
        {
            lock (_gate)
            {
                return _canonical[^1].Block;
            }
        }
    }

    /// <summary>How many blocks the tree holds, side branches included.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _blocks.Count;
            }
        }
    }

    /// <summary>Whether a block is known.</summary>
    /// <param name="hash">The block hash.</param>
    /// <returns><see langword="true"/> when the tree holds it.</returns>
    public bool Contains(in Hash256 hash)
    {
        lock (_gate)
        {
            return _blocks.ContainsKey(hash);
        }
    }

    /// <summary>Finds a block.</summary>
    /// <param name="hash">The block hash.</param>
    /// <returns>The block, or <see langword="null"/>.</returns>
    public Block? FindBlock(in Hash256 hash)
    {
        lock (_gate)
        {
            return _blocks.TryGetValue(hash, out var entry) ? entry.Block : null;
        }
    }

    /// <inheritdoc />
    public BlockHeader? FindHeader(in Hash256 hash) => FindBlock(hash)?.Header;

    /// <summary>Finds a block's receipts.</summary>
    /// <param name="hash">The block hash.</param>
    /// <returns>The receipts, or <see langword="null"/> for an unknown block.</returns>
    public ImmutableArray<Receipt>? FindReceipts(in Hash256 hash)
    {
        lock (_gate)
        {
            return _blocks.TryGetValue(hash, out var entry) ? entry.Receipts : null;
        }
    }

    /// <summary>Finds the canonical block with a number.</summary>
    /// <param name="number">The block number.</param>
    /// <returns>The block, or <see langword="null"/> when the canonical chain is shorter.</returns>
    public Block? FindCanonicalBlock(ulong number)
    {
        lock (_gate)
        {
            var index = number - Genesis.Number;
            return number >= Genesis.Number && index < (ulong)_canonical.Count ? _canonical[(int)index].Block : null;
        }
    }

    /// <summary>Whether a block is on the canonical chain.</summary>
    /// <param name="hash">The block hash.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public bool IsCanonical(in Hash256 hash)
    {
        lock (_gate)
        {
            return _blocks.TryGetValue(hash, out var entry) && IsCanonicalUnlocked(entry);
        }
    }

    /// <summary>Adds a validated block whose parent the tree holds; it does not become the head.</summary>
    /// <param name="block">The block.</param>
    /// <param name="receipts">Its receipts.</param>
    /// <exception cref="ArgumentException">The parent is unknown, or the block is already known.</exception>
    public void Add(Block block, ImmutableArray<Receipt> receipts)
    {
        ArgumentNullException.ThrowIfNull(block);
        lock (_gate)
        {
            if (!_blocks.TryGetValue(block.Header.ParentHash, out var parent) || parent.Block.Number + 1 != block.Number)
            {
                throw new ArgumentException($"The parent of {block} is not in the tree.", nameof(block));
            }

            if (!_blocks.TryAdd(block.Hash, new Entry(block, receipts.IsDefault ? [] : receipts)))
            {
                throw new ArgumentException($"{block} is already in the tree.", nameof(block));
            }
        }
    }

    /// <summary>Makes a known block the head: the canonical chain becomes the path from genesis to it.</summary>
    /// <param name="hash">The new head's hash.</param>
    /// <exception cref="ArgumentException">The block is unknown.</exception>
    public void SetHead(in Hash256 hash)
    {
        lock (_gate)
        {
            if (!_blocks.TryGetValue(hash, out var entry))
            {
                throw new ArgumentException($"Block {hash} is not in the tree.", nameof(hash));
            }

            // Walk back until the path meets the current canonical chain, then replace what follows.
            var path = new Stack<Entry>();
            while (!IsCanonicalUnlocked(entry))
            {
                path.Push(entry);
                entry = _blocks[entry.Block.Header.ParentHash];
            }

            _canonical.RemoveRange((int)(entry.Block.Number - Genesis.Number) + 1, _canonical.Count - (int)(entry.Block.Number - Genesis.Number) - 1);
            _canonical.AddRange(path);
        }
    }

    /// <summary>The nearest block both given blocks descend from (or are).</summary>
    /// <param name="first">A known block.</param>
    /// <param name="second">Another known block.</param>
    /// <returns>The common ancestor.</returns>
    public Block FindCommonAncestor(Block first, Block second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        lock (_gate)
        {
            var a = first;
            var b = second;
            while (a.Number > b.Number)
            {
                a = _blocks[a.Header.ParentHash].Block;
            }

            while (b.Number > a.Number)
            {
                b = _blocks[b.Header.ParentHash].Block;
            }

            while (a.Hash != b.Hash)
            {
                a = _blocks[a.Header.ParentHash].Block;
                b = _blocks[b.Header.ParentHash].Block;
            }

            return a;
        }
    }

    /// <summary>The blocks after <paramref name="ancestor"/> up to and including <paramref name="descendant"/>, oldest first.</summary>
    /// <param name="ancestor">A known block.</param>
    /// <param name="descendant">A known block descending from it.</param>
    /// <returns>The path; empty when both are the same block.</returns>
    public IReadOnlyList<Block> PathBetween(Block ancestor, Block descendant)
    {
        ArgumentNullException.ThrowIfNull(ancestor);
        ArgumentNullException.ThrowIfNull(descendant);
        lock (_gate)
        {
            var path = new List<Block>();
            for (var block = descendant; block.Hash != ancestor.Hash; block = _blocks[block.Header.ParentHash].Block)
            {
                if (block.Number <= ancestor.Number)
                {
                    throw new ArgumentException($"{descendant} does not descend from {ancestor}.", nameof(descendant));
                }

                path.Add(block);
            }

            path.Reverse();
            return path;
        }
    }

    private bool IsCanonicalUnlocked(Entry entry)
    {
        var index = entry.Block.Number - Genesis.Number;
        return index < (ulong)_canonical.Count && ReferenceEquals(_canonical[(int)index], entry);
    }

    private sealed record Entry(Block Block, ImmutableArray<Receipt> Receipts);
}
