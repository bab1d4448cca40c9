namespace Nectar.JsonRpc.Dispatch;

/// <summary>The reusable per-payload state of a dispatch, pooled so a request allocates nothing for it.</summary>
internal sealed class DispatchScratch(RpcDispatcher owner)
{
    /// <summary>The dispatcher this scratch belongs to (the thread-local cache is shared by every dispatcher).</summary>
    public RpcDispatcher Owner { get; } = owner;

    public RequestEnvelope[] Envelopes = new RequestEnvelope[4];

    public RpcParams Params { get; } = new();

    public RpcResponseWriter Writer { get; } = new();
}
