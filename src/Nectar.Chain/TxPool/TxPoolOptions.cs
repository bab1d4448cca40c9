using Nectar.Core.Specs;

namespace Nectar.Chain.TxPool;

/// <summary>The rules and limits of a <see cref="TransactionPool"/>; validated when the pool is created.</summary>
public sealed class TxPoolOptions
{
    /// <summary>The default largest encoded transaction: 128 KiB, as go-ethereum's pool.</summary>
    public const int DefaultMaxTransactionSize = 128 * 1024;

    /// <summary>The chain id every transaction must be signed for.</summary>
    public required ulong ChainId { get; init; }

    /// <summary>The fork whose rules transactions are checked against (types, intrinsic gas, EIP-7623 floor).</summary>
    /// <remarks><see cref="TransactionPool.OnNewHead"/> can move the pool to a later fork.</remarks>
    public required ForkSpec Spec { get; init; }

    /// <summary>The block gas limit: a transaction asking for more can never be included.</summary>
    /// <remarks><see cref="TransactionPool.OnNewHead"/> updates it when the limit changes.</remarks>
    public required ulong BlockGasLimit { get; init; }

    /// <summary>The largest accepted encoding in bytes ("oversized data" above it).</summary>
    public int MaxTransactionSize { get; init; } = DefaultMaxTransactionSize;

    /// <summary>
    /// Whether legacy transactions signed without a chain id (pre-EIP-155, v = 27 or 28) are accepted. Off by
    /// default, as in go-ethereum: such a transaction can be replayed on any chain. Deployments that need the
    /// well-known keyless deployment transactions (the CREATE2 factory) turn it on or predeploy the contract.
    /// </summary>
    public bool AllowUnprotectedTransactions { get; init; }

    /// <summary>
    /// How far a nonce may run ahead of the sender's account nonce: a transaction with nonce n is refused ("nonce
    /// too high") when n - accountNonce exceeds this.
    /// </summary>
    public ulong MaxNonceGap { get; init; } = 64;

    /// <summary>
    /// The least raise, in percent, of both the maximum fee and the priority fee for a transaction to replace a pooled
    /// one of the same sender and nonce ("replacement transaction underpriced" below it). Both fees must also rise
    /// strictly, so a zero fee must become at least one wei.
    /// </summary>
    public int PriceBumpPercent { get; init; } = 10;

    /// <summary>The most transactions one sender may have in the pool ("account limit exceeded" above it).</summary>
    public int MaxTransactionsPerSender { get; init; } = 64;

    /// <summary>The most transactions the pool holds; beyond it the pool evicts or refuses ("txpool is full").</summary>
    public int Capacity { get; init; } = 16_384;

    /// <summary>The most encoded bytes the pool holds, so that memory stays bounded whatever the transaction sizes.</summary>
    public long MaxPoolBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Throws when a value is out of range or the limits contradict each other.</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Spec, nameof(Spec));
        if (BlockGasLimit == 0)
        {
            throw new ArgumentException("BlockGasLimit must be positive.", nameof(BlockGasLimit));
        }

        if (MaxTransactionSize <= 0)
        {
            throw new ArgumentException("MaxTransactionSize must be positive.", nameof(MaxTransactionSize));
        }

        if (PriceBumpPercent is < 0 or > 1000)
        {
            throw new ArgumentException("PriceBumpPercent must lie between 0 and 1000.", nameof(PriceBumpPercent));
        }

        if (MaxTransactionsPerSender <= 0)
        {
            throw new ArgumentException("MaxTransactionsPerSender must be positive.", nameof(MaxTransactionsPerSender));
        }

        if (Capacity <= 0)
        {
            throw new ArgumentException("Capacity must be positive.", nameof(Capacity));
        }

        if (MaxPoolBytes < MaxTransactionSize)
        {
            throw new ArgumentException("MaxPoolBytes must hold at least one transaction of MaxTransactionSize.", nameof(MaxPoolBytes));
        }
    }
}
