using System.Runtime.InteropServices;
using Nectar.Core.Hashing;
using Nectar.Core.Numerics;
using Nectar.Evm.Execution;

namespace Nectar.Evm.Instructions;

internal static partial class Handlers
{
    public static EvmStatus Keccak(ref ExecutionState s)
    {
        ref var offset = ref s.Peek(0);
        ref var length = ref s.Peek(1);
        var memory = s.Frame.Memory;
        if (!memory.TryExpand(in offset, in length, ref s.Gas) || !s.Charge(6 * (long)Words.Count(length.U0)))
        {
            return EvmStatus.OutOfGas;
        }

        var hash = length.IsZero ? Keccak256.OfEmpty : Keccak256.Compute(memory.Slice(offset.U0, length.U0));
        length = Words.FromHash(hash);
        s.Sp--;
        return EvmStatus.Continue;
    }

    public static EvmStatus Address(ref ExecutionState s)
    {
        s.Push(s.Frame.Address);
        return EvmStatus.Continue;
    }

    public static EvmStatus Balance(ref ExecutionState s)
    {
        ref var word = ref s.Peek(0);
        var address = Words.ToAddress(in word);
        if (!s.Vm.ChargeAccountAccess(ref s, address))
        {
            return EvmStatus.OutOfGas;
        }

        word = s.Vm.World.GetBalance(address);
        return EvmStatus.Continue;
    }

    public static EvmStatus Origin(ref ExecutionState s)
    {
        s.Push(s.Vm.Tx.Origin);
        return EvmStatus.Continue;
    }

    public static EvmStatus Caller(ref ExecutionState s)
    {
        s.Push(s.Frame.Caller);
        return EvmStatus.Continue;
    }

    public static EvmStatus CallValue(ref ExecutionState s)
    {
        s.Push(in s.Frame.Value);
        return EvmStatus.Continue;
    }

    public static EvmStatus CallDataLoad(ref ExecutionState s)
    {
        ref var offset = ref s.Peek(0);
        var input = s.Frame.Input.Span;
        if (offset.IsUInt64 && offset.U0 < (ulong)input.Length)
        {
            var start = (int)offset.U0;
            if (input.Length - start >= 32)
            {
                offset = Words.Read(ref MemoryMarshal.GetReference(input[start..]));
            }
            else
            {
                Span<byte> padded = stackalloc byte[32];
                padded.Clear();
                input[start..].CopyTo(padded);
                offset = Words.Read(ref MemoryMarshal.GetReference(padded));
            }
        }
        else
        {
            offset = default;
        }

        return EvmStatus.Continue;
    }

    public static EvmStatus CallDataSize(ref ExecutionState s)
    {
        s.Push((ulong)s.Frame.Input.Length);
        return EvmStatus.Continue;
    }

    public static EvmStatus CallDataCopy(ref ExecutionState s) => Copy(ref s, s.Frame.Input.Span);

    public static EvmStatus CodeSize(ref ExecutionState s)
    {
        s.Push((ulong)s.Frame.Code.Length);
        return EvmStatus.Continue;
    }

    public static EvmStatus CodeCopy(ref ExecutionState s) => Copy(ref s, s.Frame.Code.Code);

    public static EvmStatus GasPrice(ref ExecutionState s)
    {
        s.Push(s.Vm.Tx.GasPrice);
        return EvmStatus.Continue;
    }

    public static EvmStatus ExtCodeSize(ref ExecutionState s)
    {
        ref var word = ref s.Peek(0);
        var address = Words.ToAddress(in word);
        if (!s.Vm.ChargeAccountAccess(ref s, address))
        {
            return EvmStatus.OutOfGas;
        }

        word = new UInt256((ulong)s.Vm.World.GetCode(address).Length);
        return EvmStatus.Continue;
    }

    public static EvmStatus ExtCodeCopy(ref ExecutionState s)
    {
        var address = Words.ToAddress(in s.Peek(0));
        ref var destination = ref s.Peek(1);
        ref var sourceOffset = ref s.Peek(2);
        ref var length = ref s.Peek(3);
        var memory = s.Frame.Memory;
        if (!memory.TryExpand(in destination, in length, ref s.Gas)
            || !s.Charge(3 * (long)Words.Count(length.U0))
            || !s.Vm.ChargeAccountAccess(ref s, address))
        {
            return EvmStatus.OutOfGas;
        }

        if (!length.IsZero)
        {
            Words.CopyPadded(s.Vm.World.GetCode(address), in sourceOffset, memory.Slice(destination.U0, length.U0));
        }

        s.Sp -= 4;
        return EvmStatus.Continue;
    }

    public static EvmStatus ReturnDataSize(ref ExecutionState s)
    {
        s.Push((ulong)s.Frame.ReturnData.Length);
        return EvmStatus.Continue;
    }

    public static EvmStatus ReturnDataCopy(ref ExecutionState s)
    {
        ref var destination = ref s.Peek(0);
        ref var sourceOffset = ref s.Peek(1);
        ref var length = ref s.Peek(2);
        var memory = s.Frame.Memory;
        if (!memory.TryExpand(in destination, in length, ref s.Gas) || !s.Charge(3 * (long)Words.Count(length.U0)))
        {
            return EvmStatus.OutOfGas;
        }

        var data = s.Frame.ReturnData.Span;
        var end = sourceOffset + length;
        if (!sourceOffset.IsUInt64 || !end.IsUInt64 || end < sourceOffset || end.U0 > (ulong)data.Length)
        {
            return EvmStatus.ReturnDataOutOfBounds;
        }

        if (!length.IsZero)
        {
            data.Slice((int)sourceOffset.U0, (int)length.U0).CopyTo(memory.Slice(destination.U0, length.U0));
        }

        s.Sp -= 3;
        return EvmStatus.Continue;
    }

    public static EvmStatus ExtCodeHash(ref ExecutionState s)
    {
        ref var word = ref s.Peek(0);
        var address = Words.ToAddress(in word);
        if (!s.Vm.ChargeAccountAccess(ref s, address))
        {
            return EvmStatus.OutOfGas;
        }

        var world = s.Vm.World;
        word = world.IsDead(address) ? default : Words.FromHash(world.GetCodeHash(address));
        return EvmStatus.Continue;
    }

    /// <summary>CALLDATACOPY and CODECOPY: memory destination, source offset, length; zero-filled past the source.</summary>
    private static EvmStatus Copy(ref ExecutionState s, ReadOnlySpan<byte> source)
    {
        ref var destination = ref s.Peek(0);
        ref var sourceOffset = ref s.Peek(1);
        ref var length = ref s.Peek(2);
        var memory = s.Frame.Memory;
        if (!memory.TryExpand(in destination, in length, ref s.Gas) || !s.Charge(3 * (long)Words.Count(length.U0)))
        {
            return EvmStatus.OutOfGas;
        }

        if (!length.IsZero)
        {
            Words.CopyPadded(source, in sourceOffset, memory.Slice(destination.U0, length.U0));
        }

        s.Sp -= 3;
        return EvmStatus.Continue;
    }
}
