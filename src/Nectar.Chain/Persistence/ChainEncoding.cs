using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Nectar.Chain.Reading;
using Nectar.Core.Blocks;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Core.Transactions;

namespace Nectar.Chain.Persistence;

/// <summary>
/// The stored forms of what the <see cref="ChainStore"/> keeps beside the headers: bodies, receipts without blooms,
/// senders and transaction locations, and the keys of the canonical index.
/// </summary>
internal static class ChainEncoding
{
    public const int LocationLength = Hash256.Length + sizeof(ulong) + sizeof(int);

    private const byte StatusFailure = 0;
    private const byte StatusSuccess = 1;
    private const byte StatusPostState = 2;

    public static byte[] NumberKey(ulong number)
    {
        var key = new byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(key, number);
        return key;
    }

    /// <summary><c>rlp([transactions, ommers, withdrawals?])</c>: a block's RLP without its header.</summary>
    public static byte[] EncodeBody(Block block)
    {
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

        var content = checked(Rlp.LengthOfList(transactions) + Rlp.LengthOfList(ommers) + (block.Withdrawals.HasValue ? Rlp.LengthOfList(withdrawals) : 0));
        var result = new byte[Rlp.LengthOfList(content)];
        var writer = new RlpWriter(result);
        writer.WriteListHeader(content);
        writer.WriteListHeader(transactions);
        foreach (var transaction in block.Transactions)
        {
            TransactionCodec.WriteForBlockBody(ref writer, transaction);
        }

        writer.WriteListHeader(ommers);
        foreach (var ommer in block.Ommers)
        {
            BlockHeaderCodec.Write(ref writer, ommer);
        }

        if (block.Withdrawals is { } withdrawalList)
        {
            writer.WriteListHeader(withdrawals);
            foreach (var withdrawal in withdrawalList)
            {
                WithdrawalCodec.Write(ref writer, withdrawal);
            }
        }

        return result;
    }

    public static Block DecodeBlock(BlockHeader header, ReadOnlySpan<byte> body, ReadOnlySpan<byte> senders)
    {
        var reader = new RlpReader(body);
        var content = reader.ReadList();
        reader.EnsureEnd();

        var transactionList = content.ReadList();
        var transactions = new List<Transaction>();
        while (transactionList.HasMore)
        {
            var transaction = TransactionCodec.ReadFromBlockBody(ref transactionList);
            var offset = transactions.Count * Address.Length;
            if (offset + Address.Length <= senders.Length)
            {
                // The sender recovered when the block was built, so readers never recover it again.
                transaction.CacheSender(new Address(senders.Slice(offset, Address.Length)));
            }

            transactions.Add(transaction);
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
        return new Block
        {
            Header = header,
            Transactions = ImmutableCollectionsMarshal.AsImmutableArray(transactions.ToArray()),
            Ommers = ImmutableCollectionsMarshal.AsImmutableArray(ommers.ToArray()),
            Withdrawals = withdrawals,
        };
    }

    /// <summary>
    /// <c>rlp([[type, status, cumulativeGas, logs], ...])</c>, where status is 0 (failed), 1 (succeeded) or 2 followed by
    /// a post-state root. The bloom (256 bytes per receipt) is left out: it is a function of the logs.
    /// </summary>
    public static byte[] EncodeReceipts(IReadOnlyList<Receipt> receipts)
    {
        var content = 0;
        for (var i = 0; i < receipts.Count; i++)
        {
            content = checked(content + Rlp.LengthOfList(ReceiptContentLength(receipts[i])));
        }

        var result = new byte[Rlp.LengthOfList(content)];
        var writer = new RlpWriter(result);
        writer.WriteListHeader(content);
        for (var i = 0; i < receipts.Count; i++)
        {
            var receipt = receipts[i];
            writer.WriteListHeader(ReceiptContentLength(receipt));
            writer.WriteUInt64((ulong)receipt.Type);
            if (receipt.PostState is { } postState)
            {
                writer.WriteUInt64(StatusPostState);
                writer.WriteHash256(postState);
            }
            else
            {
                writer.WriteUInt64(receipt.Success ? StatusSuccess : StatusFailure);
            }

            writer.WriteUInt64(receipt.CumulativeGasUsed);
            writer.WriteListHeader(LogsContentLength(receipt.Logs.AsSpan()));
            foreach (var log in receipt.Logs)
            {
                ReceiptCodec.WriteLog(ref writer, log);
            }
        }

        return result;
    }

    public static Receipt[] DecodeReceipts(ReadOnlySpan<byte> encoded)
    {
        var reader = new RlpReader(encoded);
        var list = reader.ReadList();
        reader.EnsureEnd();
        var receipts = new List<Receipt>();
        while (list.HasMore)
        {
            var item = list.ReadList();
            var type = (TransactionType)item.ReadUInt64();
            var status = item.ReadUInt64();
            Hash256? postState = status == StatusPostState ? item.ReadHash256() : null;
            var cumulativeGas = item.ReadUInt64();
            var logs = ReadLogs(item.ReadList());
            item.EnsureEnd();
            receipts.Add(postState is { } root
                ? new Receipt(type, root, cumulativeGas, logs)
                : new Receipt(type, status == StatusSuccess, cumulativeGas, logs));
        }

        return [.. receipts];
    }

    public static byte[] EncodeSenders(IReadOnlyList<Address> senders)
    {
        var result = new byte[senders.Count * Address.Length];
        for (var i = 0; i < senders.Count; i++)
        {
            senders[i].CopyTo(result.AsSpan(i * Address.Length));
        }

        return result;
    }

    public static Address[] DecodeSenders(ReadOnlySpan<byte> encoded)
    {
        var senders = new Address[encoded.Length / Address.Length];
        for (var i = 0; i < senders.Length; i++)
        {
            senders[i] = new Address(encoded.Slice(i * Address.Length, Address.Length));
        }

        return senders;
    }

    public static void WriteLocation(Span<byte> destination, in Hash256 blockHash, ulong number, int index)
    {
        blockHash.CopyTo(destination);
        BinaryPrimitives.WriteUInt64BigEndian(destination[Hash256.Length..], number);
        BinaryPrimitives.WriteInt32BigEndian(destination[(Hash256.Length + sizeof(ulong))..], index);
    }

    public static TransactionLocation DecodeLocation(ReadOnlySpan<byte> encoded) => new(
        new Hash256(encoded[..Hash256.Length]),
        BinaryPrimitives.ReadUInt64BigEndian(encoded[Hash256.Length..]),
        BinaryPrimitives.ReadInt32BigEndian(encoded[(Hash256.Length + sizeof(ulong))..]));

    private static int ReceiptContentLength(Receipt receipt) =>
        Rlp.LengthOfUInt64((ulong)receipt.Type)
        + 1
        + (receipt.PostState.HasValue ? Rlp.LengthOfHash256 : 0)
        + Rlp.LengthOfUInt64(receipt.CumulativeGasUsed)
        + Rlp.LengthOfList(LogsContentLength(receipt.Logs.AsSpan()));

    private static int LogsContentLength(ReadOnlySpan<LogEntry> logs)
    {
        var length = 0;
        foreach (var log in logs)
        {
            length = checked(length + ReceiptCodec.GetLogLength(log));
        }

        return length;
    }

    private static ImmutableArray<LogEntry> ReadLogs(RlpReader list)
    {
        if (!list.HasMore)
        {
            return [];
        }

        var logs = new List<LogEntry>();
        while (list.HasMore)
        {
            var log = list.ReadList();
            var address = log.ReadAddress();
            var topicList = log.ReadList();
            var topics = new List<Hash256>();
            while (topicList.HasMore)
            {
                topics.Add(topicList.ReadHash256());
            }

            var data = log.ReadBytes().ToArray();
            log.EnsureEnd();
            logs.Add(new LogEntry(address, [.. topics], data));
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(logs.ToArray());
    }
}
