using System.Collections.Immutable;
using System.Globalization;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.Crypto.Signing;

namespace Nectar.Crypto.Tests.Signing;

public sealed class TransactionSignerTests
{
    // EIP-155's worked example: this key signs nonce 9, 20 gwei, 21,000 gas, 1 ether to 0x3535… on chain 1.
    private static readonly byte[] Eip155Key = Hex.Decode("0x4646464646464646464646464646464646464646464646464646464646464646");
    private static readonly Address Eip155Sender = Address.Parse("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f");
    private const string Eip155Signed =
        "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

    private static readonly UInt256 N = UInt256.Parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", CultureInfo.InvariantCulture);

    private readonly TransactionSigner _signer = new(ManagedSecp256k1.Instance);

    public static TheoryData<TransactionType> Types() =>
        [TransactionType.Legacy, TransactionType.AccessList, TransactionType.DynamicFee, TransactionType.SetCode];

    [Fact]
    public void Reproduces_the_eip155_example_signature()
    {
        var unsigned = new Transaction
        {
            ChainId = UInt256.One,
            Nonce = 9,
            GasPrice = 20_000_000_000UL,
            GasLimit = 21_000,
            To = Address.Parse("0x3535353535353535353535353535353535353535"),
            Value = 1_000_000_000_000_000_000UL,
        };

        var signed = _signer.Sign(unsigned, Eip155Key);
        Assert.Equal(Eip155Signed, Hex.ToHexString(TransactionCodec.Encode(signed)));
        Assert.Equal(Eip155Sender, signed.Sender);
    }

    [Fact]
    public void Recovers_the_sender_of_the_eip155_example()
    {
        var transaction = TransactionCodec.Decode(Hex.Decode(Eip155Signed));
        Assert.Null(transaction.Sender);
        Assert.True(_signer.TryRecoverSender(transaction, out var sender));
        Assert.Equal(Eip155Sender, sender);
        Assert.Equal(Eip155Sender, transaction.Sender);
        Assert.Equal(Eip155Sender, _signer.RecoverSender(transaction));
        Assert.Equal(Eip155Sender, _signer.AddressOf(Eip155Key));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Signs_and_recovers_every_type(TransactionType type)
    {
        var random = new Random(500 + (int)type);
        for (var i = 0; i < 8; i++)
        {
            var key = RandomKey(random);
            var unsigned = Sample(type, random, chainId: i % 2 == 0 ? 1UL : 1337UL);
            var signed = _signer.Sign(unsigned, key);

            var decoded = TransactionCodec.Decode(TransactionCodec.Encode(signed));
            Assert.True(_signer.TryRecoverSender(decoded, out var sender));
            Assert.Equal(_signer.AddressOf(key), sender);
            Assert.True(decoded.TryGetYParity(out _));
            Assert.True(Secp256k1Curve.IsLowS(Signature(decoded)));
        }
    }

    [Theory]
    [InlineData(null, 27UL, 28UL)]
    [InlineData(1UL, 37UL, 38UL)]
    [InlineData(1337UL, 2709UL, 2710UL)]
    public void Legacy_v_follows_the_chain_id(ulong? chainId, ulong even, ulong odd)
    {
        var random = new Random(600);
        var seen = new HashSet<ulong>();
        for (var i = 0; i < 16; i++)
        {
            var unsigned = new Transaction { ChainId = chainId is { } id ? new UInt256(id) : null, Nonce = (ulong)i, GasLimit = 21_000, To = Address.Zero };
            var signed = _signer.Sign(unsigned, RandomKey(random));
            Assert.True(signed.V.IsUInt64);
            Assert.Contains(signed.V.U0, new[] { even, odd });
            seen.Add(signed.V.U0);
            Assert.Equal(signed.Sender, _signer.RecoverSender(TransactionCodec.Decode(TransactionCodec.Encode(signed))));
        }

        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public void A_changed_field_recovers_another_sender()
    {
        var key = RandomKey(new Random(700));
        var signed = _signer.Sign(Sample(TransactionType.DynamicFee, new Random(701), 1), key);
        var tampered = TransactionCodec.Decode(TransactionCodec.Encode(signed));
        var bytes = TransactionCodec.Encode(tampered);

        // Flip one bit of the value field's last byte by re-encoding with value + 1.
        var changed = new Transaction
        {
            Type = tampered.Type,
            ChainId = tampered.ChainId,
            Nonce = tampered.Nonce,
            MaxFeePerGas = tampered.MaxFeePerGas,
            MaxPriorityFeePerGas = tampered.MaxPriorityFeePerGas,
            GasLimit = tampered.GasLimit,
            To = tampered.To,
            Value = tampered.Value + UInt256.One,
            Data = tampered.Data,
            AccessList = tampered.AccessList,
            V = tampered.V,
            R = tampered.R,
            S = tampered.S,
        };

        Assert.NotEqual(bytes, TransactionCodec.Encode(changed));
        var recovered = _signer.TryRecoverSender(changed, out var sender);
        Assert.False(recovered && sender == signed.Sender);
    }

    [Fact]
    public void Fails_to_recover_from_a_v_of_no_valid_form()
    {
        var signed = _signer.Sign(Sample(TransactionType.Legacy, new Random(800), 1), RandomKey(new Random(801)));
        var broken = signed.WithSignature(signed.V + new UInt256(2), signed.R, signed.S);
        Assert.False(_signer.TryRecoverSender(broken, out var sender));
        Assert.True(sender.IsZero);
        Assert.Null(broken.Sender);
        Assert.Throws<ArgumentException>(() => _signer.RecoverSender(broken));
    }

    [Fact]
    public void Fails_to_recover_from_r_or_s_out_of_range()
    {
        var signed = _signer.Sign(Sample(TransactionType.DynamicFee, new Random(900), 1), RandomKey(new Random(901)));
        Assert.False(_signer.TryRecoverSender(signed.WithSignature(signed.V, UInt256.Zero, signed.S), out _));
        Assert.False(_signer.TryRecoverSender(signed.WithSignature(signed.V, signed.R, N), out _));
        Assert.False(_signer.TryRecoverSender(signed.WithSignature(new UInt256(2), signed.R, signed.S), out _));
    }

    [Fact]
    public void Recovers_high_s_signatures_and_leaves_the_rule_to_the_validator()
    {
        var signed = _signer.Sign(Sample(TransactionType.DynamicFee, new Random(1000), 1), RandomKey(new Random(1001)));
        var flipped = signed.WithSignature(signed.V ^ UInt256.One, signed.R, N - signed.S);
        Assert.True(_signer.TryRecoverSender(flipped, out var sender));
        Assert.Equal(signed.Sender, sender);
        Assert.Equal(TransactionError.InvalidSignature, TransactionValidator.ValidateSignature(flipped, Core.Specs.ForkSpec.For(Core.Specs.Fork.Cancun), 1).Error);
    }

    [Fact]
    public void Returns_the_cached_sender_without_recovering()
    {
        var signed = _signer.Sign(Sample(TransactionType.DynamicFee, new Random(1100), 1), RandomKey(new Random(1101)));
        var decoded = TransactionCodec.Decode(TransactionCodec.Encode(signed));
        var planted = Address.Parse("0x00000000000000000000000000000000000000aa");
        decoded.CacheSender(planted);
        Assert.True(_signer.TryRecoverSender(decoded, out var sender));
        Assert.Equal(planted, sender);
    }

    [Fact]
    public void Rejects_an_invalid_private_key()
    {
        var unsigned = Sample(TransactionType.Legacy, new Random(1200), 1);
        Assert.Throws<ArgumentException>(() => _signer.Sign(unsigned, new byte[32]));
        Assert.Throws<ArgumentException>(() => _signer.Sign(unsigned, N.ToBigEndian()));
        Assert.Throws<ArgumentException>(() => _signer.Sign(unsigned, new byte[31]));
    }

    [Fact]
    public void Recovers_a_batch_in_parallel_and_caches_every_sender()
    {
        var random = new Random(1300);
        var keys = Enumerable.Range(0, 5).Select(_ => RandomKey(random)).ToArray();
        var types = new[] { TransactionType.Legacy, TransactionType.AccessList, TransactionType.DynamicFee, TransactionType.SetCode };
        var expected = new List<Address?>();
        var batch = new List<Transaction>();
        for (var i = 0; i < 120; i++)
        {
            var key = keys[i % keys.Length];
            var signed = _signer.Sign(Sample(types[i % types.Length], random, 1), key);
            var decoded = TransactionCodec.Decode(TransactionCodec.Encode(signed));
            if (i % 10 == 7)
            {
                // A y parity of 2 recovers nothing.
                decoded = decoded.IsTyped ? decoded.WithSignature(new UInt256(2), decoded.R, decoded.S) : decoded.WithSignature(UInt256.Zero, decoded.R, decoded.S);
                expected.Add(null);
            }
            else
            {
                expected.Add(_signer.AddressOf(key));
            }

            batch.Add(decoded);
        }

        Assert.All(batch, t => Assert.Null(t.Sender));
        var recovered = _signer.RecoverSenders(batch);
        Assert.Equal(expected.Count(e => e is not null), recovered);
        for (var i = 0; i < batch.Count; i++)
        {
            Assert.Equal(expected[i], batch[i].Sender);
        }

        // Again: everything is cached; the count is unchanged.
        Assert.Equal(recovered, _signer.RecoverSenders(batch));
        Assert.Equal(0, _signer.RecoverSenders(Array.Empty<Transaction>()));
    }

    [Fact]
    public void Batch_recovery_without_the_cache_leaves_senders_unset()
    {
        var random = new Random(1400);
        var batch = Enumerable.Range(0, 40)
            .Select(i => TransactionCodec.Decode(TransactionCodec.Encode(_signer.Sign(Sample(TransactionType.DynamicFee, random, 1), RandomKey(random)))))
            .ToArray();
        Assert.Equal(40, _signer.RecoverSenders(batch, useCache: false));
        Assert.All(batch, t => Assert.Null(t.Sender));
    }

    private static Transaction Sample(TransactionType type, Random random, ulong chainId)
    {
        var data = new byte[random.Next(0, 100)];
        random.NextBytes(data);
        return new Transaction
        {
            Type = type,
            ChainId = type == TransactionType.Legacy && random.Next(3) == 0 ? null : new UInt256(chainId),
            Nonce = (ulong)random.Next(),
            MaxFeePerGas = (ulong)random.Next(),
            MaxPriorityFeePerGas = (ulong)random.Next(1000),
            GasLimit = 100_000,
            To = new Address(RandomBytes(random, 20)),
            Value = (ulong)random.Next(),
            Data = data,
            AccessList = type == TransactionType.Legacy ? [] : [new AccessListItem(new Address(RandomBytes(random, 20)), [new Hash256(RandomBytes(random, 32))])],
            AuthorizationList = type == TransactionType.SetCode
                ? ImmutableArray.Create(new Authorization(chainId, new Address(RandomBytes(random, 20)), 3, 0, 5, 6))
                : [],
        };
    }

    private static byte[] Signature(Transaction transaction) => [.. transaction.R.ToBigEndian(), .. transaction.S.ToBigEndian()];

    private static byte[] RandomKey(Random random)
    {
        while (true)
        {
            var key = RandomBytes(random, 32);
            if (Secp256k1Curve.IsInScalarRange(key))
            {
                return key;
            }
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
