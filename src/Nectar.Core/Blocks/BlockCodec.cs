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
        return Rlp.LengthOfList(checked(BlockHeaderCodec.GetEncodedLength(block.Header) + lengths.Body));
    }

    /// <summary>Encodes the block into a new array.</summary>
    /// <param name="block">The block.</param>
    /// <returns>The RLP.</returns>
    /// <exception cref="ArgumentException">The header's withdrawals root and the body's withdrawals disagree on presence.</exception>
    public static byte[] Encode(Block block)
    {
        var lengths = Lengths(block);
        var content = checked(BlockHeaderCodec.GetEncodedLength(block.Header) + lengths.Body);
        var result = new byte[Rlp.LengthOfList(content)];
        var writer = new RlpWriter(result);
        writer.WriteListHeader(content);
        BlockHeaderCodec.Write(ref writer, block.Header);
        WriteBodyLists(ref writer, block, lengths);
        return result;
    }

    /// <summary>
    /// Encodes a block's body without its header, <c>[[transactions], [ommers], [withdrawals]?]</c>: the form stores
    /// keep beside the header they index separately.
    /// </summary>
    /// <param name="block">The block.</param>
    /// <returns>The RLP.</returns>
    /// <exception cref="ArgumentException">The header's withdrawals root and the body's withdrawals disagree on presence.</exception>
    public static byte[] EncodeBody(Block block)
    {
        var lengths = Lengths(block);
        var result = new byte[Rlp.LengthOfList(lengths.Body)];
        var writer = new RlpWriter(result);
        writer.WriteListHeader(lengths.Body);
        WriteBodyLists(ref writer, block, lengths);
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
        return ReadBody(ref content, header);
    }

    /// <summary>Decodes a body written by <see cref="EncodeBody"/> and joins it to its header.</summary>
    /// <param name="header">The block's header.</param>
    /// <param name="encodedBody">The body's RLP; it must be the whole input.</param>
    /// <returns>The block; its transactions' senders are not yet recovered.</returns>
    /// <exception cref="RlpException">The input is not a canonical body, or withdrawals and the header disagree.</exception>
    /// <exception cref="TransactionDecodingException">A transaction in the body does not decode.</exception>
    public static Block DecodeBody(BlockHeader header, ReadOnlySpan<byte> encodedBody)
    {
        ArgumentNullException.ThrowIfNull(header);
        var reader = new RlpReader(encodedBody);
        var content = reader.ReadList();
        reader.EnsureEnd();
        return ReadBody(ref content, header);
    }

    private static Block ReadBody(ref RlpReader content, BlockHeader header)
    {
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

    private static void WriteBodyLists(ref RlpWriter writer, Block block, (int Body, int Transactions, int Ommers, int Withdrawals) lengths)
    {
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
    }

    private static (int Body, int Transactions, int Ommers, int Withdrawals) Lengths(Block block)
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

        var body = checked(Rlp.LengthOfList(transactions)
            + Rlp.LengthOfList(ommers)
            + (block.Withdrawals.HasValue ? Rlp.LengthOfList(withdrawals) : 0));
        return (body, transactions, ommers, withdrawals);
    }
}
