using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Nectar.JsonRpc.Server.Tests.Support;

internal static class WebSocketExtensions
{
    public static Task SendTextAsync(this WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Receives one message; null when the server closed the socket. Bounded by a timeout.</summary>
    public static async Task<string?> ReceiveTextAsync(this WebSocket socket, int timeoutMs = 10_000)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    /// <summary>Receives one message; null when the socket was closed or dropped.</summary>
    public static async Task<string?> ReceiveTextAsyncOrNull(this WebSocket socket)
    {
        try
        {
            return await socket.ReceiveTextAsync();
        }
        catch (WebSocketException)
        {
            return null;
        }
    }

    public static async Task<JsonElement> CallAsync(this WebSocket socket, string method, string paramsJson = "[]", int id = 1)
    {
        await socket.SendTextAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{paramsJson}}}""");
        var text = await socket.ReceiveTextAsync();
        Assert.NotNull(text);
        return ServerHarness.Parse(text);
    }

    /// <summary>Reads until the server's close frame arrives; returns its status. Bounded by a timeout.</summary>
    public static async Task<WebSocketCloseStatus?> ReceiveCloseAsync(this WebSocket socket, int timeoutMs = 10_000)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // Complete the close handshake, as a well-behaved client does.
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                    return result.CloseStatus;
                }
            }
        }
        catch (WebSocketException)
        {
            return socket.CloseStatus;
        }
    }
}
