using Nectar.Chain.Genesis;
using Nectar.Chain.Simulation;
using Nectar.Core.Encoding;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Evm;
using static Nectar.Chain.Tests.ChainHarness;

namespace Nectar.Chain.Tests.Simulation;

/// <summary>A chain with the contracts the simulation tests call, a reader over it and a simulator.</summary>
internal sealed class SimulationHarness
{
    /// <summary>Returns slot 0 and stores its first calldata word there.</summary>
    public static readonly Address Swap = Address.Parse("0x0000000000000000000000000000000000005a09");

    /// <summary>Returns NUMBER, TIMESTAMP, BASEFEE, GASPRICE, COINBASE, CALLER, CALLVALUE and CHAINID as words.</summary>
    public static readonly Address Env = Address.Parse("0x0000000000000000000000000000000000005e00");

    /// <summary>Reverts with Error("nope").</summary>
    public static readonly Address Reverter = Address.Parse("0x0000000000000000000000000000000000005e01");

    /// <summary>Loops until it runs out of gas.</summary>
    public static readonly Address Looper = Address.Parse("0x0000000000000000000000000000000000005e02");

    /// <summary>Calls the Counter with all its gas and reverts when that call fails.</summary>
    public static readonly Address Forwarder = Address.Parse("0x0000000000000000000000000000000000005e03");

    /// <summary>Reads its own slot 7 and the balance of <see cref="Probed"/>.</summary>
    public static readonly Address Prober = Address.Parse("0x0000000000000000000000000000000000005e04");

    public static readonly Address Probed = Address.Parse("0x0000000000000000000000000000000000005e05");

    public const string RevertMessage = "nope";

    public SimulationHarness(SimulationOptions? options = null, TimeProvider? time = null)
    {
        Chain = new ChainHarness(alloc: Contracts);
        Reader = new HarnessChainReader(Chain.Chain, Chain.State);
        Simulator = new CallSimulator(Reader, Chain.Forks, Chain.Processor, options, time);
    }

    public ChainHarness Chain { get; }

    public HarnessChainReader Reader { get; }

    public CallSimulator Simulator { get; }

    public SimulationBlock Latest => SimulationBlock.At(Reader.Head);

    public SimulationBlock Pending => SimulationBlock.After(Reader.Head);

    public static byte[] RevertData()
    {
        var data = new byte[4 + 32 + 32 + 32];
        Hex.Decode("0x08c379a0").CopyTo(data, 0);
        data[35] = 0x20;
        data[67] = 4;
        "nope"u8.CopyTo(data.AsSpan(68));
        return data;
    }

    private static void Contracts(Dictionary<Address, GenesisAccount> alloc)
    {
        alloc[Swap] = new()
        {
            Nonce = 1,
            Code = new Bytecode()
                .Push(0).Op(Opcode.SLOAD).Push(0).Op(Opcode.MSTORE)
                .Push(0).Op(Opcode.CALLDATALOAD).Push(0).Op(Opcode.SSTORE)
                .Push(32).Push(0).Op(Opcode.RETURN)
                .Build(),
        };
        alloc[Env] = new()
        {
            Nonce = 1,
            Code = new Bytecode()
                .Op(Opcode.NUMBER).Push(0).Op(Opcode.MSTORE)
                .Op(Opcode.TIMESTAMP).Push(32).Op(Opcode.MSTORE)
                .Op(Opcode.BASEFEE).Push(64).Op(Opcode.MSTORE)
                .Op(Opcode.GASPRICE).Push(96).Op(Opcode.MSTORE)
                .Op(Opcode.COINBASE).Push(128).Op(Opcode.MSTORE)
                .Op(Opcode.CALLER).Push(160).Op(Opcode.MSTORE)
                .Op(Opcode.CALLVALUE).Push(192).Op(Opcode.MSTORE)
                .Op(Opcode.CHAINID).Push(224).Op(Opcode.MSTORE)
                .Push(256).Push(0).Op(Opcode.RETURN)
                .Build(),
        };
        alloc[Reverter] = new()
        {
            Nonce = 1,
            Code = new Bytecode()
                .Push(new UInt256(Hex.Decode("0x08c379a000000000000000000000000000000000000000000000000000000000"))).Push(0).Op(Opcode.MSTORE)
                .Push(0x20).Push(4).Op(Opcode.MSTORE)
                .Push(4).Push(36).Op(Opcode.MSTORE)
                .Push(new UInt256(Hex.Decode("0x6e6f706500000000000000000000000000000000000000000000000000000000"))).Push(68).Op(Opcode.MSTORE)
                .Push(100).Push(0).Op(Opcode.REVERT)
                .Build(),
        };
        alloc[Looper] = new() { Nonce = 1, Code = Hex.Decode("0x5b600056") };

        // CALL(gas, Counter, 0, 0, 0, 0, 0); JUMPI over a REVERT when it returned 1.
        alloc[Forwarder] = new()
        {
            Nonce = 1,
            Code = Hex.Decode("0x60006000600060006000" + "73" + Hex.ToHexString(Counter.Bytes, withPrefix: false) + "5af1" + "602957" + "60006000fd" + "5b00"),
        };
        alloc[Prober] = new()
        {
            Nonce = 1,
            Code = new Bytecode().Push(7).Op(Opcode.SLOAD, Opcode.POP).Push(Probed).Op(Opcode.BALANCE, Opcode.POP, Opcode.STOP).Build(),
        };
    }
}
