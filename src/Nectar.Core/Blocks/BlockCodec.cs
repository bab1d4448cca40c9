using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Nectar.Core.Encoding;
using Nectar.Core.Transactions;

namespace Nectar.Core.Blocks;

/// <summary>
/// The RLP of a block: <c>[header, [transactions], [ommers]]</c>, with <c>[withdrawals]</c> appended from
/// Shanghai. Typed transactions appear as byte strings holding their canonical form.
/// </summary>
public static class BlockCodec
{
    /// <summary>Length of the block's RLP.</summary>
    /// <param name="block">The block.</param>
    /// <returns>The encoded length.</returns>
    public static int GetEncodedLength(Block block)
    {
        var lengths = Lengths(block);
        return Rlp.LengthOfList(lengths.Content);
    }

    /// <summary>Encodes the block into a new array.</summary>
    /// <param name="block">The block.</param>
    /// <returns>The RLP.</returns>
    /// <exception cref="ArgumentException">The header's withdrawals root and the body's withdrawals disagree on presence.</exception>
    public static byte[] Encode(Block block)
    {
        var lengths = Lengths(block);
        var result = new byte[Rlp.LengthOfList(lengths.Content)];
        var writer = new RlpWriter(result);
        writer.WriteListHeader(lengths.Content);
        BlockHeaderCodec.Write(ref writer, block.Header);

        writer.WriteListHeader(lengths.Transactions);
        foreach (var transaction in block.Transactions)
        {
            TransactionCodec.WriteForBlockBody(ref writer, transaction);
        }

        writer.WriteListHeader(lengths.Ommers);
        foreach (var ommer in block.Ommers)
        {
            BlockHeaderCodec.Write(ref writer, ommer);
        }

        if (block.Withdrawals is { } withdrawals)
        {
            writer.WriteListHeader(lengths.Withdrawals);
            foreach (var withdrawal in withdrawals)
            {
                WithdrawalCodec.Write(ref writer, withdrawal);
            }
        }

        return result;
    }

    /// <summary>Decodes a block that must be the whole input.</summary>
    /// <param name="encoded">The RLP.</param>
    /// <returns>The block; its transactions' senders are not yet recovered.</returns>
    /// <exception cref="RlpException">The input is not a canonical block, or withdrawals and the header disagree.</exception>
    /// <exception cref="TransactionDecodingException">A transaction in the body does not decode.</exception>
    public static Block Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new RlpReader(encoded);
        var content = reader.ReadList();
        reader.EnsureEnd();

        var header = BlockHeaderCodec.Read(ref content);

        var transactionList = content.ReadList();
        var transactions = new List<Transaction>();
        while (transactionList.HasMore)
        {
            transactions.Add(TransactionCodec.ReadFromBlockBody(ref transactionList));
        }

        var ommerList = content.ReadList();
        var ommers = new List<BlockHeader>();
        while (ommerList.HasMore)
        {
            ommers.Add(BlockHeaderCodec.Read(ref ommerList));
        }

        ImmutableArray<Withdrawal>? withdrawals = null;
        if (content.HasMore)
        {
            var withdrawalList = content.ReadList();
            var list = new List<Withdrawal>();
            while (withdrawalList.HasMore)
            {
                list.Add(WithdrawalCodec.Read(ref withdrawalList));
            }

            withdrawals = [.. list];
        }

        content.EnsureEnd();
        if (withdrawals.HasValue != header.WithdrawalsRoot.HasValue)
        {
            throw new RlpException(
                withdrawals.HasValue
                    ? $"Block {header.Number} has a withdrawals list but its header has no withdrawals root."
                    : $"Block {header.Number} has a withdrawals root but no withdrawals list.");
        }

        return new Block
        {
            Header = header,
            Transactions = ImmutableCollectionsMarshal.AsImmutableArray(transactions.ToArray()),
            Ommers = ImmutableCollectionsMarshal.AsImmutableArray(ommers.ToArray()),
            Withdrawals = withdrawals,
        };
    }

    private static (int Content, int Transactions, int Ommers, int Withdrawals) Lengths(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Withdrawals.HasValue != block.Header.WithdrawalsRoot.HasValue)
        {
            throw new ArgumentException("A block has a withdrawals list exactly when its header has a withdrawals root.", nameof(block));
        }

        var transactions = 0;
        foreach (var transaction in block.Transactions)
        {
            transactions = checked(transactions + TransactionCodec.GetBlockBodyLength(transaction));
        }

        var ommers = 0;
        foreach (var ommer in block.Ommers)
        {
            ommers = checked(ommers + BlockHeaderCodec.GetEncodedLength(ommer));
        }

        var withdrawals = 0;
        if (block.Withdrawals is { } list)
        {
            foreach (var withdrawal in list)
            {
                withdrawals += WithdrawalCodec.GetEncodedLength(withdrawal);
            }
        }

        var content = checked(BlockHeaderCodec.GetEncodedLength(block.Header)
            + Rlp.LengthOfList(transactions)
            + Rlp.LengthOfList(ommers)
            + (block.Withdrawals.HasValue ? Rlp.LengthOfList(withdrawals) : 0));
        return (content, transactions, ommers, withdrawals);
    }
}
