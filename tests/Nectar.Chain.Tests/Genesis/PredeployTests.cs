using Nectar.Chain.Execution;
using Nectar.Chain.Genesis;
using Nectar.Chain.Storage;
using Nectar.Chain.Tree;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using static Nectar.Chain.Tests.ChainHarness;

namespace Nectar.Chain.Tests.Genesis;

public sealed class PredeployTests
{
    private const string Spec = """
        {
          "name": "predeploys",
          "chainId": 1,
          "forks": { "genesis": "prague" },
          "genesis": { "timestamp": 1700000000 },
          "alloc": { "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b": { "balance": "100 ether" } }
        }
        """;

    [Fact]
    public void Predeploy_code_is_what_anvil_serves_at_the_same_addresses()
    {
        using var anvil = AnvilProcess.Start("prague");

        Assert.Equal(anvil.GetCode(Predeploys.Create2DeployerAddress.ToString()), Hex.ToHexString(Predeploys.Create2DeployerCode.Span));
        Assert.Equal(anvil.GetCode(Predeploys.HistoryStorageAddress.ToString()), Hex.ToHexString(Predeploys.HistoryStorageCode.Span));
    }

    [Fact]
    public void History_contract_sits_where_EIP_2935_and_the_block_start_system_call_put_it()
    {
        var eipAddress = Address.Parse("0x0000F90827F1C53a10cb7A02335B175320002935");

        Assert.Equal(eipAddress, Predeploys.HistoryStorageAddress);
        Assert.Equal(eipAddress, ProtocolContracts.HistoryStorage);
        Assert.Equal(eipAddress, Predeploys.AddressOf(ChainPredeploys.HistoryStorage));
    }

    [Fact]
    public void Deployer_creates_contracts_at_their_CREATE2_address()
    {
        var spec = ChainSpecLoader.Parse(Spec.Replace("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b", Alice.ToString(), StringComparison.Ordinal));
        var chain = Blockchain.Create(new BlockProcessor(Secp256k1, spec.ChainId), spec.Forks, StoreChainState.CreateInMemory(), spec.Genesis);
        // Init code returning the one-byte runtime 0x2a: PUSH1 0x2a PUSH1 0 MSTORE8 PUSH1 1 PUSH1 0 RETURN.
        var initCode = Hex.Decode("0x602a60005360016000f3");
        var salt = Hash256.Parse("0x00000000000000000000000000000000000000000000000000000000000000aa");
        var expected = Address.Create2(Predeploys.Create2DeployerAddress, salt, initCode);

        var built = chain.Produce(spec.Genesis.Timestamp + 12, Coinbase, [Call(AliceKey, 0, Predeploys.Create2DeployerAddress, [.. salt.Bytes, .. initCode], gas: 200_000)]);

        Assert.Empty(built.Skipped);
        Assert.True(built.Execution.TransactionResults[0].Success);
        Assert.Equal([0x2a], chain.State.World.GetCode(expected));
        Assert.Equal(expected.Bytes.ToArray(), built.Execution.TransactionResults[0].Output);
    }

    [Fact]
    public void Deployer_is_absent_when_switched_off()
    {
        var spec = ChainSpecLoader.Parse(Spec.Replace("\"alloc\"", "\"predeploys\": { \"create2Deployer\": false }, \"alloc\"", StringComparison.Ordinal));
        var state = StoreChainState.CreateInMemory();

        GenesisBuilder.Build(spec.Genesis, spec.GenesisFork, state);

        Assert.False(state.World.Exists(Predeploys.Create2DeployerAddress));
        Assert.True(state.World.Exists(Predeploys.HistoryStorageAddress));
    }

    [Fact]
    public void History_contract_records_each_parent_hash()
    {
        var spec = ChainSpecLoader.Parse(Spec);
        var chain = Blockchain.Create(new BlockProcessor(Secp256k1, spec.ChainId), spec.Forks, StoreChainState.CreateInMemory(), spec.Genesis);
        var genesisHash = chain.Head.Hash;

        var first = chain.Produce(spec.Genesis.Timestamp + 12, Coinbase, []);
        chain.Produce(spec.Genesis.Timestamp + 24, Coinbase, []);

        // Block n stores its parent's hash in slot (n - 1) mod 8191.
        var world = chain.State.World;
        Assert.Equal(new UInt256(genesisHash.Bytes), world.GetStorage(Predeploys.HistoryStorageAddress, 0));
        Assert.Equal(new UInt256(first.Block.Hash.Bytes), world.GetStorage(Predeploys.HistoryStorageAddress, 1));
    }
}
