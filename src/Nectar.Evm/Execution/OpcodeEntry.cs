namespace Nectar.Evm.Execution;

/// <summary>One row of a fork's dispatch table: the handler, its static gas and its stack bounds.</summary>
internal unsafe struct OpcodeEntry
{
    public delegate*<ref ExecutionState, EvmStatus> Handler;

    /// <summary>Gas charged before the handler runs.</summary>
    public long Gas;

    /// <summary>Stack items the instruction needs.</summary>
    public int MinStack;

    /// <summary>
    /// How far above <see cref="MinStack"/> the stack may be for the instruction to stay within 1,024 items, so one
    /// unsigned comparison checks both bounds.
    /// </summary>
    public int StackSpan;
}
