namespace Nectar.JsonRpc.Dispatch;

/// <summary>The reusable per-payload state of a dispatch, pooled so a request allocates nothing for it.</summary>
internal sealed class DispatchScratch
{
    public RequestEnvelope[] Envelopes = new RequestEnvelope[4];

    public RpcParams Params { get; } = new();

    public RpcResponseWriter Writer { get; } = new();
}
