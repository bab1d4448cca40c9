using BenchmarkDotNet.Attributes;
using Nectar.Chain.Building;
using Nectar.Chain.Execution;
using Nectar.Chain.Validation;

namespace Nectar.Benchmarks.Chain;

/// <summary>
/// A block of 5,000 fresh-recipient ERC-20 transfers (<see cref="Erc20Block"/>), timed per transfer: producing it
/// (the sequencer's path: execute, seal, commit), importing it (the follower's path: checks, execute, compare roots),
/// and the two halves of either, execution alone and commitment alone (the three list roots and the state root),
/// with the transactions and receipts roots also on their own. Every iteration starts from the same state at the parent; the state is rolled back afterwards.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BlockThroughputColumns.Config))]
public class Erc20BlockBenchmarks
{
    private Erc20Block _fixture = null!;
    private BuiltBlock _built = null!;
    private BlockValidator _validator = null!;
    private BlockExecution? _executed;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new Erc20Block();
        _validator = new BlockValidator(_fixture.Processor);
        _built = Produce();
        _fixture.State.RevertLastBlock();
        if (_built.Skipped.Count != 0 || _built.Block.Transactions.Length != Erc20Block.Transfers)
        {
            throw new InvalidOperationException($"The workload block skipped {_built.Skipped.Count} transfers: {_built.Skipped.FirstOrDefault()?.Message}");
        }
    }

    [IterationCleanup(Targets = [nameof(Produce), nameof(Import), nameof(Commit)])]
    public void RollBack() => _fixture.State.RevertLastBlock();

    /// <summary>The sequencer's path: the builder executes the candidates, seals the header and commits the state.</summary>
    [Benchmark(OperationsPerInvoke = Erc20Block.Transfers)]
    public BuiltBlock Produce() => new BlockBuilder(_fixture.Processor).Build(_fixture.Request, _fixture.TransferTransactions, _fixture.State);

    /// <summary>The follower's path: header and body checks, execution, commit and every root compared.</summary>
    [Benchmark(OperationsPerInvoke = Erc20Block.Transfers)]
    public BlockValidationResult Import()
    {
        var result = _validator.ValidateAndApply(_built.Block, _fixture.Parent, _fixture.Spec, _fixture.State);
        return result.IsValid ? result : throw new InvalidOperationException(result.ToString());
    }

    /// <summary>Execution alone: system calls and the transfers, then the changes are discarded.</summary>
    [Benchmark(OperationsPerInvoke = Erc20Block.Transfers)]
    public ulong Execute()
    {
        using var execution = _fixture.Processor.Begin(_built.Block.Header, _fixture.Spec, _fixture.State);
        foreach (var transaction in _fixture.TransferTransactions)
        {
            execution.Execute(transaction);
        }

        return execution.GasUsed;
    }

    [IterationSetup(Target = nameof(Commit))]
    public void ExecuteBeforeCommit()
    {
        _executed = _fixture.Processor.Begin(_built.Block.Header, _fixture.Spec, _fixture.State);
        foreach (var transaction in _fixture.TransferTransactions)
        {
            _executed.Execute(transaction);
        }
    }

    /// <summary>The transactions root of the block: each transaction encoded once into a pooled buffer, then the trie.</summary>
    [Benchmark(OperationsPerInvoke = Erc20Block.Transfers)]
    public Core.Primitives.Hash256 TransactionsRoot() => BlockRoots.Transactions(_built.Block.Transactions.AsSpan());

    /// <summary>The receipts root of the block.</summary>
    [Benchmark(OperationsPerInvoke = Erc20Block.Transfers)]
    public Core.Primitives.Hash256 ReceiptsRoot() => BlockRoots.Receipts(_built.Execution.Receipts.AsSpan());

    /// <summary>Commitment alone: receipts, transactions and withdrawals roots, and the state root with its write batch.</summary>
    [Benchmark(OperationsPerInvoke = Erc20Block.Transfers)]
    public BlockExecutionResult Commit()
    {
        var result = _executed!.Complete();
        _executed.Dispose();
        return result;
    }
}
