namespace Nectar.Evm.Execution;

/// <summary>How a frame ended, as its caller sees it. The output may be a view of the callee frame's memory.</summary>
internal readonly struct CallOutcome(EvmError error, long gasLeft, ReadOnlyMemory<byte> output)
{
    public EvmError Error { get; } = error;

    public long GasLeft { get; } = gasLeft;

    public ReadOnlyMemory<byte> Output { get; } = output;

    public static CallOutcome Failed(EvmError error) => new(error, 0, ReadOnlyMemory<byte>.Empty);
}
