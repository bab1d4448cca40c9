using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Evm.Execution;

/// <summary>
/// One call frame: registers saved while a child runs, the stack and memory, and the call's context. Frames are
/// pooled by depth, so their stack array and memory buffer are reused by every call at that depth.
/// </summary>
internal sealed class EvmFrame
{
    public const int StackLimit = 1024;

    public readonly UInt256[] Stack = new UInt256[StackLimit];
    public readonly EvmMemory Memory = new();

    public CodeInfo Code = CodeInfo.Empty;
    public int Pc;
    public int Sp;
    public long Gas;

    /// <summary>Gas the frame was given, for the tracer's gas-used figure.</summary>
    public long StartGas;

    public FrameKind Kind;
    public int Depth;
    public bool IsStatic;

    /// <summary>The account whose storage and balance the code works on (ADDRESS).</summary>
    public Address Address;

    /// <summary>CALLER.</summary>
    public Address Caller;

    /// <summary>The account whose code runs (differs from <see cref="Address"/> for CALLCODE, DELEGATECALL and delegations).</summary>
    public Address CodeAddress;

    /// <summary>CALLVALUE.</summary>
    public UInt256 Value;

    /// <summary>Call data: a view of the caller's memory, which cannot change while this frame runs.</summary>
    public ReadOnlyMemory<byte> Input;

    /// <summary>The output of the last call this frame made (RETURNDATASIZE, RETURNDATACOPY).</summary>
    public ReadOnlyMemory<byte> ReturnData;

    /// <summary>The journal snapshot taken when the frame was entered.</summary>
    public int Snapshot;

    /// <summary>Where RETURN or REVERT left the output in memory.</summary>
    public ulong OutputOffset;

    /// <summary>The output length.</summary>
    public ulong OutputLength;

    /// <summary>Where the caller wants the output copied (CALL family).</summary>
    public ulong ReturnOffset;

    /// <summary>How many output bytes the caller takes at most.</summary>
    public ulong ReturnLength;

    public EvmFrame? Parent;

    public void Reset()
    {
        Pc = 0;
        Sp = 0;
        Memory.Reset();
        ReturnData = ReadOnlyMemory<byte>.Empty;
        OutputOffset = 0;
        OutputLength = 0;
    }
}
