using System.Diagnostics;
using Nectar.Benchmarks.VsAnvil.Scenario;
using Nectar.Chain.Building;
using Nectar.Chain.Execution;
using Nectar.Chain.Genesis;
using Nectar.Chain.Storage;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.Crypto;

namespace Nectar.Benchmarks.VsAnvil.InProcess;

/// <summary>
/// Nectar's side, in this process: a fresh in-memory chain at the scenario's genesis for every run, and block 1
/// built on it by the production path (<see cref="BlockBuilder"/>: execution, receipts, every root and the state
/// commit). The processor, and with it the pooled interpreters, lives across runs as it would in a node.
/// </summary>
internal sealed class NectarChain
{
    private readonly BenchmarkScenario _scenario;

    /// <summary>Creates the side.</summary>
    /// <param name="secp256k1">The curve (sender recovery, ecrecover).</param>
    /// <param name="scenario">The inputs.</param>
    public NectarChain(ISecp256k1 secp256k1, BenchmarkScenario scenario)
    {
        _scenario = scenario;
        Processor = new BlockProcessor(secp256k1, BenchmarkScenario.ChainId);
        Builder = new BlockBuilder(Processor);
    }

    /// <summary>The execution core.</summary>
    public BlockProcessor Processor { get; }

    /// <summary>The production path.</summary>
    public BlockBuilder Builder { get; }

    /// <summary>Decodes the pre-signed transactions afresh (no sender cached), as a node receives them.</summary>
    /// <param name="encoded">The canonical encodings.</param>
    /// <returns>The transactions.</returns>
    public static Transaction[] Decode(IReadOnlyList<byte[]> encoded)
    {
        var transactions = new Transaction[encoded.Count];
        for (var i = 0; i < transactions.Length; i++)
        {
            transactions[i] = TransactionCodec.Decode(encoded[i]);
        }

        return transactions;
    }

    /// <summary>A new in-memory state holding the genesis allocation, committed as block 0.</summary>
    /// <returns>The state and the genesis header.</returns>
    public (StoreChainState State, BlockHeader Genesis) CreateGenesis()
    {
        var state = StoreChainState.CreateInMemory();
        var genesis = GenesisBuilder.Build(_scenario.Genesis, BenchmarkScenario.Spec, state);
        return (state, genesis.Header);
    }

    /// <summary>What the producer decides for block 1: the scenario's timestamp and coinbase, the parent's gas limit.</summary>
    /// <param name="parent">The genesis header.</param>
    /// <returns>The request.</returns>
    public static BlockBuildRequest NextBlock(BlockHeader parent) => new()
    {
        Parent = parent,
        Spec = BenchmarkScenario.Spec,
        Timestamp = BenchmarkScenario.BlockTimestamp,
        Coinbase = BenchmarkScenario.Coinbase,
    };

    /// <summary>Builds block 1 from <paramref name="transactions"/> on a fresh genesis and times only the build.</summary>
    /// <param name="transactions">The candidates, senders already recovered (anvil recovers them when they enter its pool).</param>
    /// <returns>The block and the build's wall-clock time.</returns>
    public (BuiltBlock Block, TimeSpan Elapsed) BuildTimed(IReadOnlyList<Transaction> transactions)
    {
        var (state, genesis) = CreateGenesis();
        var request = NextBlock(genesis);
        Quiesce();
        var clock = Stopwatch.StartNew();
        var built = Builder.Build(request, transactions, state);
        clock.Stop();
        return (built, clock.Elapsed);
    }

    /// <summary>
    /// Builds the same block through the execution core with a stopwatch around each phase: executing the
    /// transactions (block start, receipts and bloom included), the transactions root, the receipts root, and the
    /// state commit that computes the state root. The phases are the steps <see cref="BlockExecution.Complete"/>
    /// takes, done one at a time here so each can be timed.
    /// </summary>
    /// <param name="transactions">The transactions, senders recovered.</param>
    /// <returns>The phases' times and the state root reached.</returns>
    public BlockPhases BuildInPhases(IReadOnlyList<Transaction> transactions)
    {
        var (state, genesis) = CreateGenesis();
        var spec = BenchmarkScenario.Spec;
        var template = new BlockHeader
        {
            ParentHash = genesis.Hash,
            Beneficiary = BenchmarkScenario.Coinbase,
            Number = genesis.Number + 1,
            GasLimit = genesis.GasLimit,
            Timestamp = BenchmarkScenario.BlockTimestamp,
            BaseFeePerGas = BaseFee.Next(genesis, spec),
            ExcessBlobGas = BlobGas.NextExcess(genesis, spec),
            BlobGasUsed = 0,
            ParentBeaconBlockRoot = Hash256.Zero,
            WithdrawalsRoot = Hash256.EmptyTrieRoot,
        };

        Quiesce();
        var clock = Stopwatch.StartNew();
        var execution = Processor.Begin(template, spec, state);
        for (var i = 0; i < transactions.Count; i++)
        {
            var result = execution.Execute(transactions[i]);
            if (!result.IsExecuted)
            {
                throw new InvalidOperationException($"Transaction {i} was rejected: {result.Rejection} {result.Message}");
            }
        }

        execution.ApplyWithdrawals([]);
        var executed = clock.Elapsed;
        var receipts = execution.Receipts.ToArray();
        var gasUsed = execution.GasUsed;
        clock.Restart();
        BlockRoots.Transactions(transactions.ToArray());
        var transactionsRoot = clock.Elapsed;
        clock.Restart();
        BlockRoots.Receipts(receipts);
        var receiptsRoot = clock.Elapsed;
        clock.Restart();
        var stateRoot = state.Commit(template.Number);
        var stateCommit = clock.Elapsed;

        // The block is committed already; disposing the uncompleted execution only returns its interpreter and
        // clears the scratch state's cache.
        execution.Dispose();
        return new BlockPhases(executed, transactionsRoot, receiptsRoot, stateCommit, stateRoot, gasUsed);
    }

    /// <summary>The block's base fee as both nodes derive it from genesis (EIP-1559).</summary>
    /// <param name="genesis">The genesis header.</param>
    /// <returns>The base fee of block 1.</returns>
    public static UInt256 NextBaseFee(BlockHeader genesis) => BaseFee.Next(genesis, BenchmarkScenario.Spec) ?? UInt256.Zero;

    /// <summary>Starts a timed section from a collected heap, so one run's garbage is not charged to the next.</summary>
    public static void Quiesce()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
