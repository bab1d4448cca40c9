using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Core.Specs;
using Nectar.Crypto;
using Nectar.Evm.Execution;
using Nectar.Evm.Precompiles;
using Nectar.Evm.Tracing;
using Nectar.State;

namespace Nectar.Evm;

/// <summary>
/// The EVM interpreter for one fork. Instructions dispatch through the fork's table of function pointers; calls
/// and creations push frames on an explicit stack (frames pooled by depth, with their stacks and memory), so the
/// dispatch loop never recurses and executing an instruction allocates nothing.
/// </summary>
/// <remarks>
/// Not thread-safe: use one instance per thread. An instance may be reused for any number of executions; the
/// world state, block and transaction context are given per execution.
/// </remarks>
public sealed partial class VirtualMachine
{
    /// <summary>The deepest frame: the transaction's own frame is depth 0 and calls may nest 1,024 deeper.</summary>
    internal const int MaxDepth = 1024;

    internal readonly long ExpByteGas;
    internal WorldState World = null!;
    internal BlockContext Block = null!;
    internal TransactionContext Tx = null!;
    internal ITxTracer? Tracer;

    private readonly OpcodeEntry[] _table;
    private readonly List<EvmFrame> _frames = [];
    private EvmFrame? _pending;
    private bool _traceInstructions;
    private bool _traceCalls;

    /// <summary>Creates an interpreter for a fork.</summary>
    /// <param name="spec">The fork's rules.</param>
    /// <param name="secp256k1">The curve implementation the ecrecover precompile uses.</param>
    public VirtualMachine(ForkSpec spec, ISecp256k1 secp256k1)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(secp256k1);
        Spec = spec;
        Precompiles = new PrecompileSet(spec, secp256k1);
        _table = OpcodeTable.For(spec);
        ExpByteGas = spec.IsEip158Enabled ? 50 : 10;
    }

    /// <summary>The fork's rules.</summary>
    public ForkSpec Spec { get; }

    /// <summary>The fork's precompiles.</summary>
    public PrecompileSet Precompiles { get; }

    /// <summary>
    /// Runs a message call: value transfer (touching the recipient), then the recipient's code or precompile. The
    /// caller has already checked the balance and bought the gas; this does not change the caller's nonce.
    /// </summary>
    /// <param name="world">The state to execute against (changes stay in its journal; the caller commits).</param>
    /// <param name="block">The block context.</param>
    /// <param name="transaction">The transaction context.</param>
    /// <param name="caller">The sender.</param>
    /// <param name="to">The recipient.</param>
    /// <param name="value">Value sent.</param>
    /// <param name="input">Call data.</param>
    /// <param name="gas">Gas available to the call.</param>
    /// <param name="tracer">An optional tracer.</param>
    /// <returns>The outcome; on failure the state changes of the call are already undone.</returns>
    public CallResult Call(
        WorldState world, BlockContext block, TransactionContext transaction, Address caller, Address to, in UInt256 value,
        ReadOnlyMemory<byte> input, long gas, ITxTracer? tracer = null)
    {
        Attach(world, block, transaction, tracer);
        try
        {
            var frame = BeginCall(FrameKind.Call, 0, caller, caller, to, to, value, input, gas, false, out var outcome);
            if (frame is not null)
            {
                outcome = Run(frame);
            }

            return new CallResult(outcome.Error, outcome.GasLeft, outcome.Output.ToArray(), null);
        }
        finally
        {
            Detach();
        }
    }

    /// <summary>
    /// Runs a contract creation at the CREATE address of the sender's current nonce, incrementing that nonce.
    /// </summary>
    /// <param name="world">The state to execute against.</param>
    /// <param name="block">The block context.</param>
    /// <param name="transaction">The transaction context.</param>
    /// <param name="caller">The creator.</param>
    /// <param name="value">The endowment.</param>
    /// <param name="initCode">The init code.</param>
    /// <param name="gas">Gas available to the creation.</param>
    /// <param name="tracer">An optional tracer.</param>
    /// <returns>The outcome, with the new contract's address.</returns>
    public CallResult Create(
        WorldState world, BlockContext block, TransactionContext transaction, Address caller, in UInt256 value,
        ReadOnlyMemory<byte> initCode, long gas, ITxTracer? tracer = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        Attach(world, block, transaction, tracer);
        try
        {
            var address = Address.Create(caller, world.GetNonce(caller));
            var frame = BeginCreate(FrameKind.Create, 0, caller, address, value, initCode.Span, gas, out var outcome);
            if (frame is not null)
            {
                outcome = Run(frame);
            }

            return new CallResult(outcome.Error, outcome.GasLeft, outcome.Output.ToArray(), address);
        }
        finally
        {
            Detach();
        }
    }

    private void Attach(WorldState world, BlockContext block, TransactionContext transaction, ITxTracer? tracer)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(transaction);
        World = world;
        Block = block;
        Tx = transaction;
        Tracer = tracer;
        _traceInstructions = tracer?.TracesInstructions == true;
        _traceCalls = tracer?.TracesCalls == true;
    }

    private void Detach()
    {
        World = null!;
        Block = null!;
        Tx = null!;
        Tracer = null;
        _pending = null;
        _traceInstructions = false;
        _traceCalls = false;
    }

    /// <summary>Runs frames until <paramref name="top"/> finishes, resuming each parent when its child ends.</summary>
    private CallOutcome Run(EvmFrame top)
    {
        var frame = top;
        while (true)
        {
            var status = _traceInstructions ? Interpret<TracingOn>(frame) : Interpret<TracingOff>(frame);
            if (status is EvmStatus.CallPending or EvmStatus.CreatePending)
            {
                frame = _pending!;
                _pending = null;
                continue;
            }

            var outcome = CompleteFrame(frame, status);
            if (ReferenceEquals(frame, top))
            {
                return outcome;
            }

            var parent = frame.Parent!;
            Resume(parent, frame, outcome);
            frame = parent;
        }
    }

    private EvmFrame RentFrame(int depth)
    {
        while (_frames.Count <= depth)
        {
            _frames.Add(new EvmFrame());
        }

        var frame = _frames[depth];
        frame.Reset();
        frame.Depth = depth;
        return frame;
    }

    private static CallKind ToCallKind(FrameKind kind) => kind switch
    {
        FrameKind.Call => CallKind.Call,
        FrameKind.CallCode => CallKind.CallCode,
        FrameKind.DelegateCall => CallKind.DelegateCall,
        FrameKind.StaticCall => CallKind.StaticCall,
        FrameKind.Create => CallKind.Create,
        _ => CallKind.Create2,
    };

    private static EvmError ToError(EvmStatus status) => status switch
    {
        EvmStatus.Stop or EvmStatus.Return or EvmStatus.SelfDestruct => EvmError.None,
        EvmStatus.Revert => EvmError.Revert,
        EvmStatus.OutOfGas => EvmError.OutOfGas,
        EvmStatus.StackUnderflow => EvmError.StackUnderflow,
        EvmStatus.StackOverflow => EvmError.StackOverflow,
        EvmStatus.InvalidJump => EvmError.InvalidJump,
        EvmStatus.StaticStateChange => EvmError.StaticStateChange,
        EvmStatus.ReturnDataOutOfBounds => EvmError.ReturnDataOutOfBounds,
        EvmStatus.InitCodeSizeExceeded => EvmError.InitCodeSizeExceeded,
        _ => EvmError.InvalidInstruction,
    };
}
