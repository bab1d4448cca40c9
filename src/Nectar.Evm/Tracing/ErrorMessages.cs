namespace Nectar.Evm.Tracing;

/// <summary>The error texts tracers report, worded as go-ethereum words them so tools recognise them.</summary>
public static class ErrorMessages
{
    /// <summary>The message for an error.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The text, or <see langword="null"/> for <see cref="EvmError.None"/>.</returns>
    public static string? Describe(EvmError error) => error switch
    {
        EvmError.None => null,
        EvmError.Revert => "execution reverted",
        EvmError.OutOfGas => "out of gas",
        EvmError.StackUnderflow => "stack underflow",
        EvmError.StackOverflow => "stack limit reached 1024",
        EvmError.InvalidJump => "invalid jump destination",
        EvmError.InvalidInstruction => "invalid opcode",
        EvmError.StaticStateChange => "write protection",
        EvmError.ReturnDataOutOfBounds => "return data out of bounds",
        EvmError.CodeSizeExceeded => "max code size exceeded",
        EvmError.InvalidCodePrefix => "invalid code: must not begin with 0xef",
        EvmError.InitCodeSizeExceeded => "max initcode size exceeded",
        EvmError.ContractCollision => "contract address collision",
        EvmError.PrecompileFailure => "precompiled contract failed",
        EvmError.InsufficientBalance => "insufficient balance for transfer",
        EvmError.CallDepthExceeded => "max call depth exceeded",
        EvmError.NonceOverflow => "nonce uint64 overflow",
        _ => error.ToString(),
    };
}
