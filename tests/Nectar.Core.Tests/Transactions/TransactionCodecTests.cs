using System.Globalization;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;

namespace Nectar.Core.Tests.Transactions;

public sealed class TransactionCodecTests
{
    // The worked example published with EIP-155: nonce 9, 20 gwei, 21,000 gas, 1 ether to 0x3535…, chain 1.
    private const string Eip155SigningPayload = "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080";
    private const string Eip155SigningHash = "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53";
    private const string Eip155Signed =
        "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

    private static readonly Transaction Eip155Unsigned = new()
    {
        Type = TransactionType.Legacy,
        ChainId = UInt256.One,
        Nonce = 9,
        GasPrice = 20_000_000_000UL,
        GasLimit = 21_000,
        To = TransactionSamples.Recipient,
        Value = 1_000_000_000_000_000_000UL,
    };

    public static TheoryData<TransactionType> Types() =>
        [TransactionType.Legacy, TransactionType.AccessList, TransactionType.DynamicFee, TransactionType.SetCode];

    [Fact]
    public void Produces_the_eip155_signing_payload_and_hash()
    {
        Assert.Equal(Eip155SigningPayload, Hex.ToHexString(TransactionCodec.EncodeForSigning(Eip155Unsigned)));
        Assert.Equal(Hash256.Parse(Eip155SigningHash), TransactionCodec.ComputeSigningHash(Eip155Unsigned));
    }

    [Fact]
    public void Decodes_the_signed_eip155_example()
    {
        var encoded = Hex.Decode(Eip155Signed);
        var transaction = TransactionCodec.Decode(encoded);

        Assert.Equal(TransactionType.Legacy, transaction.Type);
        Assert.Equal(UInt256.One, transaction.ChainId);
        Assert.Equal(9UL, transaction.Nonce);
        Assert.Equal(new UInt256(20_000_000_000UL), transaction.GasPrice);
        Assert.Equal(TransactionSamples.Recipient, transaction.To);
        Assert.Equal(new UInt256(37), transaction.V);
        Assert.Equal(UInt256.Parse("18515461264373351373200002665853028612451056578545711640558177340181847433846", CultureInfo.InvariantCulture), transaction.R);
        Assert.Equal(UInt256.Parse("46948507304638947509940763649030358759909902576025900602547168820602576006531", CultureInfo.InvariantCulture), transaction.S);
        Assert.True(transaction.TryGetYParity(out var parity));
        Assert.Equal(0, parity);

        Assert.Equal(encoded, TransactionCodec.Encode(transaction));
        Assert.Equal(Keccak256.Compute(encoded), transaction.Hash);
        Assert.Equal(Hash256.Parse(Eip155SigningHash), TransactionCodec.ComputeSigningHash(transaction));
    }

    [Fact]
    public void Signs_a_legacy_transaction_without_chain_id_over_six_fields()
    {
        var unprotected = Eip155Unsigned.WithSignature(27, 1, 1);
        var withoutChain = new Transaction
        {
            Nonce = 9,
            GasPrice = 20_000_000_000UL,
            GasLimit = 21_000,
            To = TransactionSamples.Recipient,
            Value = 1_000_000_000_000_000_000UL,
        };

        var payload = TransactionCodec.EncodeForSigning(withoutChain);
        Assert.Equal("0xe9098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080", Hex.ToHexString(payload));
        Assert.Equal(6, RlpItem.Decode(payload).Items.Count);
        Assert.Equal(9, RlpItem.Decode(TransactionCodec.EncodeForSigning(unprotected)).Items.Count);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Typed_signing_hash_is_keccak_of_type_and_unsigned_fields(TransactionType type)
    {
        var random = new Random(1000 + (int)type);
        var transaction = TransactionSamples.Random(random, type);
        var payload = TransactionCodec.EncodeForSigning(transaction);
        Assert.Equal(Keccak256.Compute(payload), TransactionCodec.ComputeSigningHash(transaction));

        var list = transaction.IsTyped ? payload.AsSpan(1) : payload;
        if (transaction.IsTyped)
        {
            Assert.Equal((byte)type, payload[0]);
        }

        // Typed: every field but y parity, r and s. The signature never enters the signing hash.
        var expectedFields = type switch
        {
            TransactionType.AccessList => 8,
            TransactionType.DynamicFee => 9,
            TransactionType.SetCode => 10,
            _ => transaction.ChainId is null ? 6 : 9,
        };
        Assert.Equal(expectedFields, RlpItem.Decode(list).Items.Count);
        Assert.Equal(TransactionCodec.ComputeSigningHash(transaction), TransactionCodec.ComputeSigningHash(transaction.WithSignature(1, 2, 3)));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Round_trips_random_transactions_of_every_type(TransactionType type)
    {
        var random = new Random(2000 + (int)type);
        for (var i = 0; i < 300; i++)
        {
            var transaction = TransactionSamples.Random(random, type);
            var encoded = TransactionCodec.Encode(transaction);
            Assert.Equal(TransactionCodec.GetEncodedLength(transaction), encoded.Length);
            Assert.Equal(transaction.IsTyped, encoded[0] < 0x80);

            var decoded = TransactionCodec.Decode(encoded);
            TransactionSamples.AssertSameFields(transaction, decoded);
            Assert.Equal(encoded, TransactionCodec.Encode(decoded));
            Assert.Equal(Keccak256.Compute(encoded), decoded.Hash);
            Assert.Equal(transaction.Hash, decoded.Hash);
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Wraps_typed_transactions_in_a_byte_string_inside_block_bodies(TransactionType type)
    {
        var random = new Random(3000 + (int)type);
        var transactions = Enumerable.Range(0, 20).Select(_ => TransactionSamples.Random(random, type)).ToArray();
        var contentLength = transactions.Sum(TransactionCodec.GetBlockBodyLength);
        var body = new byte[Rlp.LengthOfList(contentLength)];
        var writer = new RlpWriter(body);
        writer.WriteListHeader(contentLength);
        foreach (var transaction in transactions)
        {
            TransactionCodec.WriteForBlockBody(ref writer, transaction);
        }

        Assert.Equal(body.Length, writer.Position);
        var items = RlpItem.Decode(body).Items;
        for (var i = 0; i < transactions.Length; i++)
        {
            var canonical = TransactionCodec.Encode(transactions[i]);
            Assert.Equal(type != TransactionType.Legacy, !items[i].IsList);
            Assert.Equal(canonical, items[i].IsList ? items[i].Encode() : items[i].Bytes.ToArray());
        }

        var reader = new RlpReader(body).ReadList();
        foreach (var transaction in transactions)
        {
            Assert.Equal(transaction.Hash, TransactionCodec.ReadFromBlockBody(ref reader).Hash);
        }

        reader.EnsureEnd();
    }

    [Fact]
    public void Encodes_into_a_span_and_refuses_a_short_one()
    {
        var transaction = TransactionSamples.Random(new Random(4000), TransactionType.DynamicFee);
        var length = TransactionCodec.GetEncodedLength(transaction);
        var buffer = new byte[length + 10];
        Assert.Equal(length, TransactionCodec.Encode(transaction, buffer));
        Assert.Equal(TransactionCodec.Encode(transaction), buffer[..length]);
        Assert.Throws<ArgumentException>(() => TransactionCodec.Encode(transaction, new byte[length - 1]));
    }

    [Fact]
    public void Gas_price_types_read_the_gas_price_as_both_fee_caps()
    {
        var legacy = new Transaction { GasPrice = 7, MaxPriorityFeePerGas = 3 };
        Assert.Equal(new UInt256(7), legacy.MaxFeePerGas);
        Assert.Equal(new UInt256(7), legacy.MaxPriorityFeePerGas);

        var dynamic = new Transaction { Type = TransactionType.DynamicFee, MaxFeePerGas = 7, MaxPriorityFeePerGas = 3 };
        Assert.Equal(new UInt256(7), dynamic.GasPrice);
        Assert.Equal(new UInt256(3), dynamic.MaxPriorityFeePerGas);
    }

    [Fact]
    public void Hash_is_cached_and_a_new_signature_gives_a_new_hash()
    {
        var transaction = TransactionCodec.Decode(Hex.Decode(Eip155Signed));
        var first = transaction.Hash;
        Assert.Equal(first, transaction.Hash);
        var resigned = transaction.WithSignature(transaction.V, transaction.R, transaction.S + UInt256.One);
        Assert.NotEqual(first, resigned.Hash);
        Assert.Equal(transaction.Nonce, resigned.Nonce);
        Assert.Equal(transaction.ChainId, resigned.ChainId);
    }

    [Fact]
    public void Sender_is_absent_until_cached()
    {
        var transaction = TransactionCodec.Decode(Hex.Decode(Eip155Signed));
        Assert.Null(transaction.Sender);
        var sender = Address.Parse("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f");
        transaction.CacheSender(sender);
        Assert.Equal(sender, transaction.Sender);
        Assert.Null(transaction.WithSignature(transaction.V, transaction.R, transaction.S).Sender);
    }

    [Theory]
    [InlineData(27, null, true, 0)]
    [InlineData(28, null, true, 1)]
    [InlineData(26, null, false, 0)]
    [InlineData(29, null, false, 0)]
    [InlineData(0, null, false, 0)]
    [InlineData(37, 1, true, 0)]
    [InlineData(38, 1, true, 1)]
    [InlineData(39, 1, false, 0)]
    [InlineData(35, 0, true, 0)]
    [InlineData(36, 1, false, 0)]
    [InlineData(2709, 1337, true, 0)]
    [InlineData(2710, 1337, true, 1)]
    public void Derives_the_y_parity_of_legacy_signatures(ulong v, int? chainId, bool valid, int parity)
    {
        var transaction = new Transaction { V = v, ChainId = chainId is { } id ? new UInt256((ulong)id) : null };
        Assert.Equal(valid, transaction.TryGetYParity(out var yParity));
        Assert.Equal(parity, yParity);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(27, false)]
    public void Typed_y_parity_is_zero_or_one(ulong v, bool valid)
    {
        var transaction = new Transaction { Type = TransactionType.DynamicFee, V = v, ChainId = 1 };
        Assert.Equal(valid, transaction.TryGetYParity(out var parity));
        Assert.Equal(valid ? (int)v : 0, parity);
    }

    [Fact]
    public void Legacy_chain_id_is_derived_from_v_when_decoding()
    {
        foreach (var (v, chainId) in new (ulong V, ulong? ChainId)[] { (27, null), (28, null), (37, 1), (38, 1), (2709, 1337), (34, null), (35, 0) })
        {
            var encoded = TransactionCodec.Encode(new Transaction { GasLimit = 21_000, V = v, R = 1, S = 1 });
            var decoded = TransactionCodec.Decode(encoded);
            Assert.Equal(chainId is { } id ? new UInt256(id) : null, decoded.ChainId);
        }
    }

    [Fact]
    public void Authorization_signing_hash_is_keccak_of_magic_and_tuple()
    {
        var address = Address.Parse("0x000000000000000000000000000000000000aaaa");
        var expected = Keccak256.Compute([0x05, .. Rlp.EncodeList(Rlp.EncodeUInt64(1), Rlp.EncodeBytes(address.Bytes), Rlp.EncodeUInt64(7))]);
        Assert.Equal(expected, TransactionCodec.ComputeAuthorizationSigningHash(UInt256.One, address, 7));
        Assert.Equal(expected, TransactionCodec.ComputeAuthorizationSigningHash(new Authorization(UInt256.One, address, 7, 1, 5, 6)));
        Assert.NotEqual(expected, TransactionCodec.ComputeAuthorizationSigningHash(UInt256.Zero, address, 7));

        var maximal = TransactionCodec.ComputeAuthorizationSigningHash(UInt256.MaxValue, address, ulong.MaxValue);
        var maximalPayload = Rlp.EncodeList(Rlp.EncodeBytes(UInt256.MaxValue.ToBigEndian()), Rlp.EncodeBytes(address.Bytes), Rlp.EncodeUInt64(ulong.MaxValue));
        Assert.Equal(Keccak256.Compute([0x05, .. maximalPayload]), maximal);
    }
}
