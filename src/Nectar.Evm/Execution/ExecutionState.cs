using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Evm.Execution;

/// <summary>
/// The registers of the running frame, on the dispatch loop's own stack: refs to the stack bottom and the code,
/// the stack height, program counter and gas. Handlers take it by reference.
/// </summary>
[SkipLocalsInit]
internal ref struct ExecutionState
{
    public ref UInt256 Stack;
    public ref byte Code;
    public int Sp;
    public int Pc;
    public long Gas;
    public readonly EvmFrame Frame;
    public readonly VirtualMachine Vm;

    public ExecutionState(EvmFrame frame, VirtualMachine vm)
    {
        Frame = frame;
        Vm = vm;
        Stack = ref MemoryMarshal.GetArrayDataReference(frame.Stack);
        Code = ref MemoryMarshal.GetArrayDataReference(frame.Code.Padded);
        Sp = frame.Sp;
        Pc = frame.Pc;
        Gas = frame.Gas;
    }

    /// <summary>The item <paramref name="depth"/> places below the top (0 is the top).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref UInt256 Peek(int depth) => ref Unsafe.Add(ref Stack, Sp - 1 - depth);

    /// <summary>Pushes a value; the dispatch loop has checked the room.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(in UInt256 value) => Unsafe.Add(ref Stack, Sp++) = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(ulong value) => Unsafe.Add(ref Stack, Sp++) = new UInt256(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(bool value) => Unsafe.Add(ref Stack, Sp++) = new UInt256(value ? 1UL : 0UL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(Address address) => Unsafe.Add(ref Stack, Sp++) = Words.FromAddress(address);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(in Hash256 hash) => Unsafe.Add(ref Stack, Sp++) = Words.FromHash(hash);

    /// <summary>Charges gas; <see langword="false"/> when it runs out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Charge(long gas)
    {
        Gas -= gas;
        return Gas >= 0;
    }

    /// <summary>Saves the registers into the frame so it can be resumed later.</summary>
    public readonly void Save()
    {
        Frame.Sp = Sp;
        Frame.Pc = Pc;
        Frame.Gas = Gas;
    }
}
