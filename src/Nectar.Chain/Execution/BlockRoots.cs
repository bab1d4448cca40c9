using System.Buffers;
using Nectar.Core.Blocks;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Core.Transactions;
using Nectar.Trie;

namespace Nectar.Chain.Execution;

/// <summary>The roots of a block's lists: transactions, receipts and withdrawals, each item keyed by the RLP of its index.</summary>
public static class BlockRoots
{
    /// <summary>The transactions root: the ordered trie of the transactions' canonical encodings.</summary>
    /// <param name="transactions">The transactions, in block order.</param>
    /// <returns>The root.</returns>
    public static Hash256 Transactions(ReadOnlySpan<Transaction> transactions)
    {
        var encoder = new TransactionEncoder(transactions);
        try
        {
            return TrieRoots.Ordered(transactions.Length, ref encoder);
        }
        finally
        {
            encoder.Release();
        }
    }

    /// <summary>The receipts root: the ordered trie of the receipts' consensus encodings.</summary>
    /// <param name="receipts">The receipts, in block order.</param>
    /// <returns>The root.</returns>
    public static Hash256 Receipts(ReadOnlySpan<Receipt> receipts)
    {
        var encoder = new ReceiptEncoder(receipts);
        return TrieRoots.Ordered(receipts.Length, ref encoder);
    }

    /// <summary>The withdrawals root: the ordered trie of the withdrawals' RLP.</summary>
    /// <param name="withdrawals">The withdrawals, in block order.</param>
    /// <returns>The root.</returns>
    public static Hash256 Withdrawals(ReadOnlySpan<Withdrawal> withdrawals)
    {
        var encoder = new WithdrawalEncoder(withdrawals);
        return TrieRoots.Ordered(withdrawals.Length, ref encoder);
    }

    /// <summary>Encodes each transaction into one pooled buffer that grows to the largest transaction.</summary>
    private ref struct TransactionEncoder(ReadOnlySpan<Transaction> transactions) : IIndexedItemEncoder
    {
        private readonly ReadOnlySpan<Transaction> _transactions = transactions;
        private byte[]? _buffer;

        public ReadOnlySpan<byte> Encode(int index)
        {
            var transaction = _transactions[index];
            var length = TransactionCodec.GetEncodedLength(transaction);
            if (_buffer is null || _buffer.Length < length)
            {
                Release();
                _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 512));
            }

            return _buffer.AsSpan(0, TransactionCodec.Encode(transaction, _buffer));
        }

        public void Release()
        {
            if (_buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = null;
            }
        }
    }

    /// <summary>Receipts are encoded once each, in the trie's key order.</summary>
    private readonly ref struct ReceiptEncoder(ReadOnlySpan<Receipt> receipts) : IIndexedItemEncoder
    {
        private readonly ReadOnlySpan<Receipt> _receipts = receipts;

        public ReadOnlySpan<byte> Encode(int index) => ReceiptCodec.Encode(_receipts[index]);
    }

    private readonly ref struct WithdrawalEncoder(ReadOnlySpan<Withdrawal> withdrawals) : IIndexedItemEncoder
    {
        private readonly ReadOnlySpan<Withdrawal> _withdrawals = withdrawals;

        public ReadOnlySpan<byte> Encode(int index) => WithdrawalCodec.Encode(_withdrawals[index]);
    }
}
