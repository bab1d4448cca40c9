using BenchmarkDotNet.Attributes;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Crypto.Secp256k1;
using Nectar.Evm;
using Nectar.State;

namespace Nectar.Benchmarks.Evm;

/// <summary>
/// Interpreter loops run through <see cref="VirtualMachine.Call"/>: arithmetic, keccak, memory, storage and calls.
/// Each invocation runs the loop <see cref="Iterations"/> times and rolls the transaction back. The allocated
/// bytes per invocation are the same at 1,000 and 10,000 iterations: executing an instruction allocates nothing.
/// The MGas/s column is the gas the invocation uses over its mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(GasThroughputColumn.Config))]
public class InterpreterBenchmarks
{
    internal static readonly Address Sender = AddressOf(0x01);
    internal static readonly Address Contract = AddressOf(0xC0);
    internal static readonly Address Callee = AddressOf(0xC1);

    private static readonly LibSecp256k1 Secp256k1 = new();

    private WorldState _world = null!;
    private VirtualMachine _vm = null!;
    private BlockContext _block = null!;
    private TransactionContext _transaction = null!;

    [Params(1_000, 10_000)]
    public int Iterations { get; set; }

    [GlobalSetup(Target = nameof(ArithmeticLoop))]
    public void SetupArithmetic() => Setup(nameof(ArithmeticLoop));

    [GlobalSetup(Target = nameof(KeccakLoop))]
    public void SetupKeccak() => Setup(nameof(KeccakLoop));

    [GlobalSetup(Target = nameof(MemoryLoop))]
    public void SetupMemory() => Setup(nameof(MemoryLoop));

    [GlobalSetup(Target = nameof(StorageLoop))]
    public void SetupStorage() => Setup(nameof(StorageLoop));

    [GlobalSetup(Target = nameof(CallLoop))]
    public void SetupCall() => Setup(nameof(CallLoop));

    [Benchmark]
    public long ArithmeticLoop() => RunOnce();

    [Benchmark]
    public long KeccakLoop() => RunOnce();

    [Benchmark]
    public long MemoryLoop() => RunOnce();

    [Benchmark]
    public long StorageLoop() => RunOnce();

    [Benchmark]
    public long CallLoop() => RunOnce();

    /// <summary>The gas one invocation of a workload uses, measured by running it once (for the MGas/s column).</summary>
    public static long GasOf(string workload, int iterations)
    {
        var benchmark = new InterpreterBenchmarks { Iterations = iterations };
        benchmark.Setup(workload);
        return benchmark.RunOnce();
    }

    internal static byte[] Code(string workload, int iterations) => workload switch
    {
        // x = x * 0x5f3759df + i, then a few more ALU operations per iteration.
        nameof(ArithmeticLoop) => new Bytecode().Push(1).Push((ulong)iterations).LoopStart()
            .Op(Opcode.SWAP1).Push(0x5f3759df).Op(Opcode.MUL).Op(Opcode.DUP2, Opcode.ADD)
            .Push(7).Op(Opcode.DUP2, Opcode.MOD, Opcode.ADD).Op(Opcode.DUP1).Push(3).Op(Opcode.SHL, Opcode.XOR)
            .Op(Opcode.SWAP1).LoopEnd().Build(),

        // keccak of a word that changes every iteration.
        nameof(KeccakLoop) => new Bytecode().Push((ulong)iterations).LoopStart()
            .Op(Opcode.DUP1).Push(0).Op(Opcode.MSTORE).Push(32).Push(0).Op(Opcode.KECCAK256).Push(32).Op(Opcode.MSTORE)
            .LoopEnd().Build(),

        // Stores, loads and copies over a 4 KiB region.
        nameof(MemoryLoop) => new Bytecode().Push((ulong)iterations).LoopStart()
            .Op(Opcode.DUP1).Op(Opcode.DUP1).Push(127).Op(Opcode.AND).Push(5).Op(Opcode.SHL).Op(Opcode.MSTORE)
            .Push(64).Op(Opcode.MLOAD).Op(Opcode.POP)
            .Push(256).Push(512).Push(1024).Op(Opcode.MCOPY)
            .LoopEnd().Build(),

        // SSTORE and SLOAD on 64 slots (warm after the first round, as a contract's hot state is).
        nameof(StorageLoop) => new Bytecode().Push((ulong)iterations).LoopStart()
            .Op(Opcode.DUP1).Op(Opcode.DUP1).Push(63).Op(Opcode.AND).Op(Opcode.SSTORE)
            .Op(Opcode.DUP1).Push(63).Op(Opcode.AND).Op(Opcode.SLOAD).Op(Opcode.POP)
            .LoopEnd().Build(),

        // CALL a contract that returns a word; the caller reads it.
        nameof(CallLoop) => new Bytecode().Push((ulong)iterations).LoopStart()
            .Push(32).Push(0).Push(0).Push(0).Push(0).Push(Callee).Push(100_000).Op(Opcode.CALL).Op(Opcode.POP)
            .Push(0).Op(Opcode.MLOAD).Op(Opcode.POP)
            .LoopEnd().Build(),

        _ => throw new ArgumentOutOfRangeException(nameof(workload)),
    };

    private void Setup(string workload)
    {
        var spec = ForkSpec.For(Fork.Cancun);
        _vm = new VirtualMachine(spec, Secp256k1);
        _world = new WorldState(EmptyStateReader.Instance);
        _world.AddBalance(Sender, UInt256.Parse("1000000000000000000"));
        _world.SetCode(Contract, Code(workload, Iterations));
        _world.SetNonce(Contract, 1);
        var callee = new Bytecode().Op(Opcode.CALLVALUE).Op(Opcode.CALLER).Op(Opcode.ADD).Push(0).Op(Opcode.MSTORE).Push(32).Push(0).Op(Opcode.RETURN).Build();
        _world.SetCode(Callee, callee);
        _world.SetNonce(Callee, 1);
        _world.CommitTransaction(true);
        _block = new BlockContext { Coinbase = AddressOf(0xCB), Number = 1, Timestamp = 1, GasLimit = long.MaxValue, BaseFee = 1, ChainId = 1 };
        _transaction = new TransactionContext { Origin = Sender, GasPrice = 1 };

        // Warm up the caches (code analysis, frames, journal) before measuring.
        RunOnce();
        RunOnce();
    }

    private long RunOnce()
    {
        const long Gas = 10_000_000_000;
        var result = _vm.Call(_world, _block, _transaction, Sender, Contract, UInt256.Zero, ReadOnlyMemory<byte>.Empty, Gas);
        _world.RollbackTransaction();
        if (!result.Success)
        {
            throw new InvalidOperationException($"The benchmark contract failed: {result.Error}.");
        }

        return Gas - result.GasLeft;
    }

    private static Address AddressOf(byte last)
    {
        var bytes = new byte[Address.Length];
        bytes[0] = 0xBE;
        bytes[^1] = last;
        return new Address(bytes);
    }
}
