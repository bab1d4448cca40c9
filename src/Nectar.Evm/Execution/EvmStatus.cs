namespace Nectar.Evm.Execution;

/// <summary>What an instruction handler tells the dispatch loop.</summary>
internal enum EvmStatus
{
    /// <summary>Go on with the next instruction.</summary>
    Continue = 0,

    /// <summary>STOP, or running off the end of the code.</summary>
    Stop,

    /// <summary>RETURN: the output range is in the frame.</summary>
    Return,

    /// <summary>REVERT: the output range is in the frame.</summary>
    Revert,

    /// <summary>SELFDESTRUCT halted the frame successfully.</summary>
    SelfDestruct,

    /// <summary>A CALL-family instruction prepared a child frame; run it, then resume this one.</summary>
    CallPending,

    /// <summary>CREATE or CREATE2 prepared a child frame; run it, then resume this one.</summary>
    CreatePending,

    /// <summary>Exceptional halt: out of gas.</summary>
    OutOfGas,

    /// <summary>Exceptional halt: stack underflow.</summary>
    StackUnderflow,

    /// <summary>Exceptional halt: stack overflow.</summary>
    StackOverflow,

    /// <summary>Exceptional halt: jump to a non-JUMPDEST.</summary>
    InvalidJump,

    /// <summary>Exceptional halt: INVALID or an undefined opcode.</summary>
    InvalidInstruction,

    /// <summary>Exceptional halt: state change in a static context.</summary>
    StaticStateChange,

    /// <summary>Exceptional halt: RETURNDATACOPY beyond the return data.</summary>
    ReturnDataOutOfBounds,

    /// <summary>Exceptional halt: CREATE with init code beyond the EIP-3860 limit.</summary>
    InitCodeSizeExceeded,
}
