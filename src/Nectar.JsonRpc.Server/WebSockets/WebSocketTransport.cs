using System.Net.WebSockets;
using Nectar.JsonRpc.Subscriptions;

namespace Nectar.JsonRpc.Server.WebSockets;

/// <summary>
/// An <see cref="IRpcConnectionTransport"/> over a server WebSocket. Closing waits for the send loop to stop (a close
/// frame must not interleave with a data frame), sends a close frame with a status for the reason, and aborts the
/// socket if the peer does not answer within the close timeout.
/// </summary>
internal sealed class WebSocketTransport(TimeSpan closeTimeout) : IRpcConnectionTransport
{
    /// <summary>Application close status: the session's token expired.</summary>
    public const int SessionExpiredStatus = 4401;

    /// <summary>Application close status: the session was revoked or logged out.</summary>
    public const int SessionRevokedStatus = 4403;

    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _receiveEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebSocket? _socket;
    private Task _sendLoop = Task.CompletedTask;
    private int _closing;

    /// <summary>Completes when the close procedure has finished.</summary>
    public Task Completion => _closed.Task;

    public void Attach(WebSocket socket, Task sendLoop)
    {
        _socket = socket;
        _sendLoop = sendLoop;
    }

    /// <summary>Tells the close procedure that the receive loop has stopped (the peer's close frame arrived, or the socket failed).</summary>
    public void ReceiveEnded() => _receiveEnded.TrySetResult();

    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
        _socket!.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public void Close(RpcCloseReason reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        if (_socket is null)
        {
            _closed.TrySetResult();
            return;
        }

        _ = CloseAsync(_socket, reason);
    }

    /// <summary>The close status and description sent for a reason.</summary>
    public static (WebSocketCloseStatus Status, string Description) StatusOf(RpcCloseReason reason) => reason switch
    {
        RpcCloseReason.SessionExpired => ((WebSocketCloseStatus)SessionExpiredStatus, "session expired"),
        RpcCloseReason.SessionRevoked => ((WebSocketCloseStatus)SessionRevokedStatus, "session revoked"),
        RpcCloseReason.AuthenticationTimeout => ((WebSocketCloseStatus)SessionExpiredStatus, "authentication required"),
        RpcCloseReason.SlowConsumer => (WebSocketCloseStatus.PolicyViolation, "slow consumer: outbound queue full"),
        RpcCloseReason.MessageTooLarge => (WebSocketCloseStatus.MessageTooBig, "message too large"),
        RpcCloseReason.ProtocolError => (WebSocketCloseStatus.InvalidMessageType, "text frames only"),
        RpcCloseReason.ServerStopping => (WebSocketCloseStatus.EndpointUnavailable, "server stopping"),
        _ => (WebSocketCloseStatus.NormalClosure, "closed"),
    };

    private async Task CloseAsync(WebSocket socket, RpcCloseReason reason)
    {
        try
        {
            if (reason == RpcCloseReason.TransportError)
            {
                socket.Abort();
                return;
            }

            await _sendLoop.WaitAsync(closeTimeout).ConfigureAwait(false);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                var (status, description) = StatusOf(reason);
                using var timeout = new CancellationTokenSource(closeTimeout);
                await socket.CloseOutputAsync(status, description, timeout.Token).ConfigureAwait(false);
            }

            await _receiveEnded.Task.WaitAsync(closeTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            // The peer is gone or will not answer: drop the socket rather than wait.
            socket.Abort();
        }
        finally
        {
            _closed.TrySetResult();
        }
    }
}
