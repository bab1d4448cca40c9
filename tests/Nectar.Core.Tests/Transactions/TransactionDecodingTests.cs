using Nectar.Core.Encoding;
using Nectar.Core.Transactions;

namespace Nectar.Core.Tests.Transactions;

/// <summary>Decoding is strict: every malformed, non-canonical or out-of-range input fails with a specific error.</summary>
public sealed class TransactionDecodingTests
{
    private const int Seed = 0x7478;

    private static readonly byte[] Address20 = [.. Enumerable.Repeat((byte)0x35, 20)];
    private static readonly byte[] Word32 = [.. Enumerable.Repeat((byte)0x11, 32)];

    [Fact]
    public void Rejects_blob_transactions_with_a_specific_error()
    {
        var encoded = Typed(3, DynamicFeeFields());
        var error = Assert.Throws<TransactionDecodingException>(() => TransactionCodec.Decode(encoded));
        Assert.Equal(TransactionError.BlobTransactionsNotSupported, error.Error);
        Assert.Contains("blob transactions (type 3) are not supported", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x05)]
    [InlineData(0x7f)]
    public void Rejects_unknown_types(byte type)
    {
        var error = Assert.Throws<TransactionDecodingException>(() => TransactionCodec.Decode(Typed(type, DynamicFeeFields())));
        Assert.Equal(TransactionError.UnsupportedType, error.Error);
        Assert.Contains($"0x{type:x2}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_empty_input()
    {
        AssertRejected([], TransactionError.InvalidRlp, "empty");
    }

    [Fact]
    public void Rejects_a_byte_string_where_a_transaction_belongs()
    {
        AssertRejected(Rlp.EncodeBytes(RlpItem.FromList(LegacyFields()).Encode()), TransactionError.InvalidRlp, "string header");
    }

    [Fact]
    public void Rejects_a_type_byte_not_followed_by_a_list()
    {
        AssertRejected([0x02, .. Rlp.EncodeBytes([1, 2, 3])], TransactionError.InvalidRlp, "Expected an RLP list");
    }

    [Fact]
    public void Rejects_trailing_bytes_after_a_legacy_transaction()
    {
        AssertRejected([.. Legacy(LegacyFields()), 0x00], TransactionError.InvalidRlp, "trailing");
    }

    [Fact]
    public void Rejects_trailing_bytes_after_a_typed_transaction()
    {
        AssertRejected([.. Typed(2, DynamicFeeFields()), 0x80], TransactionError.InvalidRlp, "trailing");
    }

    [Fact]
    public void Rejects_a_legacy_transaction_with_too_few_fields()
    {
        AssertRejected(Legacy(LegacyFields()[..8]), TransactionError.InvalidRlp, "'s' is missing");
    }

    [Fact]
    public void Rejects_a_legacy_transaction_with_too_many_fields()
    {
        AssertRejected(Legacy([.. LegacyFields(), RlpItem.Empty]), TransactionError.InvalidRlp, "more than the 9 fields");
    }

    [Fact]
    public void Rejects_a_dynamic_fee_transaction_with_a_missing_field()
    {
        AssertRejected(Typed(2, DynamicFeeFields()[..11]), TransactionError.InvalidRlp, "'s' is missing");
    }

    [Fact]
    public void Rejects_a_set_code_transaction_without_its_authorization_list()
    {
        // A type-2 body under the type-4 byte: the access list is followed by y parity, not an authorization list.
        AssertRejected(Typed(4, DynamicFeeFields()), TransactionError.InvalidRlp, "authorizationList");
    }

    [Fact]
    public void Rejects_an_integer_with_a_leading_zero()
    {
        AssertRejected(Legacy(Replace(LegacyFields(), 0, RlpItem.FromBytes([0x00, 0x01]))), TransactionError.InvalidRlp, "'nonce'");
        AssertRejected(Legacy(Replace(LegacyFields(), 0, RlpItem.FromBytes([0x00]))), TransactionError.InvalidRlp, "leading zero");
    }

    [Fact]
    public void Rejects_a_list_where_an_integer_belongs()
    {
        AssertRejected(Legacy(Replace(LegacyFields(), 2, RlpItem.FromList(RlpItem.FromUInt64(21_000)))), TransactionError.InvalidRlp, "'gasLimit'");
    }

    [Fact]
    public void Rejects_data_given_as_a_list()
    {
        AssertRejected(Legacy(Replace(LegacyFields(), 5, RlpItem.EmptyList)), TransactionError.InvalidRlp, "'data'");
    }

    [Fact]
    public void Rejects_a_nonce_beyond_64_bits()
    {
        AssertRejected(Legacy(Replace(LegacyFields(), 0, Integer(9))), TransactionError.NonceOverflow, "'nonce'");
        AssertRejected(Typed(2, Replace(DynamicFeeFields(), 1, Integer(9))), TransactionError.NonceOverflow, "'nonce'");
    }

    [Fact]
    public void Accepts_a_nonce_of_exactly_64_bits()
    {
        Assert.Equal(ulong.MaxValue, TransactionCodec.Decode(Legacy(Replace(LegacyFields(), 0, RlpItem.FromUInt64(ulong.MaxValue)))).Nonce);
    }

    [Fact]
    public void Rejects_a_gas_limit_beyond_64_bits()
    {
        AssertRejected(Legacy(Replace(LegacyFields(), 2, Integer(9))), TransactionError.GasLimitOverflow, "'gasLimit'");
    }

    [Fact]
    public void Rejects_fees_and_value_beyond_256_bits()
    {
        AssertRejected(Legacy(Replace(LegacyFields(), 1, Integer(33))), TransactionError.GasPriceOverflow, "'gasPrice'");
        AssertRejected(Legacy(Replace(LegacyFields(), 4, Integer(33))), TransactionError.ValueOverflow, "'value'");
        AssertRejected(Typed(2, Replace(DynamicFeeFields(), 2, Integer(33))), TransactionError.PriorityFeeOverflow, "'maxPriorityFeePerGas'");
        AssertRejected(Typed(2, Replace(DynamicFeeFields(), 3, Integer(33))), TransactionError.GasPriceOverflow, "'maxFeePerGas'");
    }

    [Fact]
    public void Accepts_fees_and_value_of_exactly_256_bits()
    {
        var decoded = TransactionCodec.Decode(Legacy(Replace(Replace(LegacyFields(), 1, Integer(32)), 4, Integer(32))));
        Assert.Equal(32, decoded.GasPrice.ByteLength);
        Assert.Equal(32, decoded.Value.ByteLength);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Rejects_signature_values_beyond_256_bits(int field)
    {
        AssertRejected(Legacy(Replace(LegacyFields(), field, Integer(33))), TransactionError.InvalidSignature, "256 bits");
    }

    [Theory]
    [InlineData(19)]
    [InlineData(21)]
    [InlineData(1)]
    public void Rejects_a_recipient_that_is_not_20_bytes(int length)
    {
        AssertRejected(Legacy(Replace(LegacyFields(), 3, RlpItem.FromBytes(new byte[length]))), TransactionError.InvalidRlp, "'to'");
    }

    [Fact]
    public void Accepts_an_empty_recipient_as_contract_creation()
    {
        Assert.True(TransactionCodec.Decode(Legacy(Replace(LegacyFields(), 3, RlpItem.Empty))).IsContractCreation);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(0)]
    public void Rejects_an_access_list_storage_key_that_is_not_32_bytes(int length)
    {
        var accessList = RlpItem.FromList(RlpItem.FromList(RlpItem.FromBytes(Address20), RlpItem.FromList(RlpItem.FromBytes(new byte[length]))));
        AssertRejected(Typed(1, Replace(AccessListFields(), 7, accessList)), TransactionError.InvalidRlp, "'accessList'");
    }

    [Theory]
    [InlineData(19)]
    [InlineData(21)]
    public void Rejects_an_access_list_address_that_is_not_20_bytes(int length)
    {
        var accessList = RlpItem.FromList(RlpItem.FromList(RlpItem.FromBytes(new byte[length]), RlpItem.EmptyList));
        AssertRejected(Typed(1, Replace(AccessListFields(), 7, accessList)), TransactionError.InvalidRlp, "an address");
    }

    [Fact]
    public void Rejects_an_access_list_entry_with_extra_items()
    {
        var accessList = RlpItem.FromList(RlpItem.FromList(RlpItem.FromBytes(Address20), RlpItem.EmptyList, RlpItem.Empty));
        AssertRejected(Typed(1, Replace(AccessListFields(), 7, accessList)), TransactionError.InvalidRlp, "'accessList'");
    }

    [Fact]
    public void Rejects_an_access_list_given_as_a_string()
    {
        AssertRejected(Typed(1, Replace(AccessListFields(), 7, RlpItem.Empty)), TransactionError.InvalidRlp, "'accessList'");
    }

    [Fact]
    public void Rejects_an_authorization_nonce_beyond_64_bits()
    {
        var authorization = Authorization(nonce: Integer(9));
        AssertRejected(Typed(4, Replace(SetCodeFields(), 9, RlpItem.FromList(authorization))), TransactionError.NonceOverflow, "Authorization 0");
    }

    [Fact]
    public void Rejects_an_authorization_y_parity_beyond_8_bits()
    {
        var authorization = Authorization(yParity: RlpItem.FromBytes([0x01, 0x00]));
        AssertRejected(Typed(4, Replace(SetCodeFields(), 9, RlpItem.FromList(authorization))), TransactionError.InvalidRlp, "'authorizationList'");
    }

    [Fact]
    public void Rejects_an_authorization_with_a_missing_item()
    {
        var authorization = RlpItem.FromList(Authorization().Items.Take(5));
        AssertRejected(Typed(4, Replace(SetCodeFields(), 9, RlpItem.FromList(authorization))), TransactionError.InvalidRlp, "'authorizationList'");
    }

    [Fact]
    public void Decodes_the_hand_built_samples()
    {
        Assert.Equal(TransactionType.Legacy, TransactionCodec.Decode(Legacy(LegacyFields())).Type);
        Assert.Equal(TransactionType.AccessList, TransactionCodec.Decode(Typed(1, AccessListFields())).Type);
        Assert.Equal(TransactionType.DynamicFee, TransactionCodec.Decode(Typed(2, DynamicFeeFields())).Type);
        var setCode = TransactionCodec.Decode(Typed(4, SetCodeFields()));
        Assert.Equal(TransactionType.SetCode, setCode.Type);
        Assert.Single(setCode.AuthorizationList);
        Assert.Equal(7UL, setCode.AuthorizationList[0].Nonce);
    }

    [Fact]
    public void TryDecode_reports_the_error_without_throwing()
    {
        Assert.False(TransactionCodec.TryDecode(Typed(3, DynamicFeeFields()), out var transaction, out var result));
        Assert.Null(transaction);
        Assert.Equal(TransactionError.BlobTransactionsNotSupported, result.Error);
        Assert.False(result.IsValid);

        Assert.True(TransactionCodec.TryDecode(Typed(2, DynamicFeeFields()), out transaction, out result));
        Assert.NotNull(transaction);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Rejects_a_legacy_transaction_wrapped_as_a_byte_string_in_a_block_body()
    {
        var body = Rlp.EncodeList(Rlp.EncodeBytes(Legacy(LegacyFields())));
        var error = Assert.Throws<TransactionDecodingException>(() => ReadFirstFromBody(body));
        Assert.Equal(TransactionError.InvalidRlp, error.Error);
        Assert.Contains("typed transaction", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_typed_transaction_not_wrapped_in_a_block_body()
    {
        var body = Rlp.EncodeList(Typed(2, DynamicFeeFields()));
        Assert.Throws<TransactionDecodingException>(() => ReadFirstFromBody(body));
    }

    [Fact]
    public void Mutated_encodings_either_fail_with_a_decoding_error_or_are_canonical()
    {
        var random = new Random(Seed);
        var types = new[] { TransactionType.Legacy, TransactionType.AccessList, TransactionType.DynamicFee, TransactionType.SetCode };
        var samples = Enumerable.Range(0, 40)
            .Select(i => TransactionCodec.Encode(TransactionSamples.Random(random, types[i % types.Length])))
            .ToArray();
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var input = Mutate(random, samples[random.Next(samples.Length)]);
            Transaction decoded;
            try
            {
                decoded = TransactionCodec.Decode(input);
            }
            catch (TransactionDecodingException e)
            {
                Assert.NotEqual(TransactionError.None, e.Error);
                Assert.False(string.IsNullOrEmpty(e.Message));
                continue;
            }

            // Strict decoding: whatever is accepted is the one canonical encoding of what was decoded.
            accepted++;
            Assert.Equal(input, TransactionCodec.Encode(decoded));
        }

        Assert.InRange(accepted, 1, 19_999);
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var input = (byte[])valid.Clone();
        switch (random.Next(4))
        {
            case 0:
                input[random.Next(input.Length)] = (byte)random.Next(256);
                return input;
            case 1:
                return input[..random.Next(input.Length)];
            case 2:
                return [.. input, (byte)random.Next(256)];
            default:
                var position = random.Next(input.Length);
                input[position] ^= (byte)(1 << random.Next(8));
                return input;
        }
    }

    private static void AssertRejected(byte[] encoded, TransactionError expected, string messagePart)
    {
        var error = Assert.Throws<TransactionDecodingException>(() => TransactionCodec.Decode(encoded));
        Assert.Equal(expected, error.Error);
        Assert.Contains(messagePart, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(TransactionCodec.TryDecode(encoded, out _, out var result));
        Assert.Equal(expected, result.Error);
    }

    private static Transaction ReadFirstFromBody(byte[] body)
    {
        var reader = new RlpReader(body).ReadList();
        return TransactionCodec.ReadFromBlockBody(ref reader);
    }

    private static RlpItem Integer(int bytes) => RlpItem.FromBytes([.. Enumerable.Repeat((byte)0x01, bytes)]);

    private static RlpItem[] Replace(RlpItem[] fields, int index, RlpItem value)
    {
        var copy = (RlpItem[])fields.Clone();
        copy[index] = value;
        return copy;
    }

    private static byte[] Legacy(RlpItem[] fields) => RlpItem.FromList(fields).Encode();

    private static byte[] Typed(byte type, RlpItem[] fields) => [type, .. RlpItem.FromList(fields).Encode()];

    private static RlpItem[] LegacyFields() =>
    [
        RlpItem.FromUInt64(9), RlpItem.FromUInt64(20_000_000_000), RlpItem.FromUInt64(21_000), RlpItem.FromBytes(Address20),
        RlpItem.FromUInt64(1), RlpItem.Empty, RlpItem.FromUInt64(37), RlpItem.FromBytes(Word32), RlpItem.FromBytes(Word32),
    ];

    private static RlpItem[] AccessListFields() =>
    [
        RlpItem.FromUInt64(1), RlpItem.FromUInt64(9), RlpItem.FromUInt64(20_000_000_000), RlpItem.FromUInt64(21_000),
        RlpItem.FromBytes(Address20), RlpItem.FromUInt64(1), RlpItem.Empty,
        RlpItem.FromList(RlpItem.FromList(RlpItem.FromBytes(Address20), RlpItem.FromList(RlpItem.FromBytes(Word32)))),
        RlpItem.FromUInt64(1), RlpItem.FromBytes(Word32), RlpItem.FromBytes(Word32),
    ];

    private static RlpItem[] DynamicFeeFields() =>
    [
        RlpItem.FromUInt64(1), RlpItem.FromUInt64(9), RlpItem.FromUInt64(1_000_000_000), RlpItem.FromUInt64(20_000_000_000),
        RlpItem.FromUInt64(21_000), RlpItem.FromBytes(Address20), RlpItem.FromUInt64(1), RlpItem.Empty, RlpItem.EmptyList,
        RlpItem.Empty, RlpItem.FromBytes(Word32), RlpItem.FromBytes(Word32),
    ];

    private static RlpItem[] SetCodeFields()
    {
        var fields = DynamicFeeFields().ToList();
        fields.Insert(9, RlpItem.FromList(Authorization()));
        return [.. fields];
    }

    private static RlpItem Authorization(RlpItem? nonce = null, RlpItem? yParity = null) => RlpItem.FromList(
        RlpItem.FromUInt64(1), RlpItem.FromBytes(Address20), nonce ?? RlpItem.FromUInt64(7), yParity ?? RlpItem.FromUInt64(1),
        RlpItem.FromBytes(Word32), RlpItem.FromBytes(Word32));
}
