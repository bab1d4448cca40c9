namespace Nectar.Evm;

/// <summary>Why a call frame stopped other than by STOP, RETURN or SELFDESTRUCT.</summary>
public enum EvmError
{
    /// <summary>The frame succeeded.</summary>
    None,

    /// <summary>REVERT: state changes undone, remaining gas returned, output kept.</summary>
    Revert,

    /// <summary>Not enough gas for an instruction, a memory expansion, a precompile or a code deposit.</summary>
    OutOfGas,

    /// <summary>An instruction needed more stack items than there were.</summary>
    StackUnderflow,

    /// <summary>An instruction would have grown the stack beyond 1,024 items.</summary>
    StackOverflow,

    /// <summary>JUMP or JUMPI to a position that is not a JUMPDEST.</summary>
    InvalidJump,

    /// <summary>The designated INVALID instruction (0xFE) or an opcode the fork does not define.</summary>
    InvalidInstruction,

    /// <summary>A state-changing instruction inside a STATICCALL.</summary>
    StaticStateChange,

    /// <summary>RETURNDATACOPY past the end of the return data.</summary>
    ReturnDataOutOfBounds,

    /// <summary>Deployed code longer than the fork's limit (EIP-170).</summary>
    CodeSizeExceeded,

    /// <summary>Deployed code starting with 0xEF (EIP-3541).</summary>
    InvalidCodePrefix,

    /// <summary>Init code longer than the fork's limit (EIP-3860).</summary>
    InitCodeSizeExceeded,

    /// <summary>CREATE or CREATE2 onto an address that has code, a nonce or storage.</summary>
    ContractCollision,

    /// <summary>A precompile rejected its input.</summary>
    PrecompileFailure,

    /// <summary>The caller cannot pay the value (reported by the call, not an exceptional halt).</summary>
    InsufficientBalance,

    /// <summary>The call would exceed the depth limit of 1,024 (reported by the call, not an exceptional halt).</summary>
    CallDepthExceeded,

    /// <summary>The creator's nonce is already 2^64 - 1 (reported by the create, not an exceptional halt).</summary>
    NonceOverflow,
}
