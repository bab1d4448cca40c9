using System.Runtime.CompilerServices;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Crypto.Signing;

/// <summary>
/// Signs transactions and EIP-7702 authorizations, and recovers their signers, over an <see cref="ISecp256k1"/>.
/// </summary>
/// <remarks>
/// <para>
/// Recovery checks only what recovery needs (a v of a valid form, r and s in range); the fork's rules on the
/// signature (low s from Homestead, the chain id) belong to <see cref="TransactionValidator"/>, which callers run
/// first. A recovered sender is cached on the transaction, so each transaction is recovered once.
/// </para>
/// <para>The signer is stateless apart from the curve implementation and is safe to share between threads.</para>
/// </remarks>
[SkipLocalsInit]
public sealed partial class TransactionSigner
{
    /// <summary>Below this many transactions a batch is recovered on the calling thread.</summary>
    private const int MinimumParallelBatch = 32;

    /// <summary>Each worker takes contiguous ranges of at least this many transactions.</summary>
    private const int MinimumRange = 16;

    private readonly ISecp256k1 _secp256k1;

    /// <summary>Creates a signer over a secp256k1 implementation.</summary>
    /// <param name="secp256k1">The curve implementation (the native binding in the node).</param>
    public TransactionSigner(ISecp256k1 secp256k1)
    {
        ArgumentNullException.ThrowIfNull(secp256k1);
        _secp256k1 = secp256k1;
    }

    /// <summary>
    /// Signs a transaction: v becomes the y parity for typed transactions, 27/28 for legacy transactions
    /// without a chain id, and chainId * 2 + 35/36 for legacy transactions with one (EIP-155).
    /// </summary>
    /// <param name="transaction">The transaction; its signature fields are ignored.</param>
    /// <param name="privateKey32">The 32-byte private key.</param>
    /// <returns>A signed copy, its sender already cached.</returns>
    /// <exception cref="ArgumentException">The private key is not a valid secp256k1 key.</exception>
    public Transaction Sign(Transaction transaction, ReadOnlySpan<byte> privateKey32)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var hash = TransactionCodec.ComputeSigningHash(transaction);
        Span<byte> signature = stackalloc byte[Secp256k1Curve.SignatureLength];
        if (!_secp256k1.TrySign(hash.Bytes, privateKey32, signature, out var recoveryId))
        {
            throw new ArgumentException("The private key is not a valid secp256k1 key (32 bytes, in [1, n - 1]).", nameof(privateKey32));
        }

        UInt256 v;
        if (transaction.IsTyped)
        {
            v = new UInt256((ulong)recoveryId);
        }
        else if (transaction.ChainId is { } chainId)
        {
            v = (chainId << 1) + new UInt256(35UL + (ulong)recoveryId);
        }
        else
        {
            v = new UInt256(27UL + (ulong)recoveryId);
        }

        var signed = transaction.WithSignature(v, new UInt256(signature[..32]), new UInt256(signature[32..]));
        signed.CacheSender(AddressOf(privateKey32));
        return signed;
    }

    /// <summary>The address of a private key: the last 20 bytes of Keccak-256 of its 64-byte public key.</summary>
    /// <param name="privateKey32">The 32-byte private key.</param>
    /// <returns>The address.</returns>
    /// <exception cref="ArgumentException">The private key is not a valid secp256k1 key.</exception>
    public Address AddressOf(ReadOnlySpan<byte> privateKey32)
    {
        Span<byte> publicKey = stackalloc byte[Secp256k1Curve.PublicKeyLength];
        if (!_secp256k1.TryGetPublicKey(privateKey32, publicKey))
        {
            throw new ArgumentException("The private key is not a valid secp256k1 key (32 bytes, in [1, n - 1]).", nameof(privateKey32));
        }

        return Address.FromPublicKey(publicKey);
    }

    /// <summary>Recovers (or returns the cached) sender of a transaction and caches it.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="sender">The sender, or the zero address on failure.</param>
    /// <returns><see langword="false"/> when v has no valid form or no public key matches the signature.</returns>
    public bool TryRecoverSender(Transaction transaction, out Address sender)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.Sender is { } cached)
        {
            sender = cached;
            return true;
        }

        if (!TryRecoverUncached(transaction, out sender))
        {
            return false;
        }

        transaction.CacheSender(sender);
        return true;
    }

    /// <summary>Recovers (or returns the cached) sender of a transaction and caches it.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <returns>The sender.</returns>
    /// <exception cref="ArgumentException">The signature recovers no sender.</exception>
    public Address RecoverSender(Transaction transaction) =>
        TryRecoverSender(transaction, out var sender)
            ? sender
            : throw new ArgumentException("The transaction's signature recovers no sender.", nameof(transaction));

    /// <summary>
    /// Recovers the senders of many transactions in parallel, in contiguous ranges spread over the cores, and
    /// caches each on its transaction. Transactions whose sender is already cached are skipped.
    /// </summary>
    /// <param name="transactions">The transactions.</param>
    /// <returns>How many transactions have a sender afterwards; read each from <see cref="Transaction.Sender"/>.</returns>
    public int RecoverSenders(IReadOnlyList<Transaction> transactions) => RecoverSenders(transactions, useCache: true);

    /// <summary>The batch recovery, optionally ignoring and not filling the cache (for measuring recovery itself).</summary>
    internal int RecoverSenders(IReadOnlyList<Transaction> transactions, bool useCache)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var count = transactions.Count;
        var workers = Environment.ProcessorCount;
        if (count < MinimumParallelBatch || workers == 1)
        {
            return RecoverRange(transactions, 0, count, useCache);
        }

        // A few ranges per core even out uneven progress without scheduling every transaction separately.
        var rangeLength = Math.Max(MinimumRange, (count + (workers * 4) - 1) / (workers * 4));
        var rangeCount = (count + rangeLength - 1) / rangeLength;
        var total = 0;
        Parallel.For(0, rangeCount, range =>
        {
            var start = range * rangeLength;
            var recovered = RecoverRange(transactions, start, Math.Min(start + rangeLength, count), useCache);
            Interlocked.Add(ref total, recovered);
        });
        return total;
    }

    /// <summary>Recovery without the cache: the signing hash, the public key and its address, every time.</summary>
    internal bool TryRecoverUncached(Transaction transaction, out Address sender)
    {
        sender = default;
        if (!transaction.TryGetYParity(out var yParity))
        {
            return false;
        }

        var hash = TransactionCodec.ComputeSigningHash(transaction);
        return TryRecoverAddress(hash, yParity, transaction.R, transaction.S, out sender);
    }

    private int RecoverRange(IReadOnlyList<Transaction> transactions, int start, int end, bool useCache)
    {
        var recovered = 0;
        for (var i = start; i < end; i++)
        {
            var transaction = transactions[i];
            var ok = useCache ? TryRecoverSender(transaction, out _) : TryRecoverUncached(transaction, out _);
            recovered += ok ? 1 : 0;
        }

        return recovered;
    }

    private bool TryRecoverAddress(in Hash256 hash, byte yParity, in UInt256 r, in UInt256 s, out Address address)
    {
        Span<byte> signature = stackalloc byte[Secp256k1Curve.SignatureLength];
        r.ToBigEndian(signature);
        s.ToBigEndian(signature[32..]);
        Span<byte> publicKey = stackalloc byte[Secp256k1Curve.PublicKeyLength];
        if (!_secp256k1.TryRecover(hash.Bytes, signature, yParity, publicKey))
        {
            address = default;
            return false;
        }

        address = Address.FromPublicKey(publicKey);
        return true;
    }
}
