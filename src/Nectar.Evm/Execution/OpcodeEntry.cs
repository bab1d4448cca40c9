namespace Nectar.Evm.Execution;

/// <summary>One row of a fork's dispatch table: the handler, its static gas and its stack bounds.</summary>
internal unsafe struct OpcodeEntry
{
    public delegate*<ref ExecutionState, EvmStatus> Handler;

    /// <summary>Gas charged before the handler runs.</summary>
    public long Gas;

    /// <summary>Stack items the instruction needs.</summary>
    public int MinStack;

    /// <summary>The highest stack the instruction may start with without exceeding 1,024 items.</summary>
    public int MaxStack;
}
