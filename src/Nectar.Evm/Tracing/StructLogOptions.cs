namespace Nectar.Evm.Tracing;

/// <summary>What a <see cref="StructLogTracer"/> records per step (the debug_traceTransaction options).</summary>
public sealed record StructLogOptions
{
    /// <summary>Record memory (off by default: it is large).</summary>
    public bool EnableMemory { get; init; }

    /// <summary>Leave the stack out.</summary>
    public bool DisableStack { get; init; }

    /// <summary>Leave storage out.</summary>
    public bool DisableStorage { get; init; }

    /// <summary>Record each frame's return data.</summary>
    public bool EnableReturnData { get; init; }

    /// <summary>Stop recording after this many steps (0 for no limit).</summary>
    public int Limit { get; init; }
}
