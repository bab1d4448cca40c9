using System.Text.Json.Serialization;
using Nectar.Evm;
using Nectar.Evm.Tracing;

namespace Nectar.JsonRpc.Debug;

/// <summary>A trace as the debug methods answer it: struct logs, or a <c>callTracer</c> call tree.</summary>
[JsonConverter(typeof(TraceResultConverter))]
public sealed class TraceResult
{
    private TraceResult(StructLogResult? structLogs, EvmError error, CallFrameTrace? calls, bool onlyTopCall)
    {
        StructLogs = structLogs;
        Error = error;
        Calls = calls;
        OnlyTopCall = onlyTopCall;
    }

    /// <summary>The struct-log trace, when that tracer ran.</summary>
    public StructLogResult? StructLogs { get; }

    /// <summary>The top frame's error (a revert keeps its return value in struct-log output; other failures do not).</summary>
    public EvmError Error { get; }

    /// <summary>The call tree, when <c>callTracer</c> ran.</summary>
    public CallFrameTrace? Calls { get; }

    /// <summary>Whether only the top frame of <see cref="Calls"/> is shown.</summary>
    public bool OnlyTopCall { get; }

    internal static TraceResult FromStructLogs(StructLogResult result, EvmError error) => new(result, error, null, false);

    internal static TraceResult FromCalls(CallFrameTrace root, bool onlyTopCall) => new(null, EvmError.None, root, onlyTopCall);
}
