using System.Diagnostics;
using System.Globalization;
using Nectar.Benchmarks.VsAnvil.InProcess;
using Nectar.Benchmarks.VsAnvil.Scenario;

namespace Nectar.Benchmarks.VsAnvil;

internal sealed partial class BenchmarkRunner
{
    /// <summary>
    /// Runs one workload on Nectar's side only, without anvil, warm-up and measured runs back to back, so a
    /// profiler attached to this process (perf with DOTNET_PerfMapEnabled=1, valgrind) sees nothing else.
    /// </summary>
    /// <param name="workload">erc20-block, keccak-loop or compute.</param>
    /// <param name="output">Where each run's time goes.</param>
    public void Profile(string workload, TextWriter output)
    {
        Action run = workload switch
        {
            "erc20-block" => ProfileBlock(),
            "keccak-loop" => ProfileCalls(BenchmarkScenario.KeccakLoop, BenchmarkScenario.KeccakLoopCall(_options.KeccakIterations), _options.KeccakCalls),
            "compute" => ProfileCalls(BenchmarkScenario.Compute, BenchmarkScenario.ComputeCall(_options.ComputeN), _options.ComputeCalls),
            _ => throw new ArgumentException($"No workload named {workload}; the workloads are erc20-block, keccak-loop and compute."),
        };

        for (var i = 0; i < _options.Warmup + _options.Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workload} {(i < _options.Warmup ? "warm-up" : "run")} {i + 1}: {clock.Elapsed.TotalMilliseconds:0.0} ms"));
        }
    }

    private Action ProfileBlock()
    {
        // Decoded and recovered once: the senders stay cached on the transactions, so the profile shows the build.
        var transactions = NectarChain.Decode(_scenario.SignTransfers(_options.Transfers));
        _nectar.Processor.Signer.RecoverSenders(transactions);
        return () =>
        {
            var phases = _nectar.BuildInPhases(transactions);
            _log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  execution {phases.Execution.TotalMilliseconds:0.0} ms, transactions root {phases.TransactionsRoot.TotalMilliseconds:0.0}, receipts root {phases.ReceiptsRoot.TotalMilliseconds:0.0}, state commit {phases.StateCommit.TotalMilliseconds:0.0}"));
        };
    }

    private Action ProfileCalls(Nectar.Core.Primitives.Address contract, byte[] data, int calls)
    {
        var caller = CreateCaller();
        return () =>
        {
            for (var i = 0; i < calls; i++)
            {
                caller.Call(contract, data, BenchmarkScenario.CallGasLimit);
            }
        };
    }
}
