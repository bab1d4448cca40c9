using System.Collections.Immutable;
using Nectar.Chain.Building;
using Nectar.Chain.Execution;
using Nectar.Chain.Genesis;
using Nectar.Chain.Storage;
using Nectar.Chain.Tree;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Crypto.Secp256k1;
using Nectar.Crypto.Signing;
using Nectar.Evm;

namespace Nectar.Chain.Tests;

/// <summary>A chain over an in-memory state with funded accounts, the protocol's system contracts and a few test contracts.</summary>
internal sealed class ChainHarness
{
    public const ulong ChainId = 1;
    public const ulong GenesisTimestamp = 1_700_000_000;

    public static readonly LibSecp256k1 Secp256k1 = new();
    public static readonly TransactionSigner Signer = new(Secp256k1);

    public static readonly byte[] AliceKey = Hex.Decode("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
    public static readonly byte[] BobKey = Hex.Decode("0x41f6e321b31e72173f8ff2e292359e1862f24fba42fe6f97efaf641980eff298");
    public static readonly byte[] CarolKey = Hex.Decode("0x8a1f9a8f95be41cd7ccb6168179afb4504aefe388d1e14474d32c45c72ce7b7a");
    public static readonly Address Alice = Signer.AddressOf(AliceKey);
    public static readonly Address Bob = Signer.AddressOf(BobKey);
    public static readonly Address Carol = Signer.AddressOf(CarolKey);
    public static readonly Address Coinbase = Address.Parse("0x00000000000000000000000000000000000000cb");
    public static readonly UInt256 Ether = UInt256.Parse("1000000000000000000");

    /// <summary>EIP-4788's beacon roots contract.</summary>
    public static readonly byte[] BeaconRootsCode = Hex.Decode(
        "0x3373fffffffffffffffffffffffffffffffffffffffe14604d57602036146024575f5ffd5b5f35801560495762001fff810690815414603c575f5ffd5b62001fff01545f5260205ff35b5f5ffd5b62001fff42064281555f359062001fff015500");

    /// <summary>EIP-2935's history storage contract.</summary>
    public static readonly byte[] HistoryStorageCode = Hex.Decode(
        "0x3373fffffffffffffffffffffffffffffffffffffffe14604657602036036042575f35600143038111604257611fff81430311604257611fff9006545f5260205ff35b5f5ffd5b5f35611fff60014303065500");

    /// <summary>Emits LOG1 with <see cref="LogTopic"/> and no data.</summary>
    public static readonly Address Logger = Address.Parse("0x00000000000000000000000000000000000010c1");
    public static readonly Hash256 LogTopic = Hash256.Parse("0x00000000000000000000000000000000000000000000000000000000000000aa");

    /// <summary>Stores its first calldata word in slot 0.</summary>
    public static readonly Address Store = Address.Parse("0x00000000000000000000000000000000000010c2");

    /// <summary>Increments slot 0.</summary>
    public static readonly Address Counter = Address.Parse("0x00000000000000000000000000000000000010c3");

    /// <summary>Stores BLOCKHASH(n) in slot n, n its first calldata word.</summary>
    public static readonly Address BlockHashReader = Address.Parse("0x00000000000000000000000000000000000010c4");

    /// <summary>Asks the EIP-2935 contract for block n's hash (n its first calldata word): the answer in slot n, the call's success in slot 0xffff.</summary>
    public static readonly Address HistoryReader = Address.Parse("0x00000000000000000000000000000000000010c5");

    /// <summary>Consumes all its gas (INVALID).</summary>
    public static readonly Address Burner = Address.Parse("0x00000000000000000000000000000000000010c6");

    public ChainHarness(Fork fork = Fork.Prague, Action<Dictionary<Address, GenesisAccount>>? alloc = null)
    {
        Spec = ForkSpec.For(fork);
        Processor = new BlockProcessor(Secp256k1, ChainId);
        Genesis = CreateGenesis(alloc);
        State = StoreChainState.CreateInMemory();
        Chain = Blockchain.Create(Processor, ForkSchedule.Single(Spec), State, Genesis);
    }

    public ForkSpec Spec { get; }

    public BlockProcessor Processor { get; }

    public GenesisSpec Genesis { get; }

    public StoreChainState State { get; }

    public Blockchain Chain { get; }

    public ulong NextTimestamp => Chain.Head.Header.Timestamp + 12;

    /// <summary>A second chain on the same genesis, to import what this one produces.</summary>
    public Blockchain CreateFollower() => Blockchain.Create(Processor, ForkSchedule.Single(Spec), StoreChainState.CreateInMemory(), Genesis);

    public BuiltBlock Produce(params Transaction[] candidates) => Chain.Produce(NextTimestamp, Coinbase, candidates);

    public static Transaction Transfer(byte[] key, ulong nonce, Address to, UInt256 value, ulong maxFee = 100_000_000_000, ulong gas = 21_000, ulong chainId = ChainId) =>
        Signer.Sign(
            new Transaction
            {
                Type = TransactionType.DynamicFee,
                ChainId = chainId,
                Nonce = nonce,
                MaxFeePerGas = maxFee,
                MaxPriorityFeePerGas = Math.Min(maxFee, 1_000_000_000),
                GasLimit = gas,
                To = to,
                Value = value,
            },
            key);

    public static Transaction Call(byte[] key, ulong nonce, Address to, byte[]? data = null, ulong gas = 200_000, ImmutableArray<Authorization> authorizations = default) =>
        Signer.Sign(
            new Transaction
            {
                Type = authorizations.IsDefaultOrEmpty ? TransactionType.DynamicFee : TransactionType.SetCode,
                ChainId = ChainId,
                Nonce = nonce,
                MaxFeePerGas = 100_000_000_000,
                MaxPriorityFeePerGas = 1_000_000_000,
                GasLimit = gas,
                To = to,
                Data = data ?? [],
                AuthorizationList = authorizations,
            },
            key);

    public static byte[] Word(UInt256 value) => value.ToBigEndian();

    public IChainState StateOf(Blockchain chain) => chain.State;

    private static GenesisSpec CreateGenesis(Action<Dictionary<Address, GenesisAccount>>? configure)
    {
        var hundred = Ether * 100;
        var alloc = new Dictionary<Address, GenesisAccount>
        {
            [Alice] = new() { Balance = hundred },
            [Bob] = new() { Balance = hundred },
            [ProtocolContracts.BeaconRoots] = new() { Nonce = 1, Code = BeaconRootsCode },
            [ProtocolContracts.HistoryStorage] = new() { Nonce = 1, Code = HistoryStorageCode },
            [Logger] = new() { Nonce = 1, Code = new Bytecode().Push(LogTopic).Push(0).Push(0).Op(Opcode.LOG1).Build() },
            [Store] = new() { Nonce = 1, Code = new Bytecode().Push(0).Op(Opcode.CALLDATALOAD).Push(0).Op(Opcode.SSTORE).Build() },
            [Counter] = new() { Nonce = 1, Code = new Bytecode().Push(0).Op(Opcode.SLOAD).Push(1).Op(Opcode.ADD).Push(0).Op(Opcode.SSTORE).Build() },
            [Burner] = new() { Nonce = 1, Code = new byte[] { 0xFE } },
            [BlockHashReader] = new()
            {
                Nonce = 1,
                Code = new Bytecode().Push(0).Op(Opcode.CALLDATALOAD, Opcode.BLOCKHASH).Push(0).Op(Opcode.CALLDATALOAD, Opcode.SSTORE).Build(),
            },
            [HistoryReader] = new()
            {
                Nonce = 1,
                Code = new Bytecode()
                    .Push(0).Op(Opcode.CALLDATALOAD).Push(0).Op(Opcode.MSTORE)
                    .Push(32).Push(0).Push(32).Push(0).Push(ProtocolContracts.HistoryStorage).Op(Opcode.GAS, Opcode.STATICCALL)
                    .Push(0xffff).Op(Opcode.SSTORE)
                    .Push(0).Op(Opcode.MLOAD).Push(0).Op(Opcode.CALLDATALOAD, Opcode.SSTORE)
                    .Build(),
            },
        };
        configure?.Invoke(alloc);
        return new GenesisSpec
        {
            Alloc = alloc,
            Timestamp = GenesisTimestamp,
            GasLimit = 30_000_000,
            BaseFeePerGas = 1_000_000_000,
        };
    }
}
