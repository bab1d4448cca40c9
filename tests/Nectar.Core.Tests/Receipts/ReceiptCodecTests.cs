using System.Collections.Immutable;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Core.Transactions;

namespace Nectar.Core.Tests.Receipts;

public sealed class ReceiptCodecTests
{
    private static readonly Address Emitter = Address.Parse("0x00000000000000000000000000000000000000aa");
    private static readonly Hash256 Topic = Hash256.Parse("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");

    public static TheoryData<TransactionType> Types() =>
        [TransactionType.Legacy, TransactionType.AccessList, TransactionType.DynamicFee, TransactionType.SetCode];

    [Fact]
    public void Encodes_a_successful_legacy_receipt_as_status_gas_bloom_logs()
    {
        var receipt = new Receipt(TransactionType.Legacy, success: true, 21_000, []);
        var items = RlpItem.Decode(ReceiptCodec.Encode(receipt)).Items;
        Assert.Equal(4, items.Count);
        Assert.Equal([0x01], items[0].Bytes.ToArray());
        Assert.Equal(21_000UL, items[1].ToUInt64());
        Assert.Equal(new byte[256], items[2].Bytes.ToArray());
        Assert.Empty(items[3].Items);
    }

    [Fact]
    public void Encodes_a_failed_status_as_the_empty_string()
    {
        var encoded = ReceiptCodec.Encode(new Receipt(TransactionType.Legacy, success: false, 50_000, []));
        Assert.True(RlpItem.Decode(encoded).Items[0].Bytes.IsEmpty);
        Assert.False(ReceiptCodec.Decode(encoded).Success);
    }

    [Fact]
    public void Encodes_a_pre_Byzantium_receipt_with_its_post_state()
    {
        var postState = Hash256.EmptyTrieRoot;
        var receipt = new Receipt(TransactionType.Legacy, postState, 42_000, []);
        var encoded = ReceiptCodec.Encode(receipt);
        Assert.Equal(postState.ToArray(), RlpItem.Decode(encoded).Items[0].Bytes.ToArray());
        var decoded = ReceiptCodec.Decode(encoded);
        Assert.Equal(postState, decoded.PostState);
        Assert.True(decoded.Success);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Round_trips_receipts_of_every_type(TransactionType type)
    {
        var random = new Random(40 + (int)type);
        for (var i = 0; i < 50; i++)
        {
            var receipt = RandomReceipt(random, type);
            var encoded = ReceiptCodec.Encode(receipt);
            Assert.Equal(ReceiptCodec.GetEncodedLength(receipt), encoded.Length);
            Assert.Equal(type != TransactionType.Legacy, encoded[0] == (byte)type);

            var decoded = ReceiptCodec.Decode(encoded);
            Assert.Equal(receipt.Type, decoded.Type);
            Assert.Equal(receipt.Success, decoded.Success);
            Assert.Equal(receipt.CumulativeGasUsed, decoded.CumulativeGasUsed);
            Assert.Equal(receipt.Bloom, decoded.Bloom);
            Assert.Equal(receipt.Logs.ToArray(), decoded.Logs.ToArray());
            Assert.Equal(encoded, ReceiptCodec.Encode(decoded));
        }
    }

    [Fact]
    public void Wraps_typed_receipts_in_a_byte_string_inside_lists()
    {
        var random = new Random(50);
        var receipts = new[] { TransactionType.Legacy, TransactionType.DynamicFee, TransactionType.SetCode, TransactionType.AccessList }
            .Select(t => RandomReceipt(random, t))
            .ToArray();
        var contentLength = receipts.Sum(ReceiptCodec.GetWrappedLength);
        var list = new byte[Rlp.LengthOfList(contentLength)];
        var writer = new RlpWriter(list);
        writer.WriteListHeader(contentLength);
        foreach (var receipt in receipts)
        {
            ReceiptCodec.WriteWrapped(ref writer, receipt);
        }

        Assert.Equal(list.Length, writer.Position);
        var items = RlpItem.Decode(list).Items;
        Assert.True(items[0].IsList);
        Assert.All(items.Skip(1), item => Assert.False(item.IsList));
        Assert.Equal(ReceiptCodec.Encode(receipts[1]), items[1].Bytes.ToArray());

        var reader = new RlpReader(list).ReadList();
        foreach (var receipt in receipts)
        {
            Assert.Equal(ReceiptCodec.Encode(receipt), ReceiptCodec.Encode(ReceiptCodec.ReadWrapped(ref reader)));
        }

        reader.EnsureEnd();
    }

    [Fact]
    public void Computes_the_bloom_from_every_log_address_and_topic()
    {
        var other = Hash256.EmptyListHash;
        var logs = ImmutableArray.Create(
            new LogEntry(Emitter, [Topic], new byte[] { 1 }),
            new LogEntry(Address.Zero, [other, Topic], ReadOnlyMemory<byte>.Empty));
        var receipt = new Receipt(TransactionType.DynamicFee, success: true, 100_000, logs);

        var expected = default(Bloom);
        expected.AddLog(Emitter, [Topic]);
        expected.AddLog(Address.Zero, [other, Topic]);
        Assert.Equal(expected, receipt.Bloom);
        Assert.True(receipt.Bloom.Matches(Emitter));
        Assert.True(receipt.Bloom.Matches(other));
        Assert.False(new Receipt(TransactionType.Legacy, success: true, 1, []).Bloom.Matches(Emitter));
    }

    [Fact]
    public void Keeps_a_decoded_bloom_as_it_was_received()
    {
        var receipt = new Receipt(TransactionType.Legacy, success: true, 21_000, []);
        var items = RlpItem.Decode(ReceiptCodec.Encode(receipt)).Items.ToArray();
        var bloom = new byte[256];
        bloom[7] = 0x80;
        items[2] = RlpItem.FromBytes(bloom);
        var decoded = ReceiptCodec.Decode(RlpItem.FromList(items).Encode());
        Assert.Equal(bloom, decoded.Bloom.Bytes.ToArray());
    }

    [Fact]
    public void Encodes_a_log_as_address_topics_data()
    {
        var log = new LogEntry(Emitter, [Topic], new byte[] { 0xca, 0xfe });
        var contentLength = ReceiptCodec.GetLogLength(log);
        var buffer = new byte[contentLength];
        var writer = new RlpWriter(buffer);
        ReceiptCodec.WriteLog(ref writer, log);

        var item = RlpItem.Decode(buffer);
        Assert.Equal(3, item.Items.Count);
        Assert.Equal(Emitter.ToArray(), item.Items[0].Bytes.ToArray());
        Assert.Equal(Topic.ToArray(), Assert.Single(item.Items[1].Items).Bytes.ToArray());
        Assert.Equal([0xca, 0xfe], item.Items[2].Bytes.ToArray());
    }

    [Fact]
    public void Logs_hash_is_keccak_of_the_rlp_list_of_logs()
    {
        Assert.Equal(Hash256.EmptyListHash, ReceiptCodec.ComputeLogsHash([]));
        LogEntry[] logs = [new LogEntry(Emitter, [Topic], new byte[40]), new LogEntry(Address.Zero, [], new byte[] { 1 })];
        var encoded = ReceiptCodec.EncodeLogs(logs);
        Assert.Equal(Keccak256.Compute(encoded), ReceiptCodec.ComputeLogsHash(logs));
        Assert.Equal(2, RlpItem.Decode(encoded).Items.Count);
    }

    [Theory]
    [InlineData(new byte[] { 0x02 })]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { 0x01, 0x00 })]
    public void Rejects_a_status_that_is_neither_empty_nor_one_nor_a_root(byte[] status)
    {
        var items = RlpItem.Decode(ReceiptCodec.Encode(new Receipt(TransactionType.Legacy, success: true, 1, []))).Items.ToArray();
        items[0] = RlpItem.FromBytes(status);
        var encoded = RlpItem.FromList(items).Encode();
        Assert.Throws<RlpException>(() => ReceiptCodec.Decode(encoded));
    }

    [Fact]
    public void Rejects_malformed_receipts()
    {
        var valid = ReceiptCodec.Encode(new Receipt(TransactionType.DynamicFee, success: true, 1, []));
        Assert.Throws<RlpException>(() => ReceiptCodec.Decode([]));
        Assert.Throws<RlpException>(() => ReceiptCodec.Decode([.. valid, 0x00]));
        Assert.Contains("0x03", Assert.Throws<RlpException>(() => ReceiptCodec.Decode([0x03, .. valid[1..]])).Message, StringComparison.Ordinal);

        var items = RlpItem.Decode(valid.AsSpan(1)).Items.ToArray();
        items[2] = RlpItem.FromBytes(new byte[255]);
        Assert.Contains("logs bloom", Assert.Throws<RlpException>(() => ReceiptCodec.Decode([0x02, .. RlpItem.FromList(items).Encode()])).Message, StringComparison.Ordinal);
        Assert.Throws<RlpException>(() => ReceiptCodec.Decode([0x02, .. RlpItem.FromList([.. RlpItem.Decode(valid.AsSpan(1)).Items, RlpItem.Empty]).Encode()]));
    }

    private static Receipt RandomReceipt(Random random, TransactionType type)
    {
        var logs = new LogEntry[random.Next(0, 4)];
        for (var i = 0; i < logs.Length; i++)
        {
            var topics = new Hash256[random.Next(0, 5)];
            for (var t = 0; t < topics.Length; t++)
            {
                topics[t] = new Hash256(Bytes(random, 32));
            }

            logs[i] = new LogEntry(new Address(Bytes(random, 20)), [.. topics], Bytes(random, random.Next(0, 100)));
        }

        var gas = (ulong)random.NextInt64();
        return random.Next(5) == 0 && type == TransactionType.Legacy
            ? new Receipt(type, new Hash256(Bytes(random, 32)), gas, [.. logs])
            : new Receipt(type, random.Next(2) == 0, gas, [.. logs]);
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
