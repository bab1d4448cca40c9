using Nectar.Chain.Execution;
using Nectar.Chain.Genesis;
using Nectar.Chain.Storage;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.State;
using Nectar.Trie;

namespace Nectar.Chain.Tests.Genesis;

public sealed class GenesisBuilderTests
{
    private static readonly Address Funded = Address.Parse("0x00000000000000000000000000000000000000f1");
    private static readonly Address Contract = Address.Parse("0x00000000000000000000000000000000000000f2");
    private static readonly Address Empty = Address.Parse("0x00000000000000000000000000000000000000f3");

    [Fact]
    public void Writes_every_allocated_account_into_the_state()
    {
        var state = StoreChainState.CreateInMemory();

        GenesisBuilder.Build(Spec(), ForkSpec.For(Fork.Prague), state);

        var world = state.World;
        Assert.Equal(new UInt256(1_000), world.GetBalance(Funded));
        Assert.Equal(3UL, world.GetNonce(Funded));
        Assert.Equal([0x60, 0x00], world.GetCode(Contract));
        Assert.Equal(new UInt256(0x22), world.GetStorage(Contract, 1));
        Assert.Equal(0UL, state.BlockNumber);
    }

    [Fact]
    public void Keeps_allocated_empty_accounts()
    {
        var state = StoreChainState.CreateInMemory();

        GenesisBuilder.Build(Spec(), ForkSpec.For(Fork.Prague), state);

        Assert.True(state.World.Exists(Empty));
    }

    [Fact]
    public void The_state_root_is_the_secure_trie_of_the_accounts()
    {
        var state = StoreChainState.CreateInMemory();
        var spec = new GenesisSpec { Alloc = new Dictionary<Address, GenesisAccount> { [Funded] = new() { Balance = 7, Nonce = 1 } } };

        var block = GenesisBuilder.Build(spec, ForkSpec.For(Fork.Prague), state);

        var trie = new SecureTrie();
        trie.Set(Funded.Bytes, new Account(1, new UInt256(7), Hash256.EmptyTrieRoot, Core.Hashing.Keccak256.OfEmpty).Encode());
        Assert.Equal(trie.RootHash, block.Header.StateRoot);
        Assert.Equal(block.Header.StateRoot, state.StateRoot);
    }

    [Fact]
    public void The_header_has_the_fields_of_its_fork()
    {
        foreach (var fork in new[] { Fork.London, Fork.Shanghai, Fork.Cancun, Fork.Prague })
        {
            var spec = ForkSpec.For(fork);

            var block = GenesisBuilder.Build(Spec(), spec, StoreChainState.CreateInMemory());

            Assert.True(BlockHeaderCodec.HasFieldsOf(block.Header, spec), fork.ToString());
            Assert.Equal(spec.IsEip4895Enabled, block.Withdrawals.HasValue);
        }
    }

    [Fact]
    public void The_header_carries_the_given_fields_and_empty_roots()
    {
        var genesis = Spec();

        var header = GenesisBuilder.Build(genesis, ForkSpec.For(Fork.Prague), StoreChainState.CreateInMemory()).Header;

        Assert.Equal(0UL, header.Number);
        Assert.Equal(genesis.Timestamp, header.Timestamp);
        Assert.Equal(genesis.GasLimit, header.GasLimit);
        Assert.Equal(genesis.ExtraData.ToArray(), header.ExtraData.ToArray());
        Assert.Equal(genesis.MixHash, header.MixHash);
        Assert.Equal(new UInt256(BaseFee.InitialBaseFee), header.BaseFeePerGas);
        Assert.Equal(Hash256.EmptyTrieRoot, header.TransactionsRoot);
        Assert.Equal(Hash256.EmptyTrieRoot, header.ReceiptsRoot);
        Assert.Equal(Hash256.EmptyTrieRoot, header.WithdrawalsRoot);
        Assert.Equal(Hash256.EmptyListHash, header.OmmersHash);
        Assert.Equal(ExecutionRequests.EmptyHash, header.RequestsHash);
        Assert.Equal(Hash256.Parse("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), ExecutionRequests.EmptyHash);
    }

    [Fact]
    public void Two_builds_of_one_spec_give_the_same_block()
    {
        var first = GenesisBuilder.Build(Spec(), ForkSpec.For(Fork.Prague), StoreChainState.CreateInMemory());
        var second = GenesisBuilder.Build(Spec(), ForkSpec.For(Fork.Prague), StoreChainState.CreateInMemory());

        Assert.Equal(first.Hash, second.Hash);
    }

    [Fact]
    public void Refuses_a_state_that_already_holds_a_block()
    {
        var state = StoreChainState.CreateInMemory();
        GenesisBuilder.Build(Spec(), ForkSpec.For(Fork.Prague), state);

        Assert.Throws<InvalidOperationException>(() => GenesisBuilder.Build(Spec(), ForkSpec.For(Fork.Prague), state));
    }

    private static GenesisSpec Spec() => new()
    {
        Alloc = new Dictionary<Address, GenesisAccount>
        {
            [Funded] = new() { Balance = 1_000, Nonce = 3 },
            [Contract] = new() { Nonce = 1, Code = new byte[] { 0x60, 0x00 }, Storage = new Dictionary<UInt256, UInt256> { [1] = 0x22, [2] = 0 } },
            [Empty] = new(),
        },
        Timestamp = 1_234,
        GasLimit = 45_000_000,
        ExtraData = "genesis"u8.ToArray(),
        MixHash = Hash256.Parse("0x00000000000000000000000000000000000000000000000000000000000000aa"),
    };
}
