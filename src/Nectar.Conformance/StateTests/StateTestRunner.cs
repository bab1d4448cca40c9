using System.Collections.Concurrent;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Core.Specs;
using Nectar.Crypto;
using Nectar.Crypto.Signing;
using Nectar.Db;
using Nectar.Evm;
using Nectar.Evm.Tracing;
using Nectar.State;

namespace Nectar.Conformance.StateTests;

/// <summary>
/// Runs state-test cases: builds the pre-state in a fresh store, decodes the case's transaction with the real codec
/// (and checks that the transaction built from the JSON fields encodes to the same bytes), executes it, and compares
/// the post-state root and the logs hash. Cases run in parallel; results keep the input order.
/// </summary>
public sealed partial class StateTestRunner
{
    private const ulong ChainId = 1;

    private readonly ISecp256k1 _secp256k1;
    private readonly ConcurrentDictionary<Fork, ConcurrentBag<VirtualMachine>> _machines = new();
    private readonly TransactionSigner _signer;

    /// <summary>Creates a runner.</summary>
    /// <param name="secp256k1">The curve implementation (signing, sender recovery, ecrecover).</param>
    public StateTestRunner(ISecp256k1 secp256k1)
    {
        ArgumentNullException.ThrowIfNull(secp256k1);
        _secp256k1 = secp256k1;
        _signer = new TransactionSigner(secp256k1);
    }

    /// <summary>Whether Nectar implements the fork a file names (transition forks such as "BerlinToLondonAt5" are not).</summary>
    /// <param name="fork">The fork name.</param>
    /// <returns><see langword="true"/> for a supported fork.</returns>
    public static bool IsSupported(string fork) => ForkSpec.TryGet(fork, out _);

    /// <summary>Runs cases in parallel over all cores.</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="tracerFor">Gives a tracer for a case, or null for none.</param>
    /// <returns>One result per case, in the same order.</returns>
    public IReadOnlyList<StateTestResult> RunAll(IReadOnlyList<StateTestCase> cases, Func<StateTestCase, ITxTracer?>? tracerFor = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var results = new StateTestResult[cases.Count];
        Parallel.For(0, cases.Count, i => results[i] = Run(cases[i], tracerFor?.Invoke(cases[i])));
        return results;
    }

    /// <summary>Runs one case.</summary>
    /// <param name="testCase">The case.</param>
    /// <param name="tracer">An optional tracer for the transaction.</param>
    /// <returns>The result; unexpected exceptions become a failed result.</returns>
    public StateTestResult Run(StateTestCase testCase, ITxTracer? tracer = null)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        if (!ForkSpec.TryGet(testCase.Fork, out var spec))
        {
            return Fail(testCase, default, default, $"Fork {testCase.Fork} is not supported.");
        }

        try
        {
            return RunCore(testCase, spec, tracer);
        }
#pragma warning disable CA1031 // a crashing case is reported as a failure, the run goes on
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return Fail(testCase, default, default, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private StateTestResult RunCore(StateTestCase testCase, ForkSpec spec, ITxTracer? tracer)
    {
        var test = testCase.Test;
        using var database = new MemoryDatabase([.. StateColumns.All]);
        var store = new StateStore(database);
        var world = new WorldState(store);
        foreach (var (address, account) in test.Pre)
        {
            world.CreateAccount(address);
            world.AddBalance(address, account.Balance);
            world.SetNonce(address, account.Nonce);
            if (account.Code.Length > 0)
            {
                world.SetCode(address, account.Code);
            }

            foreach (var (slot, value) in account.Storage)
            {
                world.SetStorage(address, slot, value);
            }
        }

        world.CommitTransaction(deleteEmptyAccounts: false);
        world.CommitBlock(store, 0);

        var block = CreateBlock(test.Environment, spec);
        var (transaction, sender, buildError) = PrepareTransaction(testCase, spec);

        TransactionResult? result = null;
        if (transaction is not null)
        {
            var vm = RentMachine(spec);
            try
            {
                var processor = new TransactionProcessor(spec, block, world, _secp256k1, vm);
                result = processor.Execute(transaction, sender, tracer);
            }
            finally
            {
                _machines[spec.Fork].Add(vm);
            }
        }

        // State-test runners touch the coinbase after the transaction, so under EIP-158 a coinbase that was empty
        // (or self-destructed) is cleared even when the transaction paid it nothing or was rejected. Before EIP-158
        // a touch would create the account instead, which no filling of those forks expects.
        if (spec.IsEip158Enabled)
        {
            world.AddBalance(block.Coinbase, UInt256.Zero);
            world.CommitTransaction(deleteEmptyAccounts: true);
        }

        var root = world.CommitBlock(store, 1);
        var logsHash = ReceiptCodec.ComputeLogsHash(result is null ? [] : [.. result.Logs]);

        var rejected = transaction is null || result is { IsExecuted: false };
        var rejection = buildError ?? result?.Message;
        if (testCase.ExpectException is { } expected)
        {
            if (!rejected)
            {
                return Fail(testCase, root, logsHash, $"Expected the transaction to be rejected ({expected}), but it executed.");
            }
        }
        else if (rejected && testCase.TransactionBytes is not null)
        {
            // Fillings with txbytes mark every invalid transaction with expectException. Older fillings have neither
            // and give an invalid transaction's expected post-state as the unchanged pre-state, so the roots decide.
            return Fail(testCase, root, logsHash, $"Transaction rejected: {rejection}");
        }

        if (root != testCase.ExpectedRoot)
        {
            return Fail(testCase, root, logsHash, $"State root {root} differs from the expected {testCase.ExpectedRoot}.");
        }

        if (logsHash != testCase.ExpectedLogsHash)
        {
            return Fail(testCase, root, logsHash, $"Logs hash {logsHash} differs from the expected {testCase.ExpectedLogsHash}.");
        }

        return new StateTestResult { Case = testCase, Pass = true, StateRoot = root, LogsHash = logsHash, Error = rejected ? rejection : null };
    }

    private static BlockContext CreateBlock(StateTestEnvironment env, ForkSpec spec) => new()
    {
        Coinbase = env.Coinbase,
        Number = env.Number,
        Timestamp = env.Timestamp,
        GasLimit = env.GasLimit,
        BaseFee = spec.IsEip1559Enabled ? env.BaseFee : UInt256.Zero,
        Difficulty = env.Difficulty,
        PrevRandao = env.Random ?? default,
        BlobBaseFee = spec.IsEip4844Enabled ? BlobGas.BaseFeePerBlobGas(env.ExcessBlobGas, spec) : UInt256.Zero,
        ChainId = ChainId,
        BlockHashes = KeccakDecimalBlockHashes.Instance,
    };

    /// <summary>Interpreters are not thread-safe but are worth reusing (their frames stay allocated): pooled per fork.</summary>
    private VirtualMachine RentMachine(ForkSpec spec)
    {
        var pool = _machines.GetOrAdd(spec.Fork, static _ => []);
        return pool.TryTake(out var vm) ? vm : new VirtualMachine(spec, _secp256k1);
    }

    private static StateTestResult Fail(StateTestCase testCase, Hash256 root, Hash256 logsHash, string error) =>
        new() { Case = testCase, Pass = false, StateRoot = root, LogsHash = logsHash, Error = error };
}
