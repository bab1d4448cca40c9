using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Evm.Execution;
using Nectar.Evm.Precompiles;

namespace Nectar.Evm;

public sealed partial class VirtualMachine
{
    /// <summary>
    /// CALL, CALLCODE, DELEGATECALL and STATICCALL: charges memory, access, value and new-account costs, hands the
    /// callee all but 1/64 of what is left (EIP-150) up to the requested gas, then either completes the call at
    /// once (failure, precompile, no code) or prepares the callee's frame.
    /// </summary>
    internal EvmStatus CallInstruction(ref ExecutionState s, FrameKind kind)
    {
        var frame = s.Frame;
        var hasValue = kind is FrameKind.Call or FrameKind.CallCode;
        var requestedGas = s.Peek(0);
        var target = Words.ToAddress(in s.Peek(1));
        var value = hasValue ? s.Peek(2) : default;
        var arguments = hasValue ? 3 : 2;
        var inOffset = s.Peek(arguments);
        var inLength = s.Peek(arguments + 1);
        var outOffset = s.Peek(arguments + 2);
        var outLength = s.Peek(arguments + 3);
        s.Sp -= arguments + 4;

        if (kind == FrameKind.Call && frame.IsStatic && !value.IsZero)
        {
            return EvmStatus.StaticStateChange;
        }

        var memory = frame.Memory;
        if (!memory.TryExpand(in inOffset, in inLength, ref s.Gas) || !memory.TryExpand(in outOffset, in outLength, ref s.Gas))
        {
            return EvmStatus.OutOfGas;
        }

        long cost = 0;
        if (Spec.IsEip2929Enabled && World.WarmUp(target))
        {
            cost += GasCosts.ColdAccountAccessExtra;
        }

        if (Spec.IsEip7702Enabled && Delegation.TryGetTarget(World.GetCode(target), out var delegate_))
        {
            cost += World.WarmUp(delegate_) ? GasCosts.ColdAccountAccess : GasCosts.WarmAccess;
        }

        if (!value.IsZero)
        {
            cost += GasCosts.CallValue;
        }

        if (kind == FrameKind.Call)
        {
            if (Spec.IsEip158Enabled ? !value.IsZero && World.IsDead(target) : !World.Exists(target))
            {
                cost += GasCosts.NewAccount;
            }
        }

        if (!s.Charge(cost))
        {
            return EvmStatus.OutOfGas;
        }

        long gas;
        if (Spec.IsEip150Enabled)
        {
            var cap = s.Gas - (s.Gas / 64);
            gas = requestedGas.IsUInt64 && requestedGas.U0 < (ulong)cap ? (long)requestedGas.U0 : cap;
        }
        else
        {
            if (!requestedGas.IsUInt64 || requestedGas.U0 > (ulong)s.Gas)
            {
                return EvmStatus.OutOfGas;
            }

            gas = (long)requestedGas.U0;
        }

        s.Gas -= gas;
        if (!value.IsZero)
        {
            gas += GasCosts.CallStipend;
        }

        var input = inLength.IsZero ? ReadOnlyMemory<byte>.Empty : memory.SliceMemory(inOffset.U0, inLength.U0);
        frame.ReturnData = ReadOnlyMemory<byte>.Empty;

        Address caller, address;
        switch (kind)
        {
            case FrameKind.Call:
            case FrameKind.StaticCall:
                caller = frame.Address;
                address = target;
                break;
            case FrameKind.CallCode:
                caller = frame.Address;
                address = frame.Address;
                break;
            default:
                caller = frame.Caller;
                address = frame.Address;
                value = frame.Value;
                break;
        }

        var child = BeginCall(
            kind, frame.Depth + 1, frame.Address, caller, address, target, value, input, gas,
            frame.IsStatic || kind == FrameKind.StaticCall, out var outcome);
        if (child is null)
        {
            s.Gas += outcome.GasLeft;
            var kept = outcome.Error is EvmError.None or EvmError.Revert;
            if (kept)
            {
                frame.ReturnData = outcome.Output;
                CopyOutput(memory, outOffset.U0, outLength.U0, outcome.Output.Span);
            }

            s.Push(outcome.Error == EvmError.None);
            return EvmStatus.Continue;
        }

        child.ReturnOffset = outOffset.U0;
        child.ReturnLength = outLength.IsZero ? 0 : outLength.U0;
        child.Parent = frame;
        _pending = child;
        return EvmStatus.CallPending;
    }

    /// <summary>
    /// Enters a call: depth and balance checks, the value transfer (which creates and touches the recipient), then a
    /// precompile runs at once, code-less accounts succeed at once, and anything else gets a frame.
    /// </summary>
    /// <param name="kind">How the call was made.</param>
    /// <param name="depth">The callee frame's depth.</param>
    /// <param name="from">The account making the call (for value and tracing).</param>
    /// <param name="caller">CALLER inside the callee.</param>
    /// <param name="address">ADDRESS inside the callee (storage and balance context).</param>
    /// <param name="target">The account whose code (or precompile) runs.</param>
    /// <param name="value">CALLVALUE; moved from <paramref name="from"/> to <paramref name="address"/> for CALL only.</param>
    /// <param name="input">Call data.</param>
    /// <param name="gas">Gas handed to the callee.</param>
    /// <param name="isStatic">Whether the callee runs static.</param>
    /// <param name="outcome">The result when the call completed at once.</param>
    /// <returns>The callee's frame, or <see langword="null"/> when <paramref name="outcome"/> is final.</returns>
    private EvmFrame? BeginCall(
        FrameKind kind, int depth, Address from, Address caller, Address address, Address target, in UInt256 value,
        ReadOnlyMemory<byte> input, long gas, bool isStatic, out CallOutcome outcome)
    {
        if (_traceCalls)
        {
            Tracer!.EnterCall(ToCallKind(kind), from, target, value, gas, input.Span, depth + 1);
        }

        if (depth > MaxDepth)
        {
            return Immediate(new CallOutcome(EvmError.CallDepthExceeded, gas, default), gas, out outcome);
        }

        if (kind is FrameKind.Call or FrameKind.CallCode && !value.IsZero && World.GetBalance(from) < value)
        {
            return Immediate(new CallOutcome(EvmError.InsufficientBalance, gas, default), gas, out outcome);
        }

        var snapshot = World.Snapshot();
        var isPrecompile = Precompiles.TryGet(target, out var precompile);
        if (kind == FrameKind.Call)
        {
            if (!World.Exists(address))
            {
                if (!isPrecompile && Spec.IsEip158Enabled && value.IsZero)
                {
                    // Calling a missing account with no value does nothing at all: nothing is created or touched.
                    return Immediate(new CallOutcome(EvmError.None, gas, default), gas, out outcome);
                }

                World.CreateAccount(address);
            }

            World.Transfer(from, address, value);
        }
        else if (kind == FrameKind.StaticCall)
        {
            // A zero-value touch, as a CALL would make, so EIP-158 treats both alike.
            World.AddBalance(address, UInt256.Zero);
        }

        if (isPrecompile)
        {
            var result = RunPrecompile(precompile!, input.Span, gas);
            if (result.Error != EvmError.None)
            {
                World.Restore(snapshot);
            }

            return Immediate(result, gas, out outcome);
        }

        var code = World.GetCode(target);
        var codeAddress = target;
        if (Spec.IsEip7702Enabled && Delegation.TryGetTarget(code, out var delegate_))
        {
            // Follow one delegation only; a delegation to a precompile runs as empty code.
            codeAddress = delegate_;
            code = Precompiles.Contains(delegate_) ? [] : World.GetCode(delegate_);
        }

        if (code.Length == 0)
        {
            return Immediate(new CallOutcome(EvmError.None, gas, default), gas, out outcome);
        }

        var child = RentFrame(depth);
        child.Kind = kind;
        child.IsStatic = isStatic;
        child.Address = address;
        child.Caller = caller;
        child.CodeAddress = codeAddress;
        child.Value = value;
        child.Input = input;
        child.Gas = gas;
        child.StartGas = gas;
        child.Snapshot = snapshot;
        child.Code = CodeInfoCache.Get(World.GetCodeHash(codeAddress), code);
        outcome = default;
        return child;
    }

    private CallOutcome RunPrecompile(Precompile precompile, ReadOnlySpan<byte> input, long gas)
    {
        var cost = precompile.GasCost(input, Spec);
        if (cost > gas)
        {
            return CallOutcome.Failed(EvmError.OutOfGas);
        }

        if (!precompile.TryRun(input, out var output))
        {
            return CallOutcome.Failed(EvmError.PrecompileFailure);
        }

        return new CallOutcome(EvmError.None, gas - cost, output);
    }

    private EvmFrame? Immediate(in CallOutcome result, long gas, out CallOutcome outcome)
    {
        outcome = result;
        if (_traceCalls)
        {
            Tracer!.ExitCall(result.Output.Span, gas - result.GasLeft, result.Error);
        }

        return null;
    }

    /// <summary>Ends a frame: output, the code deposit of a creation, reverting on failure, the tracer's exit event.</summary>
    private CallOutcome CompleteFrame(EvmFrame frame, EvmStatus status)
    {
        var error = ToError(status);
        var gasLeft = error is EvmError.None or EvmError.Revert ? frame.Gas : 0;
        var output = status is EvmStatus.Return or EvmStatus.Revert && frame.OutputLength > 0
            ? frame.Memory.SliceMemory(frame.OutputOffset, frame.OutputLength)
            : ReadOnlyMemory<byte>.Empty;

        if (error == EvmError.None && frame.Kind is FrameKind.Create or FrameKind.Create2)
        {
            error = DepositCode(frame, output.Span, ref gasLeft);
        }

        if (error != EvmError.None)
        {
            World.Restore(frame.Snapshot);
            if (error != EvmError.Revert)
            {
                gasLeft = 0;
                output = ReadOnlyMemory<byte>.Empty;
            }
        }

        if (_traceCalls)
        {
            Tracer!.ExitCall(output.Span, frame.StartGas - gasLeft, error);
        }

        return new CallOutcome(error, gasLeft, output);
    }

    /// <summary>Hands a finished child's result to its parent: gas back, the success flag or address, return data.</summary>
    private void Resume(EvmFrame parent, EvmFrame child, in CallOutcome outcome)
    {
        parent.Gas += outcome.GasLeft;
        if (child.Kind is FrameKind.Create or FrameKind.Create2)
        {
            parent.Stack[parent.Sp++] = outcome.Error == EvmError.None ? Words.FromAddress(child.Address) : default;
            parent.ReturnData = outcome.Error == EvmError.Revert ? outcome.Output : ReadOnlyMemory<byte>.Empty;
            return;
        }

        if (outcome.Error is EvmError.None or EvmError.Revert)
        {
            parent.ReturnData = outcome.Output;
            CopyOutput(parent.Memory, child.ReturnOffset, child.ReturnLength, outcome.Output.Span);
        }

        parent.Stack[parent.Sp++] = outcome.Error == EvmError.None ? UInt256.One : default;
    }

    private static void CopyOutput(EvmMemory memory, ulong offset, ulong length, ReadOnlySpan<byte> output)
    {
        var n = (int)Math.Min(length, (ulong)output.Length);
        if (n > 0)
        {
            output[..n].CopyTo(memory.Slice(offset, (ulong)n));
        }
    }
}
