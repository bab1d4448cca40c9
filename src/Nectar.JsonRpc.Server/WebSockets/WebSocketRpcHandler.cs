using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Nectar.JsonRpc.Authentication;
using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Server.Hosting;
using Nectar.JsonRpc.Server.Http;
using Nectar.JsonRpc.Subscriptions;

namespace Nectar.JsonRpc.Server.WebSockets;

/// <summary>
/// JSON-RPC over WebSocket on the same port. The bearer token comes from the Authorization header or a
/// <c>bearer.&lt;token&gt;</c> subprotocol at connect time (a bad token is refused with 401 before the upgrade), or
/// later from a <c>nectar_authenticate</c> message. Messages are text frames up to the size limit, run one at a time.
/// </summary>
internal sealed class WebSocketRpcHandler(RpcConnectionRegistry registry, JsonRpcServerOptions options, ILogger logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        if (registry.Count >= options.MaxWebSocketConnections)
        {
            ServerLog.Refused(logger, StatusCodes.Status503ServiceUnavailable, "too many WebSocket connections");
            await TransportErrors.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, RpcErrorCodes.LimitExceeded, "too many WebSocket connections").ConfigureAwait(false);
            return;
        }

        var token = BearerToken.FromHeader(http.Request.Headers.Authorization);
        var fromProtocol = BearerToken.FromSubprotocols(http.WebSockets.WebSocketRequestedProtocols, out var offersJsonRpc);
        token ??= fromProtocol;

        if (token is null && options.RequireWebSocketToken)
        {
            ServerLog.Refused(logger, StatusCodes.Status401Unauthorized, RpcAuthMessages.Describe(RpcAuthFailure.MissingToken));
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await TransportErrors.WriteAsync(http, StatusCodes.Status401Unauthorized, RpcAuthMessages.CodeOf(RpcAuthFailure.MissingToken), RpcAuthMessages.Describe(RpcAuthFailure.MissingToken)).ConfigureAwait(false);
            return;
        }

        var transport = new WebSocketTransport(options.WebSocketCloseTimeout);
        var connection = registry.Open(transport, RpcTransportKind.WebSocket, http.Connection.RemoteIpAddress);
        if (token is not null)
        {
            var failure = token.Length == 0 ? RpcAuthFailure.InvalidToken : await AuthenticateAsync(connection, token, http.RequestAborted).ConfigureAwait(false);
            if (failure != RpcAuthFailure.None)
            {
                connection.Close(RpcCloseReason.Normal);
                ServerLog.Refused(logger, StatusCodes.Status401Unauthorized, RpcAuthMessages.Describe(failure));
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await TransportErrors.WriteAsync(http, StatusCodes.Status401Unauthorized, RpcAuthMessages.CodeOf(failure), RpcAuthMessages.Describe(failure)).ConfigureAwait(false);
                return;
            }
        }

        WebSocket socket;
        try
        {
            socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                SubProtocol = offersJsonRpc ? BearerToken.JsonRpcProtocol : null,
                KeepAliveInterval = options.WebSocketKeepAliveInterval,
            }).ConfigureAwait(false);
        }
        catch
        {
            connection.Close(RpcCloseReason.TransportError);
            throw;
        }

        using (socket)
        {
            var sendLoop = connection.RunSendLoopAsync(CancellationToken.None);
            transport.Attach(socket, sendLoop);
            ServerLog.WebSocketOpened(logger, connection.Id, connection.Principal is not null);
            if (connection.Principal is null)
            {
                _ = CloseIfStillAnonymousAsync(connection);
            }

            var reason = RpcCloseReason.Normal;
            try
            {
                reason = await ReceiveAsync(socket, connection, http.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The WebSocket stack itself sends a close frame for framing errors such as invalid UTF-8 (1007); the
                // socket then only needs to end, not to be aborted.
                reason = socket.State is WebSocketState.CloseSent or WebSocketState.Closed ? RpcCloseReason.ProtocolError : RpcCloseReason.TransportError;
            }
            finally
            {
                transport.ReceiveEnded();
                connection.Close(reason);
                await sendLoop.ConfigureAwait(false);
                await transport.Completion.ConfigureAwait(false);
                ServerLog.WebSocketEnded(logger, connection.Id, RpcConnection.ReasonTag(connection.CloseReason ?? reason));
            }
        }
    }

    private async Task CloseIfStillAnonymousAsync(RpcConnection connection)
    {
        try
        {
            await Task.Delay(options.AnonymousWebSocketTimeout, connection.Closed).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (connection.Principal is null)
        {
            connection.Close(RpcCloseReason.AuthenticationTimeout);
        }
    }

    private static async ValueTask<RpcAuthFailure> AuthenticateAsync(RpcConnection connection, string token, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.AuthenticateAsync(token, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException)
        {
            return RpcAuthFailure.InvalidToken;
        }
    }

    private async Task<RpcCloseReason> ReceiveAsync(WebSocket socket, RpcConnection connection, CancellationToken cancellationToken)
    {
        using var message = new RpcBufferWriter(4096);
        while (!connection.IsClosed)
        {
            var received = await socket.ReceiveAsync(message.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            switch (received.MessageType)
            {
                case WebSocketMessageType.Close:
                    return RpcCloseReason.Normal;
                case WebSocketMessageType.Binary:
                    return RpcCloseReason.ProtocolError;
            }

            message.Advance(received.Count);
            if (message.WrittenCount > options.MaxWebSocketMessageBytes)
            {
                return RpcCloseReason.MessageTooLarge;
            }

            if (received.EndOfMessage)
            {
                await connection.ProcessMessageAsync(message.WrittenMemory, cancellationToken).ConfigureAwait(false);
                message.Reset(maxRetained: 64 * 1024);
            }
        }

        return connection.CloseReason ?? RpcCloseReason.Normal;
    }
}
