using Nectar.Evm.Execution;

namespace Nectar.Evm.Instructions;

internal static partial class Handlers
{
    public static EvmStatus Return(ref ExecutionState s) => Halt(ref s, EvmStatus.Return);

    public static EvmStatus Revert(ref ExecutionState s) => Halt(ref s, EvmStatus.Revert);

    public static EvmStatus Call(ref ExecutionState s) => s.Vm.CallInstruction(ref s, FrameKind.Call);

    public static EvmStatus CallCode(ref ExecutionState s) => s.Vm.CallInstruction(ref s, FrameKind.CallCode);

    public static EvmStatus DelegateCall(ref ExecutionState s) => s.Vm.CallInstruction(ref s, FrameKind.DelegateCall);

    public static EvmStatus StaticCall(ref ExecutionState s) => s.Vm.CallInstruction(ref s, FrameKind.StaticCall);

    public static EvmStatus Create(ref ExecutionState s) => s.Vm.CreateInstruction(ref s, FrameKind.Create);

    public static EvmStatus Create2(ref ExecutionState s) => s.Vm.CreateInstruction(ref s, FrameKind.Create2);

    public static EvmStatus SelfDestruct(ref ExecutionState s) => s.Vm.SelfDestruct(ref s);

    private static EvmStatus Halt(ref ExecutionState s, EvmStatus status)
    {
        ref var offset = ref s.Peek(0);
        ref var length = ref s.Peek(1);
        if (!s.Frame.Memory.TryExpand(in offset, in length, ref s.Gas))
        {
            return EvmStatus.OutOfGas;
        }

        s.Frame.OutputOffset = length.IsZero ? 0 : offset.U0;
        s.Frame.OutputLength = length.U0;
        s.Sp -= 2;
        return status;
    }
}
