namespace Nectar.JsonRpc.Subscriptions;

/// <summary>What a long-lived transport (WebSocket) provides to an <see cref="RpcConnection"/>.</summary>
public interface IRpcConnectionTransport
{
    /// <summary>Sends one complete JSON-RPC message; called by one sender at a time, in queue order.</summary>
    /// <param name="message">The UTF-8 message.</param>
    /// <param name="cancellationToken">Cancelled when the connection closes.</param>
    /// <returns>A task completing when the message is handed to the network.</returns>
    ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken);

    /// <summary>Starts closing the connection with a status for <paramref name="reason"/>; must not block.</summary>
    /// <param name="reason">Why the connection closes.</param>
    void Close(RpcCloseReason reason);
}
