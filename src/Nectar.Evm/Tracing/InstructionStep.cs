using Nectar.Core.Numerics;
using Nectar.Core.Primitives;

namespace Nectar.Evm.Tracing;

/// <summary>
/// The machine state just before an instruction executes. The spans are views of the interpreter's own
/// buffers, valid only during the call: a tracer copies what it keeps.
/// </summary>
public readonly ref struct InstructionStep
{
    /// <summary>The program counter.</summary>
    public int Pc { get; init; }

    /// <summary>The instruction byte.</summary>
    public byte Opcode { get; init; }

    /// <summary>Gas left before the instruction.</summary>
    public long Gas { get; init; }

    /// <summary>Call depth, 1 for the transaction's own frame.</summary>
    public int Depth { get; init; }

    /// <summary>The refund counter.</summary>
    public long Refund { get; init; }

    /// <summary>The executing account.</summary>
    public Address Address { get; init; }

    /// <summary>The stack, bottom item first.</summary>
    public ReadOnlySpan<UInt256> Stack { get; init; }

    /// <summary>The memory.</summary>
    public ReadOnlySpan<byte> Memory { get; init; }

    /// <summary>The output of the frame's last call.</summary>
    public ReadOnlySpan<byte> ReturnData { get; init; }

    /// <summary>For SLOAD and SSTORE: whether <see cref="StorageKey"/> and <see cref="StorageValue"/> are set.</summary>
    public bool HasStorageAccess { get; init; }

    /// <summary>The slot SLOAD reads or SSTORE writes.</summary>
    public UInt256 StorageKey { get; init; }

    /// <summary>The value SLOAD reads or SSTORE writes.</summary>
    public UInt256 StorageValue { get; init; }
}
