namespace Nectar.JsonRpc.Debug;

/// <summary>Settings of the debug module.</summary>
public sealed record DebugRpcOptions
{
    /// <summary>The default settings.</summary>
    public static DebugRpcOptions Default { get; } = new();

    /// <summary>
    /// The most struct logs one trace records (a request's <c>limit</c> may lower it): a long loop would otherwise
    /// hold millions of steps in memory before the response-size limit could refuse them.
    /// </summary>
    public int MaxStructLogs { get; init; } = 100_000;
}
