using System.Collections.Immutable;
using Nectar.Core.Blocks;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Tests.Transactions;
using Nectar.Core.Transactions;

namespace Nectar.Core.Tests.Blocks;

public sealed class BlockCodecTests
{
    [Fact]
    public void Round_trips_a_Shanghai_block_with_every_transaction_type_and_withdrawals()
    {
        var random = new Random(10);
        var header = BlockHeaderCodecTests.Sample(ForkSpec.For(Fork.Prague), random);
        var block = new Block
        {
            Header = header,
            Transactions =
            [
                TransactionSamples.Random(random, TransactionType.Legacy),
                TransactionSamples.Random(random, TransactionType.AccessList),
                TransactionSamples.Random(random, TransactionType.DynamicFee),
                TransactionSamples.Random(random, TransactionType.SetCode),
            ],
            Withdrawals = [new Withdrawal(1, 2, Address.Zero, 32_000_000_000), new Withdrawal(ulong.MaxValue, 0, new Address(new byte[20]), 0)],
        };

        var encoded = BlockCodec.Encode(block);
        Assert.Equal(BlockCodec.GetEncodedLength(block), encoded.Length);
        var items = RlpItem.Decode(encoded).Items;
        Assert.Equal(4, items.Count);
        Assert.True(items[1].Items[0].IsList);
        Assert.False(items[1].Items[2].IsList);

        var decoded = BlockCodec.Decode(encoded);
        Assert.Equal(header.Hash, decoded.Hash);
        Assert.Equal(block.Transactions.Select(t => t.Hash), decoded.Transactions.Select(t => t.Hash));
        Assert.Equal(block.Withdrawals.Value.ToArray(), decoded.Withdrawals!.Value.ToArray());
        Assert.Empty(decoded.Ommers);
        Assert.Equal(encoded, BlockCodec.Encode(decoded));
    }

    [Fact]
    public void Body_is_the_block_encoding_without_its_header_and_joins_back_to_it()
    {
        var random = new Random(13);
        var header = BlockHeaderCodecTests.Sample(ForkSpec.For(Fork.Prague), random);
        var block = new Block
        {
            Header = header,
            Transactions = [TransactionSamples.Random(random, TransactionType.DynamicFee), TransactionSamples.Random(random, TransactionType.SetCode)],
            Withdrawals = [new Withdrawal(7, 3, Address.Zero, 1)],
        };

        var body = BlockCodec.EncodeBody(block);
        var reader = new RlpReader(BlockCodec.Encode(block));
        var content = reader.ReadList();
        content.ReadEncodedItem();
        var rest = new List<byte[]>();
        while (content.HasMore)
        {
            rest.Add(content.ReadEncodedItem().ToArray());
        }

        Assert.Equal(Rlp.EncodeList([.. rest]), body);

        var decoded = BlockCodec.DecodeBody(header, body);
        Assert.Equal(block.Hash, decoded.Hash);
        Assert.Equal(BlockCodec.Encode(block), BlockCodec.Encode(decoded));
        var london = BlockHeaderCodecTests.Sample(ForkSpec.For(Fork.London), random);
        Assert.Contains("no withdrawals root", Assert.Throws<RlpException>(() => BlockCodec.DecodeBody(london, body)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Round_trips_a_pre_Shanghai_block_with_ommers_and_no_withdrawals_list()
    {
        var random = new Random(11);
        var block = new Block
        {
            Header = BlockHeaderCodecTests.Sample(ForkSpec.For(Fork.London), random),
            Transactions = [TransactionSamples.Random(random, TransactionType.DynamicFee)],
            Ommers = [BlockHeaderCodecTests.Sample(ForkSpec.For(Fork.London), random)],
        };

        var encoded = BlockCodec.Encode(block);
        Assert.Equal(3, RlpItem.Decode(encoded).Items.Count);
        var decoded = BlockCodec.Decode(encoded);
        Assert.Null(decoded.Withdrawals);
        Assert.Equal(block.Ommers[0].Hash, Assert.Single(decoded.Ommers).Hash);
        Assert.Equal(encoded, BlockCodec.Encode(decoded));
    }

    [Fact]
    public void Rejects_withdrawals_without_a_withdrawals_root_and_the_reverse()
    {
        var random = new Random(12);
        var london = BlockHeaderCodecTests.Sample(ForkSpec.For(Fork.London), random);
        var shanghai = BlockHeaderCodecTests.Sample(ForkSpec.For(Fork.Shanghai), random);
        Assert.Throws<ArgumentException>(() => BlockCodec.Encode(new Block { Header = london, Withdrawals = ImmutableArray<Withdrawal>.Empty }));
        Assert.Throws<ArgumentException>(() => BlockCodec.Encode(new Block { Header = shanghai }));

        var withList = Rlp.EncodeList(BlockHeaderCodec.Encode(london), Rlp.EncodeList(), Rlp.EncodeList(), Rlp.EncodeList());
        Assert.Contains("no withdrawals root", Assert.Throws<RlpException>(() => BlockCodec.Decode(withList)).Message, StringComparison.Ordinal);
        var withoutList = Rlp.EncodeList(BlockHeaderCodec.Encode(shanghai), Rlp.EncodeList(), Rlp.EncodeList());
        Assert.Contains("no withdrawals list", Assert.Throws<RlpException>(() => BlockCodec.Decode(withoutList)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_trailing_items_and_bytes()
    {
        var header = BlockHeaderCodec.Encode(BlockHeaderCodecTests.Sample(ForkSpec.For(Fork.Shanghai), new Random(13)));
        var extraItem = Rlp.EncodeList(header, Rlp.EncodeList(), Rlp.EncodeList(), Rlp.EncodeList(), Rlp.EncodeList());
        Assert.Throws<RlpException>(() => BlockCodec.Decode(extraItem));
        var valid = Rlp.EncodeList(header, Rlp.EncodeList(), Rlp.EncodeList(), Rlp.EncodeList());
        Assert.NotNull(BlockCodec.Decode(valid));
        Assert.Throws<RlpException>(() => BlockCodec.Decode([.. valid, 0x00]));
    }

    [Fact]
    public void Reports_a_bad_transaction_in_the_body_as_a_transaction_error()
    {
        var header = BlockHeaderCodec.Encode(BlockHeaderCodecTests.Sample(ForkSpec.For(Fork.Shanghai), new Random(14)));
        var blob = Rlp.EncodeBytes([0x03, .. Rlp.EncodeList()]);
        var encoded = Rlp.EncodeList(header, Rlp.EncodeList(blob), Rlp.EncodeList(), Rlp.EncodeList());
        var error = Assert.Throws<TransactionDecodingException>(() => BlockCodec.Decode(encoded));
        Assert.Equal(TransactionError.BlobTransactionsNotSupported, error.Error);
    }

    [Fact]
    public void Encodes_withdrawals_as_four_field_lists()
    {
        var withdrawal = new Withdrawal(7, 9, Address.Parse("0x00000000000000000000000000000000000000ff"), 1_000);
        var encoded = WithdrawalCodec.Encode(withdrawal);
        Assert.Equal("0xda07099400000000000000000000000000000000000000ff8203e8", Hex.ToHexString(encoded));
        Assert.Equal(withdrawal, WithdrawalCodec.Decode(encoded));
        Assert.Throws<RlpException>(() => WithdrawalCodec.Decode(Rlp.EncodeList(Rlp.EncodeUInt64(7), Rlp.EncodeUInt64(9))));
    }
}
