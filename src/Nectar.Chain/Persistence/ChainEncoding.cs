using System.Buffers.Binary;
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

    /// <summary>A block from its header, its stored body (<see cref="BlockCodec.EncodeBody"/>) and its stored senders.</summary>
    public static Block DecodeBlock(BlockHeader header, ReadOnlySpan<byte> body, ReadOnlySpan<byte> senders)
    {
        var block = BlockCodec.DecodeBody(header, body);
        for (var i = 0; i < block.Transactions.Length; i++)
        {
            var offset = i * Address.Length;
            if (offset + Address.Length <= senders.Length)
            {
                // The sender recovered when the block was built, so readers never recover it again.
                block.Transactions[i].CacheSender(new Address(senders.Slice(offset, Address.Length)));
            }
        }

        return block;
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
            ReceiptCodec.WriteLogs(ref writer, receipt.Logs.AsSpan());
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
            var logs = ReceiptCodec.ReadLogs(ref item);
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
        + ReceiptCodec.GetLogsLength(receipt.Logs.AsSpan());
}
