using System.Diagnostics;
using Nectar.Benchmarks.VsAnvil.Anvil;
using Nectar.Benchmarks.VsAnvil.InProcess;
using Nectar.Benchmarks.VsAnvil.Measurement;
using Nectar.Benchmarks.VsAnvil.Reporting;
using Nectar.Benchmarks.VsAnvil.Scenario;
using Nectar.Core.Encoding;
using Nectar.Core.Primitives;
using Nectar.Evm;

namespace Nectar.Benchmarks.VsAnvil;

internal sealed partial class BenchmarkRunner
{
    /// <summary>
    /// In-process calls made before the first warm-up run. The runtime compiles a method fully optimised only after
    /// about 30 calls; before that the interpreter loop runs an on-stack-replacement version. A node calls it for
    /// every transaction, so the steady state is the optimised one, which anvil (compiled ahead of time) is in
    /// from the start.
    /// </summary>
    private const int TierUpCalls = 40;

    /// <summary>
    /// eth_call returns no gas figure, so the gas of each call workload is established once with real transactions:
    /// one block holding the keccak call and the compute call is mined on anvil and built by Nectar, compared like
    /// the transfer block, and each transaction's gas is read from anvil's receipt and Nectar's result.
    /// </summary>
    /// <returns>The gas each call uses, intrinsic gas included.</returns>
    private (ulong Keccak, ulong Compute) VerifyCallGas(AnvilChain chain)
    {
        _log.WriteLine("Establishing the calls' gas with a block of the same calls as transactions on both sides.");
        byte[][] encoded =
        [
            _scenario.Sign(0, BenchmarkScenario.KeccakLoop, BenchmarkScenario.KeccakLoopCall(_options.KeccakIterations), BenchmarkScenario.CallGasLimit),
            _scenario.Sign(1, BenchmarkScenario.Compute, BenchmarkScenario.ComputeCall(_options.ComputeN), BenchmarkScenario.CallGasLimit),
        ];
        chain.ResetToGenesis();
        chain.Submit(encoded);
        chain.MineTimed(BenchmarkScenario.BlockTimestamp, _blockBaseFee);
        var anvilBlock = chain.GetBlock(1);

        var transactions = NectarChain.Decode(encoded);
        _nectar.Processor.Signer.RecoverSenders(transactions);
        var (built, _) = _nectar.BuildTimed(transactions);
        Compare("call-gas block", anvilBlock, built);

        var gas = new ulong[encoded.Length];
        for (var i = 0; i < encoded.Length; i++)
        {
            var (anvilGas, anvilSuccess) = chain.GetReceipt(transactions[i].Hash);
            var nectar = built.Execution.TransactionResults[i];
            if (!anvilSuccess || !nectar.Success || anvilGas != (ulong)nectar.GasUsed)
            {
                throw new InvalidOperationException(
                    $"Call transaction {i}: anvil used {anvilGas} gas (success {anvilSuccess}), Nectar {nectar.GasUsed} ({nectar}).");
            }

            gas[i] = anvilGas;
        }

        return (gas[0], gas[1]);
    }

    /// <summary>
    /// Workloads 2 and 3: the same read-only call, <paramref name="callsPerRun"/> times per run. Anvil: eth_call over
    /// JSON-RPC, request serialised once. Nectar: the interpreter in-process (<see cref="InProcessCaller"/>). Every
    /// call's return data is compared with anvil's, and Nectar's gas with the transaction's.
    /// </summary>
    private WorkloadResult MeasureCalls(AnvilChain chain, string name, string description, Address contract, byte[] data, ulong gasPerCall, int callsPerRun)
    {
        chain.ResetToGenesis();
        var request = chain.PrepareCall(_scenario.Sender, contract, data, BenchmarkScenario.CallGasLimit);
        var expected = chain.Call(request);
        var caller = CreateCaller();
        for (var i = 0; i < TierUpCalls; i++)
        {
            caller.Call(contract, data, BenchmarkScenario.CallGasLimit);
        }

        var result = new WorkloadResult(name, description, gasPerCall * (ulong)callsPerRun, callsPerRun, "calls");
        var outputs = new byte[callsPerRun][];
        for (var run = 0; run < _options.Warmup + _options.Runs; run++)
        {
            _log.WriteLine($"{name}: {(run >= _options.Warmup ? "run " + (run - _options.Warmup + 1) : "warm-up " + (run + 1))}");
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < callsPerRun; i++)
            {
                outputs[i] = chain.Call(request);
            }

            var anvilTime = clock.Elapsed;
            CheckOutputs(name, "anvil", expected, outputs);

            NectarChain.Quiesce();
            clock.Restart();
            for (var i = 0; i < callsPerRun; i++)
            {
                var call = caller.Call(contract, data, BenchmarkScenario.CallGasLimit);
                outputs[i] = call.Output;
                if (call.GasUsed != gasPerCall)
                {
                    throw new InvalidOperationException($"{name}: Nectar's call used {call.GasUsed} gas, the transaction {gasPerCall}.");
                }
            }

            var nectarTime = clock.Elapsed;
            CheckOutputs(name, "Nectar", expected, outputs);
            if (run >= _options.Warmup)
            {
                result.Add(nectarTime, anvilTime);
            }
        }

        result.Notes.Add($"return data equal on every call: {Hex.ToHexString(expected)}");
        result.Notes.Add("anvil: sequential eth_call requests over HTTP on loopback, so its figure includes JSON-RPC overhead (see the round trips below).");
        result.Notes.Add("Nectar: the interpreter in-process, no JSON-RPC (the Nectar node does not exist yet).");
        return result;
    }

    /// <summary>The bare cost of a request to anvil: eth_chainId, and an eth_call that does no work (KeccakLoop.run(0)).</summary>
    private RoundTripReport MeasureRoundTrips(AnvilChain chain)
    {
        _log.WriteLine("anvil round trips.");
        chain.ResetToGenesis();
        var chainId = chain.Rpc.Prepare("eth_chainId");
        var emptyCall = chain.PrepareCall(_scenario.Sender, BenchmarkScenario.KeccakLoop, BenchmarkScenario.KeccakLoopCall(0), BenchmarkScenario.CallGasLimit);
        var report = new RoundTripReport();
        var warmup = Math.Max(50, _options.RoundTripSamples / 10);
        for (var i = 0; i < warmup + _options.RoundTripSamples; i++)
        {
            var clock = Stopwatch.StartNew();
            chain.Rpc.Send(chainId);
            var chainIdTime = clock.Elapsed;
            clock.Restart();
            chain.Call(emptyCall);
            var emptyCallTime = clock.Elapsed;
            if (i >= warmup)
            {
                report.ChainId.Add(chainIdTime.TotalMicroseconds);
                report.EmptyCall.Add(emptyCallTime.TotalMicroseconds);
            }
        }

        return report;
    }

    private InProcessCaller CreateCaller()
    {
        var (state, genesis) = _nectar.CreateGenesis();
        var block = new BlockContext
        {
            Coinbase = BenchmarkScenario.Coinbase,
            Number = genesis.Number + 1,
            Timestamp = BenchmarkScenario.BlockTimestamp,
            GasLimit = (long)genesis.GasLimit,
            BaseFee = NectarChain.NextBaseFee(genesis),
            ChainId = BenchmarkScenario.ChainId,
        };
        return new InProcessCaller(_secp256k1, state.World, block, _scenario.Sender);
    }

    private static void CheckOutputs(string name, string side, byte[] expected, byte[][] outputs)
    {
        foreach (var output in outputs)
        {
            if (!output.AsSpan().SequenceEqual(expected))
            {
                throw new InvalidOperationException($"{name}: {side} returned {Hex.ToHexString(output)}, anvil's first call {Hex.ToHexString(expected)}.");
            }
        }
    }
}
