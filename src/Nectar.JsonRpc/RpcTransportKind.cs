namespace Nectar.JsonRpc;

/// <summary>The transport a request arrived on.</summary>
public enum RpcTransportKind
{
    /// <summary>Called in-process (tests, the node itself).</summary>
    InProcess = 0,

    /// <summary>An HTTP POST; no subscriptions.</summary>
    Http = 1,

    /// <summary>A WebSocket message; subscriptions available.</summary>
    WebSocket = 2,
}
