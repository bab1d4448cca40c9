using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;
using Nectar.Evm.Execution;

namespace Nectar.Evm;

public sealed partial class VirtualMachine
{
    /// <summary>
    /// CREATE and CREATE2: charges memory, init-code words (EIP-3860) and, for CREATE2, hashing; hands the child all
    /// but 1/64 of the remaining gas; then either fails at once or prepares the init code's frame.
    /// </summary>
    internal EvmStatus CreateInstruction(ref ExecutionState s, FrameKind kind)
    {
        var frame = s.Frame;
        var value = s.Peek(0);
        var offset = s.Peek(1);
        var length = s.Peek(2);
        var salt = kind == FrameKind.Create2 ? s.Peek(3) : default;
        s.Sp -= kind == FrameKind.Create2 ? 4 : 3;

        if (frame.IsStatic)
        {
            return EvmStatus.StaticStateChange;
        }

        if (Spec.IsEip3860Enabled && (!length.IsUInt64 || length.U0 > (ulong)Spec.MaxInitCodeSize))
        {
            return EvmStatus.InitCodeSizeExceeded;
        }

        var memory = frame.Memory;
        if (!memory.TryExpand(in offset, in length, ref s.Gas))
        {
            return EvmStatus.OutOfGas;
        }

        var words = (long)Words.Count(length.U0);
        var cost = (Spec.IsEip3860Enabled ? GasCosts.InitCodeWord * words : 0) + (kind == FrameKind.Create2 ? 6 * words : 0);
        if (!s.Charge(cost))
        {
            return EvmStatus.OutOfGas;
        }

        var gas = Spec.IsEip150Enabled ? s.Gas - (s.Gas / 64) : s.Gas;
        s.Gas -= gas;
        frame.ReturnData = ReadOnlyMemory<byte>.Empty;

        ReadOnlySpan<byte> initCode = length.IsZero ? [] : memory.Slice(offset.U0, length.U0);
        var address = kind == FrameKind.Create2
            ? Address.Create2(frame.Address, Words.ToHash(in salt), Keccak256.Compute(initCode))
            : Address.Create(frame.Address, World.GetNonce(frame.Address));

        var child = BeginCreate(kind, frame.Depth + 1, frame.Address, address, value, initCode, gas, out var outcome);
        if (child is null)
        {
            s.Gas += outcome.GasLeft;
            s.Push(default(UInt256));
            return EvmStatus.Continue;
        }

        child.Parent = frame;
        _pending = child;
        return EvmStatus.CreatePending;
    }

    /// <summary>
    /// Enters a creation: depth, balance and nonce checks, the creator's nonce increment, the collision check (nonce,
    /// code or storage at the address), then the new account (nonce 1 from EIP-158) with its endowment.
    /// </summary>
    private EvmFrame? BeginCreate(
        FrameKind kind, int depth, Address creator, Address address, in UInt256 value, ReadOnlySpan<byte> initCode, long gas,
        out CallOutcome outcome)
    {
        if (_traceCalls)
        {
            Tracer!.EnterCall(ToCallKind(kind), creator, address, value, gas, initCode, depth + 1);
        }

        if (depth > MaxDepth)
        {
            return Immediate(new CallOutcome(EvmError.CallDepthExceeded, gas, default), gas, out outcome);
        }

        if (World.GetBalance(creator) < value)
        {
            return Immediate(new CallOutcome(EvmError.InsufficientBalance, gas, default), gas, out outcome);
        }

        var nonce = World.GetNonce(creator);
        if (nonce == ulong.MaxValue)
        {
            return Immediate(new CallOutcome(EvmError.NonceOverflow, gas, default), gas, out outcome);
        }

        World.SetNonce(creator, nonce + 1);
        if (Spec.IsEip2929Enabled)
        {
            World.WarmUp(address);
        }

        if (World.GetNonce(address) != 0 || World.GetCodeHash(address) != Keccak256.OfEmpty || World.HasStorage(address))
        {
            return Immediate(CallOutcome.Failed(EvmError.ContractCollision), gas, out outcome);
        }

        var snapshot = World.Snapshot();
        World.MarkCreated(address);
        if (Spec.IsEip158Enabled)
        {
            World.SetNonce(address, 1);
        }

        World.Transfer(creator, address, value);

        var child = RentFrame(depth);
        child.Kind = kind;
        child.IsStatic = false;
        child.Address = address;
        child.Caller = creator;
        child.CodeAddress = address;
        child.Value = value;
        child.Input = ReadOnlyMemory<byte>.Empty;
        child.Gas = gas;
        child.StartGas = gas;
        child.Snapshot = snapshot;
        child.Code = new CodeInfo(initCode);
        outcome = default;
        return child;
    }

    /// <summary>
    /// Stores the code a successful init code returned: EIP-170 size limit, EIP-3541 0xEF rejection, 200 gas per
    /// byte (before Homestead, too little gas left for it deploys nothing yet keeps the creation).
    /// </summary>
    private EvmError DepositCode(EvmFrame frame, ReadOnlySpan<byte> code, ref long gasLeft)
    {
        if (Spec.IsEip170Enabled && code.Length > Spec.MaxCodeSize)
        {
            return EvmError.CodeSizeExceeded;
        }

        if (Spec.IsEip3541Enabled && code.Length > 0 && code[0] == 0xEF)
        {
            return EvmError.InvalidCodePrefix;
        }

        var cost = GasCosts.CodeDeposit * code.Length;
        if (gasLeft < cost)
        {
            return Spec.IsEip2Enabled ? EvmError.OutOfGas : EvmError.None;
        }

        gasLeft -= cost;
        World.SetCode(frame.Address, code.ToArray());
        return EvmError.None;
    }
}
