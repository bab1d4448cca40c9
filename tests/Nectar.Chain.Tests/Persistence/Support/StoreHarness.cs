using Nectar.Chain.Building;
using Nectar.Chain.Execution;
using Nectar.Chain.Genesis;
using Nectar.Chain.Persistence;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Db;
using Nectar.Evm;

namespace Nectar.Chain.Tests.Persistence.Support;

/// <summary>A genesis with funded accounts and a few contracts, and helpers to build and store blocks on a <see cref="ChainStore"/>.</summary>
internal static class StoreHarness
{
    public static readonly ForkSchedule Forks = ForkSchedule.Single(ForkSpec.For(Fork.Prague));
    public static readonly BlockProcessor Processor = new(ChainHarness.Secp256k1, ChainHarness.ChainId);
    public static readonly BlockBuilder Builder = new(Processor);

    public static GenesisSpec TestGenesis(ulong timestamp = ChainHarness.GenesisTimestamp, UInt256? aliceBalance = null, ulong gasLimit = 30_000_000) => new()
    {
        Alloc = new Dictionary<Address, GenesisAccount>
        {
            [ChainHarness.Alice] = new() { Balance = aliceBalance ?? ChainHarness.Ether * 100 },
            [ChainHarness.Bob] = new() { Balance = ChainHarness.Ether * 100 },
            [ProtocolContracts.BeaconRoots] = new() { Nonce = 1, Code = ChainHarness.BeaconRootsCode },
            [ProtocolContracts.HistoryStorage] = new() { Nonce = 1, Code = ChainHarness.HistoryStorageCode },
            [ChainHarness.Counter] = new() { Nonce = 1, Code = new Bytecode().Push(0).Op(Opcode.SLOAD).Push(1).Op(Opcode.ADD).Push(0).Op(Opcode.SSTORE).Build() },
            [ChainHarness.Burner] = new() { Nonce = 1, Code = new byte[] { 0xFE } },
            [ChainHarness.Logger] = new() { Nonce = 1, Code = new Bytecode().Push(ChainHarness.LogTopic).Push(0).Push(0).Op(Opcode.LOG1).Build() },
            [ChainHarness.BlockHashReader] = new()
            {
                Nonce = 1,
                Code = new Bytecode().Push(0).Op(Opcode.CALLDATALOAD, Opcode.BLOCKHASH).Push(0).Op(Opcode.CALLDATALOAD, Opcode.SSTORE).Build(),
            },
        },
        Timestamp = timestamp,
        GasLimit = gasLimit,
        BaseFeePerGas = 1_000_000_000,
    };

    public static MemoryDatabase NewMemoryDatabase() => new([.. ChainColumns.AllWithState]);

    public static ChainStore Open(IDatabase database, GenesisSpec? genesis = null, ChainStoreOptions? options = null) =>
        ChainStore.Open(database, genesis ?? TestGenesis(), Forks, options);

    /// <summary>Builds the next block on the store's head; its state is staged, not stored.</summary>
    public static BuiltBlock Build(ChainStore store, params Transaction[] transactions)
    {
        var head = store.Head;
        var request = new BlockBuildRequest
        {
            Parent = head,
            Spec = store.Forks.At(head.Timestamp + 1),
            Timestamp = head.Timestamp + 1,
            Coinbase = ChainHarness.Coinbase,
        };
        return Builder.Build(request, transactions, store.State, store);
    }

    /// <summary>Builds and stores the next block.</summary>
    public static Block Produce(ChainStore store, params Transaction[] transactions)
    {
        var built = Build(store, transactions);
        Assert.Empty(built.Skipped);
        store.CommitBlock(built);
        return built.Block;
    }

    public static Transaction Transfer(byte[] key, ulong nonce, Address to, ulong value = 1) =>
        ChainHarness.Transfer(key, nonce, to, new UInt256(value));

    public static Transaction Count(byte[] key, ulong nonce) => ChainHarness.Call(key, nonce, ChainHarness.Counter);

    public static UInt256 Balance(Nectar.State.IStateReader state, Address address) =>
        state.TryGetAccount(address, out var account) ? account.Balance : UInt256.Zero;
}
