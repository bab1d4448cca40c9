using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Nectar.Chain.Admission;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Crypto.Signing;

namespace Nectar.Chain.TxPool;

/// <summary>
/// The sequencer's transaction pool: checks every submitted transaction (size, encoding, type, chain, signature,
/// stateless rules, block gas limit, admission of the sender, EIP-3607, nonce, balance, duplicates, replacement),
/// keeps per-sender nonce queues split into executable and future parts, bounds its size by evicting from sender
/// tails, and hands executable transactions to the block builder first come, first served.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe. Submissions do their stateless work, sender recovery, admission and state reads without the lock,
/// then take it briefly to insert; lookups by hash take no lock at all. The block builder's calls
/// (<see cref="TakeExecutable"/>, <see cref="ReportInvalid"/>, <see cref="OnNewHead"/>) are expected from one
/// sequencer thread but are safe from any.
/// </para>
/// <para>
/// Bounded: at most <see cref="TxPoolOptions.Capacity"/> transactions and <see cref="TxPoolOptions.MaxPoolBytes"/>
/// encoded bytes, at most <see cref="TxPoolOptions.MaxTransactionsPerSender"/> per sender, each at most
/// <see cref="TxPoolOptions.MaxTransactionSize"/> bytes. Every index is sized from these limits up front.
/// </para>
/// </remarks>
[SkipLocalsInit]
public sealed partial class TransactionPool
{
    /// <summary>Emptied sender queues kept for reuse, so that senders coming and going do not allocate.</summary>
    private const int MaxSpareQueues = 1024;

    private readonly TxPoolOptions _options;
    private readonly TransactionSigner _signer;
    private readonly IPoolStateReader _state;
    private readonly ITransactionAdmission _admission;

    private readonly Lock _sync = new();

    // Written only under _sync; a concurrent dictionary so that lookups by hash need no lock.
    private readonly ConcurrentDictionary<Hash256, PooledTransaction> _byHash;
    private readonly Dictionary<Address, SenderQueue> _senders;
    private readonly ExecutableQueue _executable = new();
    private readonly EvictionHeap _eviction;
    private readonly Stack<SenderQueue> _spareQueues = new();
    private readonly List<SenderQueue> _scratchQueues = [];

    private volatile HeadRules _rules;
    private long _generation;
    private long _sequence;
    private long _selection;
    private int _count;
    private long _bytes;
    private long _executableArrivals;
    private TaskCompletionSource? _executableWaiter;

    /// <summary>Creates an empty pool.</summary>
    /// <param name="options">Rules and limits; validated here.</param>
    /// <param name="signer">Recovers senders (over the native secp256k1 in the node).</param>
    /// <param name="state">Reads accounts at the current head.</param>
    /// <param name="admission">Decides whether a sender may transact.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public TransactionPool(TxPoolOptions options, TransactionSigner signer, IPoolStateReader state, ITransactionAdmission admission)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(admission);
        options.Validate();
        _options = options;
        _signer = signer;
        _state = state;
        _admission = admission;
        _rules = new HeadRules(options.Spec, options.BlockGasLimit);

        // Sized for a full pool so that filling it never rehashes; the hash index is written under one lock.
        var capacity = options.Capacity + 1;
        _byHash = new ConcurrentDictionary<Hash256, PooledTransaction>(concurrencyLevel: 1, capacity);
        _senders = new Dictionary<Address, SenderQueue>(Math.Min(capacity, 4096));
        _eviction = new EvictionHeap(Math.Min(capacity, 4096));
    }

    /// <summary>The number of pooled transactions, executable and future.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The number of executable transactions: contiguous from their sender's account nonce.</summary>
    public int ExecutableCount
    {
        get
        {
            lock (_sync)
            {
                return _executable.Count;
            }
        }
    }

    /// <summary>The number of future transactions: waiting behind a nonce gap.</summary>
    public int FutureCount
    {
        get
        {
            lock (_sync)
            {
                return _count - _executable.Count;
            }
        }
    }

    /// <summary>The encoded bytes of all pooled transactions.</summary>
    public long SizeInBytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// How many times a transaction has become executable since the pool was created; pass it to
    /// <see cref="WaitForExecutableAsync(long, CancellationToken)"/> to wait for the next one.
    /// </summary>
    public long ExecutableArrivals => Interlocked.Read(ref _executableArrivals);

    /// <summary>The number of senders with pooled transactions.</summary>
    public int SenderCount
    {
        get
        {
            lock (_sync)
            {
                return _senders.Count;
            }
        }
    }

    /// <summary>The fork and block gas limit of the current head, swapped as one reference.</summary>
    private sealed class HeadRules(ForkSpec spec, ulong blockGasLimit)
    {
        public ForkSpec Spec { get; } = spec;

        public ulong BlockGasLimit { get; } = blockGasLimit;
    }
}
