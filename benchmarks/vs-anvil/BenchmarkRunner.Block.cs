using System.Diagnostics;
using Nectar.Benchmarks.VsAnvil.Anvil;
using Nectar.Benchmarks.VsAnvil.InProcess;
using Nectar.Benchmarks.VsAnvil.Measurement;
using Nectar.Benchmarks.VsAnvil.Reporting;
using Nectar.Benchmarks.VsAnvil.Scenario;
using Nectar.Chain.Building;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;

namespace Nectar.Benchmarks.VsAnvil;

internal sealed partial class BenchmarkRunner
{
    /// <summary>
    /// Workload 1: one block of fresh-recipient ERC-20 transfers. Anvil: the pool is filled (not timed), then
    /// evm_mine is timed. Nectar: the same transactions, decoded afresh and their senders recovered (not timed, as
    /// anvil recovers them on submission), then the block builder is timed, state root included. Every run's block
    /// is compared field by field.
    /// </summary>
    private WorkloadResult MeasureTransferBlock(AnvilChain chain, BenchmarkReport report)
    {
        var count = _options.Transfers;
        _log.WriteLine($"Signing {count} ERC-20 transfers.");
        var encoded = _scenario.SignTransfers(count);
        WorkloadResult? result = null;
        var stateRoot = Hash256.Zero;
        var recovery = new Samples();
        for (var run = 0; run < _options.Warmup + _options.Runs; run++)
        {
            var measured = run >= _options.Warmup;
            _log.WriteLine($"ERC-20 block: {(measured ? "run " + (run - _options.Warmup + 1) : "warm-up " + (run + 1))}");

            chain.ResetToGenesis();
            chain.Submit(encoded);
            var anvilTime = chain.MineTimed(BenchmarkScenario.BlockTimestamp, _blockBaseFee);
            var anvilBlock = chain.GetBlock(1);

            var transactions = NectarChain.Decode(encoded);
            var clock = Stopwatch.StartNew();
            var recovered = _nectar.Processor.Signer.RecoverSenders(transactions);
            clock.Stop();
            if (recovered != count)
            {
                throw new InvalidOperationException($"Nectar recovered {recovered} of {count} senders.");
            }

            var (built, nectarTime) = _nectar.BuildTimed(transactions);
            Compare($"ERC-20 block, run {run + 1}", anvilBlock, built);
            if (built.Block.Transactions.Length != count || built.Skipped.Count != 0)
            {
                throw new InvalidOperationException($"Nectar's block holds {built.Block.Transactions.Length} of {count} transfers ({built.Skipped.Count} skipped).");
            }

            stateRoot = built.Block.Header.StateRoot;
            result ??= new WorkloadResult("erc20-block", $"block of {count} fresh-recipient ERC-20 transfers", built.Block.Header.GasUsed, count, "transfers");
            if (measured)
            {
                result.Add(nectarTime, anvilTime);
                recovery.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        result!.Notes.Add("anvil: evm_mine timed around the request (execution, receipts, roots, its block bookkeeping); the pool was filled beforehand.");
        result.Notes.Add("Nectar: BlockBuilder.Build timed in-process (execution, receipts, transactions/receipts/state roots, state commit).");
        result.Notes.Add($"Nectar sender recovery, outside the timed build as anvil's is outside evm_mine: median {recovery.Median:0.0} ms for {count} transactions on {Environment.ProcessorCount} cores.");
        report.BlockPhases = MeasurePhases(encoded, stateRoot);
        return result;
    }

    /// <summary>The same block through the execution core with a stopwatch per phase, to show where Nectar's time goes.</summary>
    private BlockPhaseReport MeasurePhases(byte[][] encoded, Hash256 expectedRoot)
    {
        var phases = new BlockPhaseReport();
        for (var run = 0; run < _options.Warmup + _options.Runs; run++)
        {
            _log.WriteLine($"ERC-20 block, Nectar by phase: {(run >= _options.Warmup ? "run " + (run - _options.Warmup + 1) : "warm-up " + (run + 1))}");
            var transactions = NectarChain.Decode(encoded);
            _nectar.Processor.Signer.RecoverSenders(transactions);
            var split = _nectar.BuildInPhases(transactions);
            if (split.StateRoot != expectedRoot)
            {
                throw new InvalidOperationException($"The phase-by-phase build reached state root {split.StateRoot}, the block builder {expectedRoot}.");
            }

            if (run >= _options.Warmup)
            {
                phases.Add(split);
            }
        }

        return phases;
    }

    /// <summary>Checks every header field both nodes must agree on; the hashes differ only through the genesis header.</summary>
    private static void Compare(string label, AnvilBlock anvil, BuiltBlock nectar)
    {
        var header = nectar.Block.Header;
        var differences = new List<string>();
        void Check<T>(string field, T anvilValue, T nectarValue)
        {
            if (!EqualityComparer<T>.Default.Equals(anvilValue, nectarValue))
            {
                differences.Add($"{field}: anvil {anvilValue}, Nectar {nectarValue}");
            }
        }

        Check("number", anvil.Number, header.Number);
        Check("timestamp", anvil.Timestamp, header.Timestamp);
        Check("coinbase", anvil.Miner, header.Beneficiary);
        Check("gas limit", anvil.GasLimit, header.GasLimit);
        Check("base fee", anvil.BaseFee, header.BaseFeePerGas.GetValueOrDefault());
        Check("transactions", anvil.TransactionCount, nectar.Block.Transactions.Length);
        Check("gas used", anvil.GasUsed, header.GasUsed);
        Check("transactions root", anvil.TransactionsRoot, header.TransactionsRoot);
        Check("receipts root", anvil.ReceiptsRoot, header.ReceiptsRoot);
        Check("logs bloom", anvil.LogsBloom, Hex.ToHexString(header.LogsBloom.Bytes));
        Check("state root", anvil.StateRoot, header.StateRoot);
        if (differences.Count > 0)
        {
            throw new InvalidOperationException($"{label}: the nodes disagree:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", differences)}");
        }
    }
}
