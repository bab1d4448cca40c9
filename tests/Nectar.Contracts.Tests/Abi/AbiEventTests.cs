using Nectar.Contracts.Abi;
using Nectar.Core.Hashing;
using Nectar.Core.Primitives;

namespace Nectar.Contracts.Tests.Abi;

public sealed class AbiEventTests
{
    private static readonly Address Alice = Address.Parse("0x00000000000000000000000000000000000a11ce");
    private static readonly Address Bob = Address.Parse("0x0000000000000000000000000000000000000b0b");

    [Fact]
    public void A_Transfer_log_encodes_to_topics_and_data_and_decodes_back()
    {
        var transfer = ContractArtifacts.Erc20.Abi.GetEvent("Transfer");
        AbiValue[] values = [AbiValue.FromAddress(Alice), AbiValue.FromAddress(Bob), AbiValue.FromUInt(1_000UL)];

        var topics = transfer.EncodeTopics(values);
        var data = transfer.EncodeData(values);

        Assert.Equal([transfer.Topic, new Hash256(Words.Of("0xa11ce")), new Hash256(Words.Of("0xb0b"))], topics);
        Assert.Equal(Words.Of("1000"), data);
        Assert.Equal(values, transfer.DecodeLog(topics, data));
    }

    [Fact]
    public void Logs_of_another_event_or_with_the_wrong_topic_count_are_refused()
    {
        var transfer = ContractArtifacts.Erc20.Abi.GetEvent("Transfer");
        var approval = ContractArtifacts.Erc20.Abi.GetEvent("Approval");
        AbiValue[] values = [AbiValue.FromAddress(Alice), AbiValue.FromAddress(Bob), AbiValue.FromUInt(1UL)];
        var topics = approval.EncodeTopics(values);
        var data = approval.EncodeData(values);

        Assert.Contains("is not the topic of Transfer", Assert.Throws<AbiDecodingException>(() => transfer.DecodeLog(topics, data)).Message, StringComparison.Ordinal);
        Assert.Contains("has 3 topics, the log has 2", Assert.Throws<AbiDecodingException>(() => transfer.DecodeLog(topics[..2], data)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_indexed_topic_with_dirty_padding_is_refused()
    {
        var transfer = ContractArtifacts.Erc20.Abi.GetEvent("Transfer");
        Hash256[] topics = [transfer.Topic, new Hash256(Words.Of("0x010000000000000000000000000000000000000000")), new Hash256(Words.Of("1"))];

        var error = Assert.Throws<AbiDecodingException>(() => transfer.DecodeLog(topics, Words.Of("1")));

        Assert.Contains("Indexed parameter address from", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexed_strings_bytes_arrays_and_tuples_are_hashes_of_their_in_place_encoding()
    {
        Assert.Equal(Keccak256.Compute("abc"u8), AbiEvent.EncodeTopic(AbiType.String, AbiValue.FromString("abc")));
        Assert.Equal(Keccak256.Compute([1, 2, 3]), AbiEvent.EncodeTopic(AbiType.Bytes, AbiValue.FromBytes([1, 2, 3])));
        Assert.Equal(
            Keccak256.Compute(Words.Of("1", "2")),
            AbiEvent.EncodeTopic(AbiType.Parse("uint256[]"), AbiValue.ArrayOf(AbiValue.FromUInt(1UL), AbiValue.FromUInt(2UL))));
        Assert.Equal(
            Keccak256.Compute(Words.Of("raw:6100000000000000000000000000000000000000000000000000000000000000", "raw:6263000000000000000000000000000000000000000000000000000000000000")),
            AbiEvent.EncodeTopic(AbiType.Parse("string[2]"), AbiValue.ArrayOf(AbiValue.FromString("a"), AbiValue.FromString("bc"))));
        Assert.Equal(
            Keccak256.Compute(Words.Of("7", "1")),
            AbiEvent.EncodeTopic(AbiType.Parse("(uint8,bool)"), AbiValue.TupleOf(AbiValue.FromUInt(7UL), AbiValue.FromBool(true))));
    }

    [Fact]
    public void Decoding_returns_the_topic_of_indexed_dynamic_values()
    {
        var tagged = new AbiEvent("Tagged", [new AbiParameter("tag", AbiType.String, indexed: true), new AbiParameter("note", AbiType.String)]);
        AbiValue[] values = [AbiValue.FromString("urgent"), AbiValue.FromString("call back")];

        var decoded = tagged.DecodeLog(tagged.EncodeTopics(values), tagged.EncodeData(values));

        Assert.Equal(Keccak256.Compute("urgent"u8), decoded[0].AsHash256());
        Assert.Equal("call back", decoded[1].AsString());
    }

    [Fact]
    public void Anonymous_events_have_no_signature_topic_and_take_four_indexed_values()
    {
        var indexed = new AbiParameter("v", AbiType.UInt256, indexed: true);
        var anonymous = new AbiEvent("A", [indexed, indexed, indexed, indexed], anonymous: true);
        AbiValue[] values = [AbiValue.FromUInt(1UL), AbiValue.FromUInt(2UL), AbiValue.FromUInt(3UL), AbiValue.FromUInt(4UL)];

        var topics = anonymous.EncodeTopics(values);

        Assert.Equal(4, topics.Length);
        Assert.Equal(values, anonymous.DecodeLog(topics, []));
        Assert.Throws<ArgumentException>(() => new AbiEvent("B", [indexed, indexed, indexed, indexed]));
    }
}
