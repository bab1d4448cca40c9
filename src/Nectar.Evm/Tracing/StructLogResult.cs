namespace Nectar.Evm.Tracing;

/// <summary>A struct-log trace of one transaction: its gas, outcome, output and steps.</summary>
public sealed class StructLogResult
{
    /// <summary>Gas used by the transaction.</summary>
    public long Gas { get; init; }

    /// <summary>Whether the transaction's top frame failed or reverted.</summary>
    public bool Failed { get; init; }

    /// <summary>The top frame's output.</summary>
    public required byte[] ReturnValue { get; init; }

    /// <summary>The steps.</summary>
    public required IReadOnlyList<StructLog> StructLogs { get; init; }
}
