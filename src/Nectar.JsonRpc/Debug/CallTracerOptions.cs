namespace Nectar.JsonRpc.Debug;

/// <summary>The <c>callTracer</c>'s configuration.</summary>
public sealed class CallTracerOptions
{
    /// <summary>Only the transaction's own frame, without the calls it made.</summary>
    public bool OnlyTopCall { get; set; }

    /// <summary>go-ethereum's log capture; accepted, logs are not included.</summary>
    public bool WithLog { get; set; }
}
