using Nectar.Core.Numerics;

namespace Nectar.Evm.Tracing;

/// <summary>One step of a go-ethereum style struct-log trace.</summary>
public sealed class StructLog
{
    /// <summary>The program counter.</summary>
    public int Pc { get; init; }

    /// <summary>The instruction's mnemonic.</summary>
    public required string Op { get; init; }

    /// <summary>Gas left before the step.</summary>
    public long Gas { get; init; }

    /// <summary>Gas the step cost.</summary>
    public long GasCost { get; set; }

    /// <summary>Call depth, 1 for the transaction's frame.</summary>
    public int Depth { get; init; }

    /// <summary>The refund counter before the step.</summary>
    public long Refund { get; init; }

    /// <summary>Memory size in bytes before the step.</summary>
    public int MemorySize { get; init; }

    /// <summary>The error the step raised, if any.</summary>
    public string? Error { get; set; }

    /// <summary>The stack before the step, bottom first (null when disabled).</summary>
    public IReadOnlyList<UInt256>? Stack { get; init; }

    /// <summary>Memory before the step in 32-byte words (null unless enabled).</summary>
    public IReadOnlyList<byte[]>? Memory { get; init; }

    /// <summary>For SLOAD and SSTORE, the contract's storage seen so far (null otherwise or when disabled).</summary>
    public IReadOnlyDictionary<UInt256, UInt256>? Storage { get; init; }

    /// <summary>The frame's last return data (null unless enabled).</summary>
    public byte[]? ReturnData { get; init; }
}
