using System.Runtime.InteropServices;
using Nectar.Core.Primitives;
using Nectar.Core.Receipts;
using Nectar.Evm.Execution;

namespace Nectar.Evm.Instructions;

internal static partial class Handlers
{
    public static EvmStatus Log<TTopics>(ref ExecutionState s)
        where TTopics : struct, IConstant
    {
        if (s.Frame.IsStatic)
        {
            return EvmStatus.StaticStateChange;
        }

        ref var offset = ref s.Peek(0);
        ref var length = ref s.Peek(1);
        var memory = s.Frame.Memory;
        if (!memory.TryExpand(in offset, in length, ref s.Gas) || !length.IsUInt64 || length.U0 > long.MaxValue / 8 || !s.Charge(8 * (long)length.U0))
        {
            return EvmStatus.OutOfGas;
        }

        var topics = TTopics.Value == 0 ? [] : new Hash256[TTopics.Value];
        for (var i = 0; i < TTopics.Value; i++)
        {
            topics[i] = Words.ToHash(in s.Peek(2 + i));
        }

        var data = length.IsZero ? [] : memory.Slice(offset.U0, length.U0).ToArray();
        s.Vm.World.AddLog(new LogEntry(s.Frame.Address, ImmutableCollectionsMarshal.AsImmutableArray(topics), data));
        s.Sp -= 2 + TTopics.Value;
        return EvmStatus.Continue;
    }
}
