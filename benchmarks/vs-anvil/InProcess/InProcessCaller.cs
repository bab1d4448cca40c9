using System.Diagnostics;
using Nectar.Benchmarks.VsAnvil.Scenario;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Transactions;
using Nectar.Crypto;
using Nectar.Evm;
using Nectar.State;

namespace Nectar.Benchmarks.VsAnvil.InProcess;

/// <summary>
/// A read-only call executed the way eth_call executes one, in this process: intrinsic gas charged, the sender,
/// recipient, precompiles and coinbase warmed (EIP-2929, EIP-3651), the interpreter run on the recipient's code,
/// and every change rolled back. No fee is paid and the nonce is not checked. There is no JSON-RPC layer here,
/// unlike anvil's eth_call.
/// </summary>
internal sealed class InProcessCaller
{
    private readonly WorldState _world;
    private readonly VirtualMachine _vm;
    private readonly BlockContext _block;
    private readonly TransactionContext _transaction;
    private readonly Address _sender;

    /// <summary>Creates a caller over a state.</summary>
    /// <param name="secp256k1">The curve (the ecrecover precompile).</param>
    /// <param name="world">The state calls read; it is left unchanged.</param>
    /// <param name="block">The block the calls execute in.</param>
    /// <param name="sender">The caller (ORIGIN and CALLER).</param>
    public InProcessCaller(ISecp256k1 secp256k1, WorldState world, BlockContext block, Address sender)
    {
        _world = world;
        _block = block;
        _sender = sender;
        _vm = new VirtualMachine(BenchmarkScenario.Spec, secp256k1);
        _transaction = new TransactionContext { Origin = sender, GasPrice = UInt256.Zero };
    }

    /// <summary>Executes one call and rolls its changes back.</summary>
    /// <param name="to">The contract.</param>
    /// <param name="data">The call data.</param>
    /// <param name="gasLimit">The gas the call is given, intrinsic gas included.</param>
    /// <returns>The outcome, with the gas a transaction making the same call would use (no refunds: the calls are pure).</returns>
    public CallMeasurement Call(Address to, byte[] data, ulong gasLimit)
    {
        var spec = BenchmarkScenario.Spec;
        var clock = Stopwatch.StartNew();
        var intrinsic = IntrinsicGas.Calculate(new Transaction { Type = TransactionType.DynamicFee, To = to, Data = data, GasLimit = gasLimit }, spec);
        _world.WarmUp(_sender);
        _world.WarmUp(to);
        foreach (var precompile in _vm.Precompiles.Addresses)
        {
            _world.WarmUp(precompile);
        }

        _world.WarmUp(_block.Coinbase);
        var result = _vm.Call(_world, _block, _transaction, _sender, to, UInt256.Zero, data, (long)(gasLimit - intrinsic));
        _world.RollbackTransaction();
        clock.Stop();
        if (!result.Success)
        {
            throw new InvalidOperationException($"The call to {to} failed in Nectar: {result.Error}.");
        }

        return new CallMeasurement(result.Output, gasLimit - (ulong)result.GasLeft, clock.Elapsed);
    }
}
