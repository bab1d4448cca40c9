using System.Collections.Concurrent;
using System.Globalization;
using Nectar.Chain.Execution;
using Nectar.Chain.Reading;
using Nectar.Core.Blocks;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Core.Transactions;
using Nectar.Evm;
using Nectar.Evm.Tracing;
using Nectar.State;

namespace Nectar.Chain.Simulation;

/// <summary>
/// Executes messages against the state at a block without committing anything: calls, gas estimates, access lists
/// and traces of calls or of stored transactions. Every execution runs on its own <see cref="WorldState"/> over the
/// block's committed state and is dropped afterwards, so simulations never touch the chain and may run on many
/// threads at once.
/// </summary>
/// <remarks>
/// Semantics follow go-ethereum's <c>eth_call</c>: no signature, the sender's current nonce whatever the request
/// says, a base fee of zero when the message's price is zero (so an unpriced call needs no balance for gas), the
/// balance checked against gas times price plus value otherwise. The sender must still be an account without code
/// (or with an EIP-7702 delegation), as for a transaction.
/// </remarks>
public sealed partial class CallSimulator
{
    private readonly IChainReader _chain;
    private readonly ForkSchedule _forks;
    private readonly BlockProcessor _processor;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<Fork, ConcurrentBag<VirtualMachine>> _machines = new();

    /// <summary>Creates a simulator over a chain.</summary>
    /// <param name="chain">Blocks and state to read.</param>
    /// <param name="forks">Which rules apply to which block.</param>
    /// <param name="processor">The chain's execution core (chain id, curve; it re-executes blocks for traces).</param>
    /// <param name="options">Limits; <see cref="SimulationOptions.Default"/> when omitted.</param>
    /// <param name="time">The clock for the next block's timestamp; the system clock when omitted.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public CallSimulator(IChainReader chain, ForkSchedule forks, BlockProcessor processor, SimulationOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(forks);
        ArgumentNullException.ThrowIfNull(processor);
        options ??= SimulationOptions.Default;
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid simulation options: " + string.Join(" ", problems), nameof(options));
        }

        _chain = chain;
        _forks = forks;
        _processor = processor;
        _time = time ?? TimeProvider.System;
        Options = options;
    }

    /// <summary>The limits.</summary>
    public SimulationOptions Options { get; }

    /// <summary>The chain id messages run under (CHAINID).</summary>
    public ulong ChainId => _processor.ChainId;

    /// <summary>The chain's execution core.</summary>
    public BlockProcessor Processor => _processor;

    /// <summary>Which rules apply to which block.</summary>
    public ForkSchedule Forks => _forks;

    /// <summary>Executes a message and reports its outcome.</summary>
    /// <param name="request">The message.</param>
    /// <param name="block">Where it runs.</param>
    /// <param name="tracer">An optional tracer (<c>debug_traceCall</c>).</param>
    /// <returns>The outcome; a revert or halt is an outcome, not an exception.</returns>
    /// <exception cref="SimulationException">The message cannot run (state gone, fields contradict, a transaction rule broken).</exception>
    public SimulationResult Call(CallRequest request, SimulationBlock block, ITxTracer? tracer = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var environment = Prepare(block);
        var gas = request.Gas is { } requested ? Math.Min(requested, environment.GasCap) : environment.GasCap;
        return Run(environment, request, gas, tracer);
    }

    /// <summary>
    /// The environment of a simulation: the committed state to read, the EVM's block context (and its twin with a
    /// zero base fee for unpriced messages), the fork and the gas cap.
    /// </summary>
    private SimulationEnvironment Prepare(SimulationBlock block)
    {
        var header = block.Header ?? throw new ArgumentException("The simulation block has no header.", nameof(block));
        var state = _chain.GetState(header.Number)
            ?? throw new SimulationException(SimulationError.StateUnavailable, $"historical state for block {header.Number} is not available");

        BlockContext context;
        ForkSpec spec;
        if (block.IsPending)
        {
            var timestamp = Options.NextBlockTimestamp?.Invoke(header) ?? DefaultNextTimestamp(header);
            spec = _forks.At(timestamp);
            context = new BlockContext
            {
                Coinbase = header.Beneficiary,
                Number = header.Number + 1,
                Timestamp = timestamp,
                GasLimit = (long)Math.Min(header.GasLimit, long.MaxValue),
                BaseFee = BaseFee.Next(header, spec) ?? UInt256.Zero,
                PrevRandao = header.PrevRandao,
                BlobBaseFee = BlobGas.NextExcess(header, spec) is { } excess ? BlobGas.BaseFeePerBlobGas(excess, spec) : UInt256.Zero,
                ChainId = _processor.ChainId,
                BlockHashes = new AncestorHashes(header, _chain),
            };
        }
        else
        {
            spec = _forks.At(header.Timestamp);
            var parent = header.Number == 0 ? null : _chain.FindHeader(header.ParentHash);
            context = new BlockContext
            {
                Coinbase = header.Beneficiary,
                Number = header.Number,
                Timestamp = header.Timestamp,
                GasLimit = (long)Math.Min(header.GasLimit, long.MaxValue),
                BaseFee = header.BaseFeePerGas ?? UInt256.Zero,
                Difficulty = header.Difficulty,
                PrevRandao = header.PrevRandao,
                BlobBaseFee = header.ExcessBlobGas is { } excess ? BlobGas.BaseFeePerBlobGas(excess, spec) : UInt256.Zero,
                ChainId = _processor.ChainId,
                BlockHashes = parent is null ? null : new AncestorHashes(parent, _chain),
            };
        }

        var gasCap = Math.Min(Options.GasCap, (ulong)context.GasLimit);
        return new SimulationEnvironment(state, context, spec, gasCap);
    }

    private ulong DefaultNextTimestamp(BlockHeader head)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var next = head.Timestamp + 1;
        return now > 0 && (ulong)now > next ? (ulong)now : next;
    }

    /// <summary>Runs the message once with the given gas limit and access list on a fresh world state.</summary>
    private SimulationResult Run(SimulationEnvironment environment, CallRequest request, ulong gas, ITxTracer? tracer)
    {
        var executed = Execute(environment, request, gas, tracer);
        return executed.IsExecuted ? new SimulationResult(executed, gas) : throw Rejection(executed, request, gas, environment);
    }

    /// <summary>Runs the message once; a rejection (the message breaks a transaction rule) is returned, not thrown.</summary>
    private TransactionResult Execute(SimulationEnvironment environment, CallRequest request, ulong gas, ITxTracer? tracer)
    {
        var world = new WorldState(environment.State);
        var transaction = ToTransaction(request, gas, world.GetNonce(request.From), environment.Context.BaseFee, out var unpriced);
        var context = unpriced ? environment.UnpricedContext : environment.Context;
        var vm = Rent(environment.Spec);
        try
        {
            var processor = new TransactionProcessor(environment.Spec, context, world, _processor.Secp256k1, vm);
            return processor.Execute(transaction, request.From, tracer);
        }
        finally
        {
            Return(vm);
        }
    }

    /// <summary>
    /// The message as a transaction the processor accepts: the sender's own nonce, the gas given, and go-ethereum's
    /// fee rules (a legacy price, or EIP-1559 fields each zero when absent).
    /// </summary>
    private static Transaction ToTransaction(CallRequest request, ulong gas, ulong nonce, in UInt256 baseFee, out bool unpriced)
    {
        if (request.GasPrice is { } gasPrice)
        {
            if (request.MaxFeePerGas is not null || request.MaxPriorityFeePerGas is not null)
            {
                throw new SimulationException(SimulationError.InvalidRequest, "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
            }

            unpriced = gasPrice.IsZero;
            return new Transaction
            {
                Type = request.AuthorizationList.IsDefaultOrEmpty ? TransactionType.AccessList : TransactionType.SetCode,
                Nonce = nonce,
                GasPrice = gasPrice,
                MaxPriorityFeePerGas = gasPrice,
                GasLimit = gas,
                To = request.To,
                Value = request.Value,
                Data = request.Data,
                AccessList = request.AccessList,
                AuthorizationList = request.AuthorizationList,
            };
        }

        var feeCap = request.MaxFeePerGas ?? UInt256.Zero;
        var tip = request.MaxPriorityFeePerGas ?? UInt256.Zero;
        if (request.MaxFeePerGas is not null && request.MaxPriorityFeePerGas is not null && feeCap < tip)
        {
            throw new SimulationException(
                SimulationError.InvalidRequest,
                string.Create(CultureInfo.InvariantCulture, $"maxFeePerGas ({feeCap}) < maxPriorityFeePerGas ({tip})"));
        }

        // The price the message pays is min(tip + base fee, fee cap); when it is zero the block's base fee is lowered to
        // zero for the message (go-ethereum does the same), so unpriced calls work against any base fee.
        unpriced = feeCap.IsZero && tip.IsZero;
        if (!unpriced && !UInt256.AddOverflow(tip, baseFee, out var withTip))
        {
            unpriced = (withTip < feeCap ? withTip : feeCap).IsZero;
        }

        return new Transaction
        {
            Type = request.AuthorizationList.IsDefaultOrEmpty ? TransactionType.DynamicFee : TransactionType.SetCode,
            Nonce = nonce,
            MaxFeePerGas = feeCap,
            MaxPriorityFeePerGas = tip,
            GasLimit = gas,
            To = request.To,
            Value = request.Value,
            Data = request.Data,
            AccessList = request.AccessList,
            AuthorizationList = request.AuthorizationList,
        };
    }

    /// <summary>go-ethereum's wording for a message that breaks a transaction rule.</summary>
    private static SimulationException Rejection(TransactionResult result, CallRequest request, ulong gas, SimulationEnvironment environment)
    {
        var invariant = CultureInfo.InvariantCulture;
        var message = result.Rejection switch
        {
            TransactionRejection.InsufficientFunds => string.Create(
                invariant, $"insufficient funds for gas * price + value: address {request.From} have {Balance(environment, request.From)} want {Cost(request, gas)}"),
            TransactionRejection.MaxFeeBelowBaseFee => string.Create(
                invariant, $"max fee per gas less than block base fee: address {request.From}, maxFeePerGas: {request.GasPrice ?? request.MaxFeePerGas ?? UInt256.Zero}, baseFee: {environment.Context.BaseFee}"),
            TransactionRejection.SenderNotEoa => $"sender not an eoa: address {request.From}",
            TransactionRejection.NonceAtMaximum => $"nonce has max value: address {request.From}",
            TransactionRejection.BlockGasExceeded => "gas limit reached",
            _ => result.ValidationError switch
            {
                TransactionError.IntrinsicGasTooLow => string.Create(invariant, $"intrinsic gas too low: have {gas}, want {MinimumGas(request, environment.Spec)}"),
                TransactionError.GasLimitBelowCalldataFloor => string.Create(invariant, $"insufficient gas for floor data gas cost: have {gas}, want {MinimumGas(request, environment.Spec)}"),
                TransactionError.PriorityFeeAboveMaxFee => string.Create(
                    invariant, $"max priority fee per gas higher than max fee per gas: address {request.From}, maxPriorityFeePerGas: {request.MaxPriorityFeePerGas ?? UInt256.Zero}, maxFeePerGas: {request.MaxFeePerGas ?? UInt256.Zero}"),
                TransactionError.InitCodeTooLarge => string.Create(invariant, $"max initcode size exceeded: code size {request.Data.Length}, limit {environment.Spec.MaxInitCodeSize}"),
                TransactionError.CreationNotAllowed => "EIP-7702 transaction cannot be used to create contract",
                TransactionError.EmptyAuthorizationList => "EIP-7702 transaction with empty auth list",
                TransactionError.GasLimitPriceProductOverflow => "max fee per gas higher than 2^256-1 when multiplied by the gas limit",
                _ => result.Message ?? "transaction rejected",
            },
        };
        return new SimulationException(SimulationError.Rejected, message);
    }

    private static UInt256 Balance(SimulationEnvironment environment, Address account) =>
        environment.State.TryGetAccount(account, out var found) ? found.Balance : UInt256.Zero;

    private static string Cost(CallRequest request, ulong gas)
    {
        var price = request.GasPrice ?? request.MaxFeePerGas ?? UInt256.Zero;
        return UInt256.MultiplyOverflow(new UInt256(gas), price, out var fee) || UInt256.AddOverflow(fee, request.Value, out var total)
            ? "more than 2^256-1"
            : total.ToString();
    }

    private static ulong MinimumGas(CallRequest request, ForkSpec spec) =>
        IntrinsicGas.MinimumGasLimit(ToTransaction(request, 0, 0, UInt256.Zero, out _), spec);

    private VirtualMachine Rent(ForkSpec spec) =>
        _machines.TryGetValue(spec.Fork, out var pool) && pool.TryTake(out var vm) ? vm : new VirtualMachine(spec, _processor.Secp256k1);

    private void Return(VirtualMachine vm) => _machines.GetOrAdd(vm.Spec.Fork, static _ => []).Add(vm);

    /// <summary>Everything a run needs besides the message.</summary>
    private sealed class SimulationEnvironment(IStateReader state, BlockContext context, ForkSpec spec, ulong gasCap)
    {
        private BlockContext? _unpriced;

        public IStateReader State { get; } = state;

        public BlockContext Context { get; } = context;

        public ForkSpec Spec { get; } = spec;

        public ulong GasCap { get; } = gasCap;

        /// <summary>The same block with a base fee of zero, for messages that pay nothing per gas.</summary>
        public BlockContext UnpricedContext => _unpriced ??= new BlockContext
        {
            Coinbase = Context.Coinbase,
            Number = Context.Number,
            Timestamp = Context.Timestamp,
            GasLimit = Context.GasLimit,
            BaseFee = UInt256.Zero,
            Difficulty = Context.Difficulty,
            PrevRandao = Context.PrevRandao,
            BlobBaseFee = Context.BlobBaseFee,
            ChainId = Context.ChainId,
            BlockHashes = Context.BlockHashes,
        };
    }
}
