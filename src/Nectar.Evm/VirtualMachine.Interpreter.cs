using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nectar.Core.Numerics;
using Nectar.Evm.Execution;
using Nectar.Evm.Tracing;

namespace Nectar.Evm;

public sealed partial class VirtualMachine
{
    /// <summary>
    /// The dispatch loop for one frame, until it halts or hands over to a child. Per instruction: one table read,
    /// one stack-bounds check from the table, the static gas charge, and an indirect call. Instantiated twice: with
    /// <see cref="TracingOff"/> the tracing branches are compiled out.
    /// </summary>
    [SkipLocalsInit]
    private unsafe EvmStatus Interpret<TTracing>(EvmFrame frame)
        where TTracing : struct, ITracingFlag
    {
        var s = new ExecutionState(frame, this);
        ref var table = ref MemoryMarshal.GetArrayDataReference(_table);
        EvmStatus status;
        long gasBefore = 0;
        while (true)
        {
            int op = Unsafe.Add(ref s.Code, s.Pc);
            ref var entry = ref Unsafe.Add(ref table, op);
            if (TTracing.Enabled)
            {
                gasBefore = s.Gas;
                TraceStart(ref s, (byte)op);
            }

            if ((uint)(s.Sp - entry.MinStack) > (uint)entry.StackSpan)
            {
                status = s.Sp < entry.MinStack ? EvmStatus.StackUnderflow : EvmStatus.StackOverflow;
                break;
            }

            s.Gas -= entry.Gas;
            if (s.Gas < 0)
            {
                status = EvmStatus.OutOfGas;
                break;
            }

            s.Pc++;
            status = entry.Handler(ref s);
            if (status != EvmStatus.Continue)
            {
                break;
            }

            if (TTracing.Enabled)
            {
                Tracer!.EndInstruction(gasBefore - s.Gas, EvmError.None);
            }
        }

        if (status >= EvmStatus.OutOfGas)
        {
            s.Gas = 0;
        }

        if (TTracing.Enabled)
        {
            var error = status >= EvmStatus.OutOfGas ? ToError(status) : EvmError.None;
            Tracer!.EndInstruction(gasBefore - s.Gas, error);
        }

        s.Save();
        return status;
    }

    private void TraceStart(ref ExecutionState s, byte op)
    {
        var frame = s.Frame;
        var hasStorage = false;
        UInt256 key = default, value = default;
        if (op == (byte)Opcode.SLOAD && s.Sp >= 1)
        {
            hasStorage = true;
            key = s.Peek(0);
            value = World.GetStorage(frame.Address, in key);
        }
        else if (op == (byte)Opcode.SSTORE && s.Sp >= 2)
        {
            hasStorage = true;
            key = s.Peek(0);
            value = s.Peek(1);
        }

        var step = new InstructionStep
        {
            Pc = s.Pc,
            Opcode = op,
            Gas = s.Gas,
            Depth = frame.Depth + 1,
            Refund = World.Refund,
            Address = frame.Address,
            Stack = MemoryMarshal.CreateReadOnlySpan(ref s.Stack, s.Sp),
            Memory = frame.Memory.Buffer.AsSpan(0, (int)frame.Memory.Size),
            ReturnData = frame.ReturnData.Span,
            HasStorageAccess = hasStorage,
            StorageKey = key,
            StorageValue = value,
        };
        Tracer!.StartInstruction(step);
    }
}
