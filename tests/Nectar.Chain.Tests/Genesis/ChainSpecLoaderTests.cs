using System.Text.Json;
using Nectar.Chain.Genesis;
using Nectar.Chain.Storage;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;

namespace Nectar.Chain.Tests.Genesis;

public sealed class ChainSpecLoaderTests
{
    private static readonly Address Alice = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    private static readonly Address Bob = Address.Parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    private static readonly UInt256 Ether = UInt256.Parse("1000000000000000000");

    private const string Full = """
        {
          // Comments and trailing commas are allowed in hand-written specs.
          "name": "Test Chain",
          "chainId": 632827,
          "forks": { "genesis": "cancun", "prague": 1700000100 },
          "genesis": {
            "timestamp": 1700000000,
            "gasLimit": "0x1c9c380",
            "baseFeePerGas": "7 gwei",
            "coinbase": "0x00000000000000000000000000000000000000cb",
            "extraData": "0x6e6563746172",
          },
          "predeploys": { "create2Deployer": true, "historyStorage": false },
          "alloc": {
            "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266": { "balance": "10000 ether", "nonce": 3 },
            "0x70997970c51812dc3a010c7d01b50e0d17dc79c8": {
              "balance": "0x10",
              "code": "0x6000",
              "storage": { "0x01": "0x22", "2": "35" }
            },
          },
        }
        """;

    [Fact]
    public void Reads_every_field_of_a_full_spec()
    {
        var spec = ChainSpecLoader.Parse(Full);

        Assert.Equal("Test Chain", spec.Name);
        Assert.Equal(632827UL, spec.ChainId);
        Assert.Equal(Fork.Cancun, spec.GenesisFork.Fork);
        Assert.Equal([new ForkActivation(Fork.Prague, 1700000100)], spec.Activations);
        var genesis = spec.Genesis;
        Assert.Equal(1700000000UL, genesis.Timestamp);
        Assert.Equal(30_000_000UL, genesis.GasLimit);
        Assert.Equal(new UInt256(7_000_000_000), genesis.BaseFeePerGas);
        Assert.Equal(Address.Parse("0x00000000000000000000000000000000000000cb"), genesis.Coinbase);
        Assert.Equal("nectar"u8.ToArray(), genesis.ExtraData.ToArray());
        Assert.Equal(ChainPredeploys.Create2Deployer, spec.Predeploys);

        Assert.Equal(Ether * 10_000, genesis.Alloc[Alice].Balance);
        Assert.Equal(3UL, genesis.Alloc[Alice].Nonce);
        Assert.Equal(new UInt256(16), genesis.Alloc[Bob].Balance);
        Assert.Equal([0x60, 0x00], genesis.Alloc[Bob].Code.ToArray());
        Assert.Equal(new UInt256(0x22), genesis.Alloc[Bob].Storage[1]);
        Assert.Equal(new UInt256(35), genesis.Alloc[Bob].Storage[2]);
        Assert.True(genesis.Alloc.ContainsKey(Predeploys.Create2DeployerAddress));
        Assert.False(genesis.Alloc.ContainsKey(Predeploys.HistoryStorageAddress));
        Assert.Equal(3, genesis.Alloc.Count);
    }

    [Fact]
    public void Schedules_Prague_after_Cancun_by_timestamp()
    {
        var spec = ChainSpecLoader.Parse(Full);

        Assert.Equal(Fork.Cancun, spec.Forks.At(1700000000).Fork);
        Assert.Equal(Fork.Cancun, spec.Forks.At(1700000099).Fork);
        Assert.Equal(Fork.Prague, spec.Forks.At(1700000100).Fork);
    }

    [Fact]
    public void A_minimal_spec_gets_the_defaults()
    {
        var spec = ChainSpecLoader.Parse("""{ "name": "m", "chainId": 1, "forks": { "genesis": "prague" } }""");

        Assert.Equal(Fork.Prague, spec.GenesisFork.Fork);
        Assert.Empty(spec.Activations);
        Assert.Equal(0UL, spec.Genesis.Timestamp);
        Assert.Equal(ChainSpec.DefaultGasLimit, spec.Genesis.GasLimit);
        Assert.Equal(new UInt256(1_000_000_000), spec.Genesis.BaseFeePerGas);
        Assert.Equal(Address.Zero, spec.Genesis.Coinbase);
        Assert.True(spec.Genesis.ExtraData.IsEmpty);
        Assert.Equal(ChainPredeploys.Default, spec.Predeploys);
        Assert.Equal([Predeploys.HistoryStorageAddress, Predeploys.Create2DeployerAddress], spec.Genesis.Alloc.Keys.Order());
        Assert.Empty(spec.Extensions);
    }

    [Theory]
    [InlineData("1000000000")]
    [InlineData("0x3b9aca00")]
    [InlineData("1 gwei")]
    [InlineData("0.000000001 ether")]
    [InlineData("1000000000 wei")]
    [InlineData("1.000 gwei")]
    public void Quantities_may_be_hex_decimal_or_amounts_with_units(string written)
    {
        var spec = ChainSpecLoader.Parse($$"""{ "name": "q", "chainId": 1, "forks": { "genesis": "prague" }, "genesis": { "baseFeePerGas": "{{written}}" } }""");

        Assert.Equal(new UInt256(1_000_000_000), spec.Genesis.BaseFeePerGas);
    }

    [Fact]
    public void Accepts_named_extension_sections_and_hands_them_over()
    {
        var spec = ChainSpecLoader.Parse(
            """{ "name": "x", "chainId": 1, "forks": { "genesis": "prague" }, "registry": { "organizations": [] } }""",
            "registry");

        Assert.Equal(JsonValueKind.Array, spec.Extensions["registry"].GetProperty("organizations").ValueKind);
    }

    [Fact]
    public void Refuses_sections_it_was_not_told_about()
    {
        var error = Assert.Throws<ChainSpecException>(() => ChainSpecLoader.Parse(
            """{ "name": "x", "chainId": 1, "forks": { "genesis": "prague" }, "registry": {} }"""));

        Assert.Equal("$.registry", Assert.Single(error.Errors).Path);
    }

    [Fact]
    public void Extension_names_cannot_shadow_built_in_sections()
    {
        Assert.Throws<ArgumentException>(() => ChainSpecLoader.Parse("""{ "name": "x", "chainId": 1, "forks": { "genesis": "prague" } }""", "alloc"));
    }

    [Fact]
    public void Layers_above_add_accounts_to_a_copy()
    {
        var spec = ChainSpecLoader.Parse(Full);
        var extra = Address.Parse("0x00000000000000000000000000000000000000e1");

        var extended = spec.WithAccounts(new Dictionary<Address, GenesisAccount> { [extra] = new() { Balance = 5 } });

        Assert.Equal(new UInt256(5), extended.Genesis.Alloc[extra].Balance);
        Assert.False(spec.Genesis.Alloc.ContainsKey(extra));
        Assert.Equal(spec.Genesis.Timestamp, extended.Genesis.Timestamp);
        Assert.Equal(spec.Genesis.BaseFeePerGas, extended.Genesis.BaseFeePerGas);
        Assert.Equal(spec.Genesis.ExtraData.ToArray(), extended.Genesis.ExtraData.ToArray());
        Assert.Same(spec.Forks, extended.Forks);
    }

    [Fact]
    public void Layers_above_cannot_replace_allocated_accounts()
    {
        var spec = ChainSpecLoader.Parse(Full);

        Assert.Throws<ArgumentException>(() => spec.WithAccounts(new Dictionary<Address, GenesisAccount> { [Alice] = new() }));
        Assert.Throws<ArgumentException>(() => spec.WithAccounts(new Dictionary<Address, GenesisAccount> { [Predeploys.Create2DeployerAddress] = new() }));
    }

    [Fact]
    public void The_genesis_block_follows_the_spec()
    {
        var spec = ChainSpecLoader.Parse(Full);
        var state = StoreChainState.CreateInMemory();

        var block = GenesisBuilder.Build(spec.Genesis, spec.GenesisFork, state);

        Assert.Equal(1700000000UL, block.Header.Timestamp);
        Assert.Equal(new UInt256(7_000_000_000), block.Header.BaseFeePerGas);
        Assert.Equal(spec.Genesis.Coinbase, block.Header.Beneficiary);
        Assert.NotNull(block.Header.ParentBeaconBlockRoot);
        Assert.Null(block.Header.RequestsHash);
        Assert.Equal(Ether * 10_000, state.World.GetBalance(Alice));
        Assert.Equal(Predeploys.Create2DeployerCode.ToArray(), state.World.GetCode(Predeploys.Create2DeployerAddress));
        Assert.Equal(1UL, state.World.GetNonce(Predeploys.Create2DeployerAddress));
    }

    [Fact]
    public void Loads_a_spec_from_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nectar-spec-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Full);
        try
        {
            Assert.Equal("Test Chain", ChainSpecLoader.LoadFile(path).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
