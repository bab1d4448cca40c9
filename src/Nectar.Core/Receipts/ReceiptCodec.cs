using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Core.Receipts;

/// <summary>
/// The consensus encoding of receipts and logs. A receipt is <c>rlp([statusOrPostState, cumulativeGasUsed,
/// bloom, logs])</c>, prefixed by its type byte when typed (the value in the receipts trie); inside lists (the
/// network's receipts messages) a typed receipt is wrapped in an RLP byte string, like a typed transaction in a
/// block body. A log is <c>[address, [topics], data]</c>.
/// </summary>
public static class ReceiptCodec
{
    /// <summary>Length of the receipt's consensus encoding.</summary>
    /// <param name="receipt">The receipt.</param>
    /// <returns>The encoded length.</returns>
    public static int GetEncodedLength(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var list = Rlp.LengthOfList(ContentLength(receipt));
        return receipt.Type == TransactionType.Legacy ? list : 1 + list;
    }

    /// <summary>Encodes the receipt's consensus form (the receipts trie value) into a new array.</summary>
    /// <param name="receipt">The receipt.</param>
    /// <returns>The encoding.</returns>
    public static byte[] Encode(Receipt receipt)
    {
        var result = new byte[GetEncodedLength(receipt)];
        var writer = new RlpWriter(result);
        WriteCanonical(ref writer, receipt, ContentLength(receipt));
        return result;
    }

    /// <summary>Length of the receipt as a list item: a typed receipt gets a string header.</summary>
    /// <param name="receipt">The receipt.</param>
    /// <returns>The encoded length.</returns>
    public static int GetWrappedLength(Receipt receipt)
    {
        var canonical = GetEncodedLength(receipt);
        return receipt.Type == TransactionType.Legacy ? canonical : Rlp.LengthOfHeader(canonical) + canonical;
    }

    /// <summary>Writes the receipt as a list item: a legacy receipt as its list, a typed one as a byte string.</summary>
    /// <param name="writer">The writer, with at least <see cref="GetWrappedLength"/> bytes of room.</param>
    /// <param name="receipt">The receipt.</param>
    public static void WriteWrapped(ref RlpWriter writer, Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var contentLength = ContentLength(receipt);
        if (receipt.Type != TransactionType.Legacy)
        {
            writer.WriteBytesHeader(1 + Rlp.LengthOfList(contentLength));
        }

        WriteCanonical(ref writer, receipt, contentLength);
    }

    /// <summary>Decodes a receipt's consensus form.</summary>
    /// <param name="encoded">The encoding: an RLP list, or a type byte and an RLP list.</param>
    /// <returns>The receipt, with the bloom as encoded.</returns>
    /// <exception cref="RlpException">The input is not exactly one canonical receipt.</exception>
    public static Receipt Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            throw new RlpException("An empty input is not a receipt.");
        }

        var type = TransactionType.Legacy;
        var reader = new RlpReader(encoded);
        if (encoded[0] < 0x80)
        {
            type = encoded[0] switch
            {
                (byte)TransactionType.AccessList => TransactionType.AccessList,
                (byte)TransactionType.DynamicFee => TransactionType.DynamicFee,
                (byte)TransactionType.SetCode => TransactionType.SetCode,
                _ => throw new RlpException($"Receipt type 0x{encoded[0]:x2} is not supported.", 0),
            };
            reader.Skip();
        }

        var content = reader.ReadList();
        reader.EnsureEnd();

        var outcomeStart = content.Origin + content.Position;
        var outcome = content.ReadBytes();
        var cumulativeGasUsed = content.ReadUInt64();
        var bloomStart = content.Origin + content.Position;
        var bloomBytes = content.ReadBytes();
        if (bloomBytes.Length != Bloom.Length)
        {
            throw new RlpException($"Expected a 256-byte RLP string (the logs bloom) at offset {bloomStart}, found {bloomBytes.Length} bytes.", bloomStart);
        }

        var logs = ReadLogList(content.ReadList());
        content.EnsureEnd();

        var bloom = new Bloom(bloomBytes);
        return outcome.Length switch
        {
            0 => new Receipt(type, success: false, cumulativeGasUsed, logs, bloom),
            1 when outcome[0] == 1 => new Receipt(type, success: true, cumulativeGasUsed, logs, bloom),
            Hash256.Length => new Receipt(type, new Hash256(outcome), cumulativeGasUsed, logs, bloom),
            _ => throw new RlpException(
                $"A receipt's first field at offset {outcomeStart} is a status (empty or 0x01) or a 32-byte state root; found {outcome.Length} bytes.",
                outcomeStart),
        };
    }

    /// <summary>Decodes a receipt given as a list item: a legacy receipt's list, or a byte string holding a typed receipt.</summary>
    /// <param name="reader">A reader positioned at the item; it is advanced past it.</param>
    /// <returns>The receipt.</returns>
    /// <exception cref="RlpException">The item is not a canonical receipt.</exception>
    public static Receipt ReadWrapped(ref RlpReader reader)
    {
        if (reader.IsList)
        {
            return Decode(reader.ReadEncodedItem());
        }

        var start = reader.Origin + reader.Position;
        var payload = reader.ReadBytes();
        if (payload.IsEmpty || payload[0] >= 0x80)
        {
            throw new RlpException($"A byte string in a receipt list at offset {start} must hold a typed receipt.", start);
        }

        return Decode(payload);
    }

    /// <summary>Length of a log's RLP.</summary>
    /// <param name="log">The log.</param>
    /// <returns>The encoded length.</returns>
    public static int GetLogLength(LogEntry log) => Rlp.LengthOfList(LogContentLength(log));

    /// <summary>Writes a log's RLP.</summary>
    /// <param name="writer">The writer, with at least <see cref="GetLogLength"/> bytes of room.</param>
    /// <param name="log">The log.</param>
    public static void WriteLog(ref RlpWriter writer, LogEntry log)
    {
        ArgumentNullException.ThrowIfNull(log);
        writer.WriteListHeader(LogContentLength(log));
        writer.WriteAddress(log.Address);
        writer.WriteListHeader(log.Topics.Length * Rlp.LengthOfHash256);
        foreach (var topic in log.Topics)
        {
            writer.WriteHash256(topic);
        }

        writer.WriteBytes(log.Data.Span);
    }

    /// <summary>Length of the RLP list of logs, as receipts hold them.</summary>
    /// <param name="logs">The logs.</param>
    /// <returns>The encoded length.</returns>
    public static int GetLogsLength(ReadOnlySpan<LogEntry> logs) => Rlp.LengthOfList(LogsContentLength(logs));

    /// <summary>Writes the RLP list of logs, as receipts hold them.</summary>
    /// <param name="writer">The writer, with at least <see cref="GetLogsLength"/> bytes of room.</param>
    /// <param name="logs">The logs.</param>
    public static void WriteLogs(ref RlpWriter writer, ReadOnlySpan<LogEntry> logs) => WriteLogs(ref writer, logs, LogsContentLength(logs));

    /// <summary>Reads an RLP list of logs, as receipts hold them.</summary>
    /// <param name="reader">A reader positioned at the list; it is advanced past it.</param>
    /// <returns>The logs.</returns>
    /// <exception cref="RlpException">The item is not a canonical list of logs.</exception>
    public static ImmutableArray<LogEntry> ReadLogs(ref RlpReader reader) => ReadLogList(reader.ReadList());

    /// <summary>The RLP list of logs, as receipts hold them.</summary>
    /// <param name="logs">The logs.</param>
    /// <returns>The encoding.</returns>
    public static byte[] EncodeLogs(ReadOnlySpan<LogEntry> logs)
    {
        var contentLength = LogsContentLength(logs);
        var result = new byte[Rlp.LengthOfList(contentLength)];
        var writer = new RlpWriter(result);
        WriteLogs(ref writer, logs, contentLength);
        return result;
    }

    /// <summary>
    /// keccak(rlp(logs)): the logs hash the state tests compare (<c>post[fork][i].logs</c>); for no logs it is
    /// <see cref="Hash256.EmptyListHash"/>.
    /// </summary>
    /// <param name="logs">A transaction's logs, in emission order.</param>
    /// <returns>The hash.</returns>
    public static Hash256 ComputeLogsHash(ReadOnlySpan<LogEntry> logs)
    {
        var contentLength = LogsContentLength(logs);
        var length = Rlp.LengthOfList(contentLength);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var writer = new RlpWriter(rented.AsSpan(0, length));
            WriteLogs(ref writer, logs, contentLength);
            return Keccak256.Compute(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void WriteCanonical(ref RlpWriter writer, Receipt receipt, int contentLength)
    {
        if (receipt.Type != TransactionType.Legacy)
        {
            writer.WriteEncoded([(byte)receipt.Type]);
        }

        writer.WriteListHeader(contentLength);
        if (receipt.PostState is { } postState)
        {
            writer.WriteHash256(postState);
        }
        else
        {
            writer.WriteUInt64(receipt.Success ? 1UL : 0UL);
        }

        writer.WriteUInt64(receipt.CumulativeGasUsed);
        writer.WriteBytes(receipt.Bloom.Bytes);
        WriteLogs(ref writer, receipt.Logs.AsSpan(), LogsContentLength(receipt.Logs.AsSpan()));
    }

    private static int ContentLength(Receipt receipt) =>
        (receipt.PostState.HasValue ? Rlp.LengthOfHash256 : 1)
        + Rlp.LengthOfUInt64(receipt.CumulativeGasUsed)
        + Rlp.LengthOfHeader(Bloom.Length) + Bloom.Length
        + Rlp.LengthOfList(LogsContentLength(receipt.Logs.AsSpan()));

    private static void WriteLogs(ref RlpWriter writer, ReadOnlySpan<LogEntry> logs, int contentLength)
    {
        writer.WriteListHeader(contentLength);
        foreach (var log in logs)
        {
            WriteLog(ref writer, log);
        }
    }

    private static int LogsContentLength(ReadOnlySpan<LogEntry> logs)
    {
        var length = 0;
        foreach (var log in logs)
        {
            length = checked(length + GetLogLength(log));
        }

        return length;
    }

    private static int LogContentLength(LogEntry log) =>
        Rlp.LengthOfAddress + Rlp.LengthOfList(log.Topics.Length * Rlp.LengthOfHash256) + Rlp.LengthOfBytes(log.Data.Span);

    private static ImmutableArray<LogEntry> ReadLogList(RlpReader list)
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
