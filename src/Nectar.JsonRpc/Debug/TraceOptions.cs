using System.Text.Json;

namespace Nectar.JsonRpc.Debug;

/// <summary>go-ethereum's trace configuration: the tracer, its configuration, and the struct logger's switches.</summary>
public sealed class TraceOptions
{
    /// <summary>The tracer: absent for struct logs, or <c>callTracer</c>.</summary>
    public string? Tracer { get; set; }

    /// <summary>The tracer's own options (<c>callTracer</c>: <c>onlyTopCall</c>).</summary>
    public CallTracerOptions? TracerConfig { get; set; }

    /// <summary>Leave the stack out of struct logs.</summary>
    public bool DisableStack { get; set; }

    /// <summary>Record memory in struct logs.</summary>
    public bool EnableMemory { get; set; }

    /// <summary>Leave storage out of struct logs.</summary>
    public bool DisableStorage { get; set; }

    /// <summary>Record each step's return data in struct logs.</summary>
    public bool EnableReturnData { get; set; }

    /// <summary>Stop recording after this many struct logs (0: the module's maximum).</summary>
    public int Limit { get; set; }

    /// <summary>go-ethereum's timeout (<c>"5s"</c>); accepted and ignored.</summary>
    public string? Timeout { get; set; }

    /// <summary>How many blocks of history to re-execute when state is missing; accepted and ignored.</summary>
    public JsonElement? Reexec { get; set; }

    /// <summary>State overrides for <c>debug_traceCall</c>; not supported, refused when given.</summary>
    public JsonElement? StateOverrides { get; set; }

    /// <summary>Block overrides for <c>debug_traceCall</c>; not supported, refused when given.</summary>
    public JsonElement? BlockOverrides { get; set; }
}
