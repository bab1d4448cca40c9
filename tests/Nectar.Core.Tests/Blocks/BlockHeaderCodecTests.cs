using Nectar.Core.Blocks;
using Nectar.Core.Encoding;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;

namespace Nectar.Core.Tests.Blocks;

public sealed class BlockHeaderCodecTests
{
    public static TheoryData<Fork, int> Shapes() => new()
    {
        { Fork.Frontier, 15 },
        { Fork.Berlin, 15 },
        { Fork.London, 16 },
        { Fork.Paris, 16 },
        { Fork.Shanghai, 17 },
        { Fork.Cancun, 20 },
        { Fork.Prague, 21 },
    };

    [Fact]
    public void Hashes_the_mainnet_genesis_header()
    {
        var genesis = new BlockHeader
        {
            StateRoot = Hash256.Parse("0xd7f8974fb5ac78d9ac099b9ad5018bedc2ce0a72dad1827a1709da30580f0544"),
            TransactionsRoot = Hash256.EmptyTrieRoot,
            ReceiptsRoot = Hash256.EmptyTrieRoot,
            Difficulty = 0x400000000UL,
            GasLimit = 5_000,
            ExtraData = Hex.Decode("0x11bbe8db4e347b4e8c937c1c8370e4b5ed33adb3db69cbdb7a38e1e50b1b82fa"),
            Nonce = 0x42,
        };

        Assert.Equal(Hash256.Parse("0xd4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3"), genesis.Hash);
        Assert.True(BlockHeaderCodec.HasFieldsOf(genesis, ForkSpec.For(Fork.Frontier)));
        Assert.False(BlockHeaderCodec.HasFieldsOf(genesis, ForkSpec.For(Fork.London)));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Round_trips_a_header_of_every_shape(Fork fork, int fields)
    {
        var spec = ForkSpec.For(fork);
        var header = Sample(spec, new Random((int)fork));
        Assert.Equal(fields, BlockHeaderCodec.FieldCountFor(spec));
        Assert.Equal(fields, BlockHeaderCodec.FieldCount(header));
        Assert.True(BlockHeaderCodec.HasFieldsOf(header, spec));

        var encoded = BlockHeaderCodec.Encode(header);
        Assert.Equal(BlockHeaderCodec.GetEncodedLength(header), encoded.Length);
        Assert.Equal(fields, RlpItem.Decode(encoded).Items.Count);

        var decoded = BlockHeaderCodec.Decode(encoded, spec);
        Assert.Equal(encoded, BlockHeaderCodec.Encode(decoded));
        Assert.Equal(Keccak256.Compute(encoded), decoded.Hash);
        Assert.Equal(header.Hash, decoded.Hash);
        Assert.Equal(header.BaseFeePerGas, decoded.BaseFeePerGas);
        Assert.Equal(header.WithdrawalsRoot, decoded.WithdrawalsRoot);
        Assert.Equal(header.BlobGasUsed, decoded.BlobGasUsed);
        Assert.Equal(header.ExcessBlobGas, decoded.ExcessBlobGas);
        Assert.Equal(header.ParentBeaconBlockRoot, decoded.ParentBeaconBlockRoot);
        Assert.Equal(header.RequestsHash, decoded.RequestsHash);
        Assert.Equal(header.LogsBloom, decoded.LogsBloom);
        Assert.Equal(header.Nonce, decoded.Nonce);
        Assert.Equal(header.Difficulty, decoded.Difficulty);
    }

    [Fact]
    public void Rejects_a_header_whose_fields_are_not_those_of_the_fork()
    {
        var cancun = Sample(ForkSpec.For(Fork.Cancun), new Random(1));
        var encoded = BlockHeaderCodec.Encode(cancun);
        var error = Assert.Throws<RlpException>(() => BlockHeaderCodec.Decode(encoded, ForkSpec.For(Fork.Prague)));
        Assert.Contains("20 fields; Prague headers have 21", error.Message, StringComparison.Ordinal);
        Assert.Throws<RlpException>(() => BlockHeaderCodec.Decode(encoded, ForkSpec.For(Fork.Shanghai)));
        Assert.NotNull(BlockHeaderCodec.Decode(encoded, ForkSpec.For(Fork.Cancun)));
    }

    [Fact]
    public void Refuses_to_encode_a_later_optional_field_without_the_earlier_ones()
    {
        var gap = new BlockHeader { WithdrawalsRoot = Hash256.EmptyTrieRoot };
        Assert.Throws<ArgumentException>(() => BlockHeaderCodec.Encode(gap));
        var blobWithoutBeacon = new BlockHeader { BaseFeePerGas = 7, WithdrawalsRoot = Hash256.Zero, BlobGasUsed = 0, ParentBeaconBlockRoot = Hash256.Zero };
        Assert.Throws<ArgumentException>(() => BlockHeaderCodec.FieldCount(blobWithoutBeacon));
    }

    [Fact]
    public void Rejects_a_bloom_that_is_not_256_bytes()
    {
        var items = Fields(Sample(ForkSpec.For(Fork.Cancun), new Random(2)));
        items[6] = RlpItem.FromBytes(new byte[255]);
        var error = Assert.Throws<RlpException>(() => BlockHeaderCodec.Decode(RlpItem.FromList(items).Encode()));
        Assert.Contains("logs bloom", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(9)]
    [InlineData(0)]
    public void Rejects_a_nonce_that_is_not_8_bytes(int length)
    {
        var items = Fields(Sample(ForkSpec.For(Fork.Paris), new Random(3)));
        items[14] = RlpItem.FromBytes(new byte[length]);
        var error = Assert.Throws<RlpException>(() => BlockHeaderCodec.Decode(RlpItem.FromList(items).Encode()));
        Assert.Contains("nonce", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_fields_beyond_Prague_and_trailing_bytes()
    {
        var items = Fields(Sample(ForkSpec.For(Fork.Prague), new Random(4)));
        Assert.Throws<RlpException>(() => BlockHeaderCodec.Decode(RlpItem.FromList([.. items, RlpItem.Empty]).Encode()));
        Assert.Throws<RlpException>(() => BlockHeaderCodec.Decode([.. BlockHeaderCodec.Encode(Sample(ForkSpec.For(Fork.Prague), new Random(4))), 0x80]));
    }

    [Fact]
    public void Rejects_too_few_fields()
    {
        var items = Fields(Sample(ForkSpec.For(Fork.Frontier), new Random(5)));
        Assert.Throws<RlpException>(() => BlockHeaderCodec.Decode(RlpItem.FromList(items[..14]).Encode()));
    }

    [Fact]
    public void Rejects_a_non_canonical_number()
    {
        var items = Fields(Sample(ForkSpec.For(Fork.Cancun), new Random(6)));
        items[8] = RlpItem.FromBytes([0x00, 0x05]);
        var error = Assert.Throws<RlpException>(() => BlockHeaderCodec.Decode(RlpItem.FromList(items).Encode()));
        Assert.Contains("leading zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prev_randao_is_the_mix_hash()
    {
        var header = new BlockHeader { MixHash = Hash256.EmptyTrieRoot };
        Assert.Equal(Hash256.EmptyTrieRoot, header.PrevRandao);
    }

    [Fact]
    public void Hash_is_cached()
    {
        var header = Sample(ForkSpec.For(Fork.Cancun), new Random(7));
        Assert.Equal(header.Hash, header.Hash);
        Assert.Equal(BlockHeaderCodec.ComputeHash(header), header.Hash);
    }

    [Fact]
    public void Hashes_headers_with_large_extra_data()
    {
        var header = new BlockHeader { ExtraData = new byte[5_000] };
        Assert.Equal(Keccak256.Compute(BlockHeaderCodec.Encode(header)), header.Hash);
    }

    internal static BlockHeader Sample(ForkSpec spec, Random random)
    {
        var bloom = default(Bloom);
        bloom.Add(RandomBytes(random, 20));
        return new BlockHeader
        {
            ParentHash = new Hash256(RandomBytes(random, 32)),
            Beneficiary = new Address(RandomBytes(random, 20)),
            StateRoot = new Hash256(RandomBytes(random, 32)),
            TransactionsRoot = new Hash256(RandomBytes(random, 32)),
            ReceiptsRoot = new Hash256(RandomBytes(random, 32)),
            LogsBloom = bloom,
            Difficulty = spec.IsEip4399Enabled ? UInt256.Zero : new UInt256((ulong)random.NextInt64()),
            Number = (ulong)random.NextInt64(),
            GasLimit = 30_000_000,
            GasUsed = (ulong)random.Next(30_000_000),
            Timestamp = (ulong)random.NextInt64(),
            ExtraData = RandomBytes(random, random.Next(33)),
            MixHash = new Hash256(RandomBytes(random, 32)),
            Nonce = spec.IsEip4399Enabled ? 0 : (ulong)random.NextInt64(),
            BaseFeePerGas = spec.IsEip1559Enabled ? new UInt256((ulong)random.NextInt64()) : null,
            WithdrawalsRoot = spec.IsEip4895Enabled ? new Hash256(RandomBytes(random, 32)) : null,
            BlobGasUsed = spec.IsEip4844Enabled ? (ulong)random.Next(1_000_000) : null,
            ExcessBlobGas = spec.IsEip4844Enabled ? (ulong)random.Next(1_000_000) : null,
            ParentBeaconBlockRoot = spec.IsEip4788Enabled ? new Hash256(RandomBytes(random, 32)) : null,
            RequestsHash = spec.IsEip7685Enabled ? new Hash256(RandomBytes(random, 32)) : null,
        };
    }

    private static RlpItem[] Fields(BlockHeader header) => [.. RlpItem.Decode(BlockHeaderCodec.Encode(header)).Items];

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
