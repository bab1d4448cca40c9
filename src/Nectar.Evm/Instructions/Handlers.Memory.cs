using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nectar.Core.Numerics;
using Nectar.Evm.Execution;

namespace Nectar.Evm.Instructions;

internal static partial class Handlers
{
    public static EvmStatus Pop(ref ExecutionState s)
    {
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus MLoad(ref ExecutionState s)
    {
        ref var offset = ref s.Peek(0);
        var memory = s.Frame.Memory;
        if (offset.U1 != 0 || offset.U2 != 0 || offset.U3 != 0 || !memory.TryExpand(offset.U0, 32, ref s.Gas))
        {
            return EvmStatus.OutOfGas;
        }

        offset = Words.Read(ref memory.Buffer[(int)offset.U0]);
        return EvmStatus.Continue;
    }

    public static EvmStatus MStore(ref ExecutionState s)
    {
        ref var offset = ref s.Peek(0);
        var memory = s.Frame.Memory;
        if (offset.U1 != 0 || offset.U2 != 0 || offset.U3 != 0 || !memory.TryExpand(offset.U0, 32, ref s.Gas))
        {
            return EvmStatus.OutOfGas;
        }

        Words.Write(in s.Peek(1), ref memory.Buffer[(int)offset.U0]);
        s.Sp -= 2;
        return EvmStatus.Continue;
    }

    public static EvmStatus MStore8(ref ExecutionState s)
    {
        ref var offset = ref s.Peek(0);
        var memory = s.Frame.Memory;
        if (offset.U1 != 0 || offset.U2 != 0 || offset.U3 != 0 || !memory.TryExpand(offset.U0, 1, ref s.Gas))
        {
            return EvmStatus.OutOfGas;
        }

        memory.Buffer[(int)offset.U0] = (byte)s.Peek(1).U0;
        s.Sp -= 2;
        return EvmStatus.Continue;
    }

    public static EvmStatus MCopy(ref ExecutionState s)
    {
        ref var destination = ref s.Peek(0);
        ref var source = ref s.Peek(1);
        ref var length = ref s.Peek(2);
        var memory = s.Frame.Memory;
        if (!memory.TryExpand(in source, in length, ref s.Gas)
            || !memory.TryExpand(in destination, in length, ref s.Gas)
            || !s.Charge(3 * (long)Words.Count(length.U0)))
        {
            return EvmStatus.OutOfGas;
        }

        if (!length.IsZero)
        {
            // Span.CopyTo handles overlapping ranges like memmove.
            memory.Slice(source.U0, length.U0).CopyTo(memory.Slice(destination.U0, length.U0));
        }

        s.Sp -= 3;
        return EvmStatus.Continue;
    }

    public static EvmStatus Jump(ref ExecutionState s)
    {
        ref var destination = ref s.Peek(0);
        if (!destination.IsUInt64 || destination.U0 > int.MaxValue || !s.Frame.Code.IsJumpDestination((int)destination.U0))
        {
            return EvmStatus.InvalidJump;
        }

        s.Pc = (int)destination.U0;
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus JumpI(ref ExecutionState s)
    {
        if (!s.Peek(1).IsZero)
        {
            ref var destination = ref s.Peek(0);
            if (!destination.IsUInt64 || destination.U0 > int.MaxValue || !s.Frame.Code.IsJumpDestination((int)destination.U0))
            {
                return EvmStatus.InvalidJump;
            }

            s.Pc = (int)destination.U0;
        }

        s.Sp -= 2;
        return EvmStatus.Continue;
    }

    public static EvmStatus Pc(ref ExecutionState s)
    {
        s.Push((ulong)(s.Pc - 1));
        return EvmStatus.Continue;
    }

    public static EvmStatus MSize(ref ExecutionState s)
    {
        s.Push(s.Frame.Memory.Size);
        return EvmStatus.Continue;
    }

    public static EvmStatus Gas(ref ExecutionState s)
    {
        s.Push((ulong)s.Gas);
        return EvmStatus.Continue;
    }

    public static EvmStatus JumpDest(ref ExecutionState s) => EvmStatus.Continue;

    public static EvmStatus Push0(ref ExecutionState s)
    {
        s.Push(default(UInt256));
        return EvmStatus.Continue;
    }

    public static EvmStatus Push1(ref ExecutionState s)
    {
        s.Push((ulong)Unsafe.Add(ref s.Code, s.Pc));
        s.Pc++;
        return EvmStatus.Continue;
    }

    public static EvmStatus Push2(ref ExecutionState s)
    {
        ref var data = ref Unsafe.Add(ref s.Code, s.Pc);
        s.Push((ulong)((data << 8) | Unsafe.Add(ref data, 1)));
        s.Pc += 2;
        return EvmStatus.Continue;
    }

    public static EvmStatus Push32(ref ExecutionState s)
    {
        s.Push(Words.Read(ref Unsafe.Add(ref s.Code, s.Pc)));
        s.Pc += 32;
        return EvmStatus.Continue;
    }

    /// <summary>PUSH3..PUSH31; the padding after the code makes the read safe at the end of the code.</summary>
    public static EvmStatus Push<TSize>(ref ExecutionState s)
        where TSize : struct, IConstant
    {
        var data = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref s.Code, s.Pc), TSize.Value);
        s.Push(new UInt256(data));
        s.Pc += TSize.Value;
        return EvmStatus.Continue;
    }

    public static EvmStatus Dup<TDepth>(ref ExecutionState s)
        where TDepth : struct, IConstant
    {
        var value = s.Peek(TDepth.Value - 1);
        s.Push(in value);
        return EvmStatus.Continue;
    }

    public static EvmStatus Swap<TDepth>(ref ExecutionState s)
        where TDepth : struct, IConstant
    {
        ref var top = ref s.Peek(0);
        ref var other = ref s.Peek(TDepth.Value);
        (top, other) = (other, top);
        return EvmStatus.Continue;
    }
}
