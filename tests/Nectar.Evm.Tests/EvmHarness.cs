using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Crypto.Secp256k1;
using Nectar.Evm.Tracing;
using Nectar.State;

namespace Nectar.Evm.Tests;

/// <summary>A world state, an interpreter and a block for running test contracts directly.</summary>
internal sealed class EvmHarness
{
    public static readonly LibSecp256k1 Secp256k1 = new();

    public static readonly Address Sender = Make(0x5E);
    public static readonly Address Contract = Make(0xC0);
    public static readonly Address Other = Make(0xC1);
    public static readonly Address Third = Make(0xC2);
    public static readonly Address Coinbase = Make(0xCB);

    public EvmHarness(Fork fork = Fork.Cancun)
    {
        Spec = ForkSpec.For(fork);
        World = new WorldState(EmptyStateReader.Instance);
        Vm = new VirtualMachine(Spec, Secp256k1);
        Block = new BlockContext
        {
            Coinbase = Coinbase,
            Number = 1_000,
            Timestamp = 1_700_000_000,
            GasLimit = 30_000_000,
            BaseFee = 7,
            ChainId = 1,
        };
        Transaction = new TransactionContext { Origin = Sender, GasPrice = 10 };
        World.AddBalance(Sender, UInt256.Parse("1000000000000000000000"));
        World.CommitTransaction(Spec.IsEip158Enabled);
    }

    public ForkSpec Spec { get; }

    public WorldState World { get; }

    public VirtualMachine Vm { get; }

    public BlockContext Block { get; set; }

    public TransactionContext Transaction { get; set; }

    public static Address Make(byte last)
    {
        var bytes = new byte[Address.Length];
        bytes[0] = 0xAA;
        bytes[^1] = last;
        return new Address(bytes);
    }

    /// <summary>Installs code at an address and commits it, as if deployed by an earlier transaction.</summary>
    public EvmHarness Deploy(Address at, byte[] code, UInt256 balance = default)
    {
        World.SetCode(at, code);
        World.SetNonce(at, 1);
        if (!balance.IsZero)
        {
            World.AddBalance(at, balance);
        }

        World.CommitTransaction(Spec.IsEip158Enabled);
        return this;
    }

    public EvmHarness Deploy(Address at, Asm code, UInt256 balance = default) => Deploy(at, code.Build(), balance);

    /// <summary>Calls <paramref name="to"/> from <see cref="Sender"/>; the transaction stays open so tests can inspect it.</summary>
    public CallResult Call(Address to, long gas = 1_000_000, UInt256 value = default, byte[]? input = null, ITxTracer? tracer = null)
    {
        if (Spec.IsEip2929Enabled)
        {
            World.WarmUp(Sender);
            World.WarmUp(to);
            foreach (var address in Vm.Precompiles.Addresses)
            {
                World.WarmUp(address);
            }
        }

        return Vm.Call(World, Block, Transaction, Sender, to, value, input ?? [], gas, tracer);
    }

    public CallResult Run(Asm code, long gas = 1_000_000, byte[]? input = null, ITxTracer? tracer = null)
    {
        Deploy(Contract, code);
        return Call(Contract, gas, default, input, tracer);
    }

    public UInt256 Storage(Address at, UInt256 key) => World.GetStorage(at, key);

    public static UInt256 Word(byte[] output) => new(output.AsSpan(0, 32));
}
