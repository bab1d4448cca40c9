using Nectar.Evm.Execution;

namespace Nectar.Evm.Instructions;

internal static partial class Handlers
{
    public static EvmStatus SLoad(ref ExecutionState s)
    {
        ref var key = ref s.Peek(0);
        var vm = s.Vm;
        var slot = vm.World.GetStorageSlot(s.Frame.Address, in key);
        if (vm.Spec.IsEip2929Enabled && vm.World.WarmUp(slot) && !s.Charge(GasCosts.ColdSloadExtra))
        {
            return EvmStatus.OutOfGas;
        }

        key = slot.Current;
        return EvmStatus.Continue;
    }

    public static EvmStatus SStore(ref ExecutionState s) => s.Vm.SStore(ref s);

    public static EvmStatus TLoad(ref ExecutionState s)
    {
        ref var key = ref s.Peek(0);
        key = s.Vm.World.GetTransientStorage(s.Frame.Address, in key);
        return EvmStatus.Continue;
    }

    public static EvmStatus TStore(ref ExecutionState s)
    {
        if (s.Frame.IsStatic)
        {
            return EvmStatus.StaticStateChange;
        }

        s.Vm.World.SetTransientStorage(s.Frame.Address, in s.Peek(0), in s.Peek(1));
        s.Sp -= 2;
        return EvmStatus.Continue;
    }
}
