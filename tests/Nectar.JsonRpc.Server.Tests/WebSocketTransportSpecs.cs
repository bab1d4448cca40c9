using System.Net;
using System.Net.WebSockets;
using System.Text;
using Nectar.JsonRpc.Authentication;
using Nectar.JsonRpc.Server.Tests.Support;
using Nectar.JsonRpc.Subscriptions;

namespace Nectar.JsonRpc.Server.Tests;

public sealed class WebSocketTransportSpecs : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Authenticates_with_the_authorization_header_at_connect()
    {
        using var socket = await _server.ConnectAsync(_server.Token);

        var answer = await socket.CallAsync("test_whoami");

        Assert.Equal(ServerHarness.Alice.ToString(), answer.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Authenticates_with_a_bearer_subprotocol_and_selects_the_json_rpc_one()
    {
        using var socket = await _server.ConnectAsync(null, "nectar.jsonrpc", "bearer." + _server.Token);

        var answer = await socket.CallAsync("test_whoami");

        Assert.Equal("nectar.jsonrpc", socket.SubProtocol);
        Assert.Equal(ServerHarness.Alice.ToString(), answer.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Refuses_an_upgrade_without_a_token_with_401_by_default()
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_server.Server.WebSocketUri, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
        Assert.Equal(0, _server.Server.Connections.Count);
    }

    [Fact]
    public async Task Serves_public_methods_anonymously_and_protected_ones_after_in_band_authentication_when_allowed()
    {
        await using var server = await ServerHarness.StartAsync(new JsonRpcServerOptions { Port = 0, RequireWebSocketToken = false });
        using var socket = await server.ConnectAsync();

        var chainId = await socket.CallAsync("test_chainId");
        var refused = await socket.CallAsync("test_whoami", id: 2);
        var login = await socket.CallAsync("nectar_authenticate", $"[\"{server.Token}\"]", id: 3);
        var allowed = await socket.CallAsync("test_whoami", id: 4);

        Assert.Equal("0x539", chainId.GetProperty("result").GetString());
        Assert.Equal(-32090, ServerHarness.ErrorOf(refused).Code);
        Assert.True(login.GetProperty("result").GetBoolean());
        Assert.Equal(ServerHarness.Alice.ToString(), allowed.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Refuses_a_bad_token_with_401_before_the_upgrade()
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Authorization", "Bearer forged");

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_server.Server.WebSocketUri, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
        Assert.Equal(0, _server.Server.Connections.Count);
    }

    [Fact]
    public async Task Refuses_a_token_in_the_url()
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(_server.Server.WebSocketUri, "?access_token=" + _server.Token), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Delivers_subscription_notifications_in_order_after_the_subscription_id()
    {
        using var socket = await _server.ConnectAsync(_server.Token);
        await socket.SendTextAsync("""{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["testTicks",{"burst":100}]}""");
        var id = ServerHarness.Parse((await socket.ReceiveTextAsync())!).GetProperty("result").GetString();

        for (var i = 100UL; i < 300; i++)
        {
            Assert.Equal(1, _server.Ticks.Publish(i));
        }

        for (var i = 0; i < 300; i++)
        {
            var notification = ServerHarness.Parse((await socket.ReceiveTextAsync())!);
            Assert.Equal("eth_subscription", notification.GetProperty("method").GetString());
            Assert.Equal(id, notification.GetProperty("params").GetProperty("subscription").GetString());
            Assert.Equal($"0x{i:x}", notification.GetProperty("params").GetProperty("result").GetString());
        }
    }

    [Fact]
    public async Task Closes_the_socket_with_4403_when_the_session_is_revoked()
    {
        using var socket = await _server.ConnectAsync(_server.Token);
        await socket.CallAsync("eth_subscribe", "[\"testTicks\"]");

        _server.Authenticator.End(_server.SessionId, RpcSessionEndReason.Revoked);

        Assert.Equal((WebSocketCloseStatus)4403, await socket.ReceiveCloseAsync());
        Assert.Equal("session revoked", socket.CloseStatusDescription);
        await Eventually.True(() => _server.Ticks.SubscriberCount == 0 && _server.Server.Connections.Count == 0, "the subscription and connection to end");
    }

    [Fact]
    public async Task Closes_the_socket_with_4401_when_the_token_expires()
    {
        var (token, _) = _server.Authenticator.Issue(ServerHarness.Alice, TimeSpan.FromMilliseconds(500));
        using var socket = await _server.ConnectAsync(token);

        Assert.Equal((WebSocketCloseStatus)4401, await socket.ReceiveCloseAsync());
        Assert.Equal("session expired", socket.CloseStatusDescription);
    }

    [Fact]
    public async Task Closes_a_socket_that_stays_anonymous_too_long_with_4401()
    {
        await using var server = await ServerHarness.StartAsync(new JsonRpcServerOptions { Port = 0, RequireWebSocketToken = false, AnonymousWebSocketTimeout = TimeSpan.FromMilliseconds(300) });
        using var anonymous = await server.ConnectAsync();
        using var loggedIn = await server.ConnectAsync();
        await loggedIn.CallAsync("nectar_authenticate", $"[\"{server.Token}\"]");

        Assert.Equal((WebSocketCloseStatus)4401, await anonymous.ReceiveCloseAsync());
        Assert.Equal("authentication required", anonymous.CloseStatusDescription);
        await Eventually.True(() => server.Server.Connections.Count == 1, "the anonymous connection to end");
        Assert.Equal(ServerHarness.Alice.ToString(), (await loggedIn.CallAsync("test_whoami", id: 2)).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Serves_messages_after_a_large_one()
    {
        using var socket = await _server.ConnectAsync(_server.Token);
        var large = new string('a', 300_000);

        var first = await socket.CallAsync("test_echo", $"[\"{large}\"]");
        var second = await socket.CallAsync("test_echo", "[\"small\"]", id: 2);

        Assert.Equal(large, first.GetProperty("result").GetString());
        Assert.Equal("small", second.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Closes_the_socket_with_1009_when_a_message_exceeds_the_limit()
    {
        await using var server = await ServerHarness.StartAsync(new JsonRpcServerOptions { Port = 0, MaxWebSocketMessageBytes = 1024 });
        using var socket = await server.ConnectAsync(server.Token);

        await socket.SendTextAsync($$"""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["{{new string('a', 2000)}}"]}""");

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await socket.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Closes_the_socket_when_the_client_sends_binary_frames()
    {
        using var socket = await _server.ConnectAsync(_server.Token);

        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"test_chainId"}"""), WebSocketMessageType.Binary, true, CancellationToken.None);

        Assert.Equal(WebSocketCloseStatus.InvalidMessageType, await socket.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Drops_a_socket_that_sends_text_that_is_not_utf8_and_keeps_serving_others()
    {
        using var socket = await _server.ConnectAsync(_server.Token);

        await socket.SendAsync(new byte[] { (byte)'{', 0xFF, 0xFE, (byte)'}' }, WebSocketMessageType.Text, true, CancellationToken.None);

        Assert.Null(await socket.ReceiveTextAsyncOrNull());
        await Eventually.True(() => _server.Server.Connections.Count == 0, "the connection to end");
        using var other = await _server.ConnectAsync(_server.Token);
        Assert.Equal("0x539", (await other.CallAsync("test_chainId")).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Reassembles_messages_split_across_frames()
    {
        using var socket = await _server.ConnectAsync(_server.Token);
        var bytes = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["split"]}""");

        await socket.SendAsync(bytes.AsMemory(0, 10), WebSocketMessageType.Text, false, CancellationToken.None);
        await socket.SendAsync(bytes.AsMemory(10), WebSocketMessageType.Text, true, CancellationToken.None);

        Assert.Equal("""{"jsonrpc":"2.0","id":1,"result":"split"}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Drops_a_client_that_stops_reading()
    {
        await using var server = await ServerHarness.StartAsync(connectionOptions: new RpcConnectionOptions { MaxQueuedMessages = 64, MaxQueuedBytes = 64 * 1024 });
        using var socket = await server.ConnectAsync(server.Token);
        await socket.CallAsync("eth_subscribe", "[\"testTicks\"]");

        // The client never reads again; the server must give up on it rather than queue without bound.
        var deadline = Environment.TickCount64 + 20_000;
        for (var i = 0UL; server.Server.Connections.Count > 0 && Environment.TickCount64 < deadline; i++)
        {
            server.Ticks.Publish(i);
            if ((i & 0x3FF) == 0)
            {
                await Task.Yield();
            }
        }

        Assert.Equal(0, server.Server.Connections.Count);
        Assert.Contains("nectar_rpc_websocket_closed_total{reason=\"slow_consumer\"} 1", server.Server.Metrics.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closes_sockets_with_1001_when_the_server_stops()
    {
        var server = await ServerHarness.StartAsync();
        using var socket = await server.ConnectAsync(server.Token);
        await socket.CallAsync("test_chainId");

        var stopping = server.DisposeAsync();

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await socket.ReceiveCloseAsync());
        await stopping;
    }

    [Fact]
    public async Task Refuses_upgrades_beyond_the_connection_limit_with_503()
    {
        await using var server = await ServerHarness.StartAsync(new JsonRpcServerOptions { Port = 0, MaxWebSocketConnections = 1 });
        using var first = await server.ConnectAsync(server.Token);
        var second = new ClientWebSocket();
        second.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => second.ConnectAsync(server.Server.WebSocketUri, CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.HttpStatusCode);
        Assert.Equal("0x539", (await first.CallAsync("test_chainId")).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Counts_open_connections_and_subscriptions_in_metrics()
    {
        using var socket = await _server.ConnectAsync(_server.Token);
        await socket.CallAsync("eth_subscribe", "[\"testTicks\"]");

        var metrics = _server.Server.Metrics.Render();

        Assert.Contains("nectar_rpc_websocket_connections 1", metrics, StringComparison.Ordinal);
        Assert.Contains("nectar_rpc_subscriptions 1", metrics, StringComparison.Ordinal);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await Eventually.True(() => _server.Server.Metrics.Render().Contains("nectar_rpc_websocket_connections 0", StringComparison.Ordinal), "the connection gauge to drop");
        Assert.Contains("nectar_rpc_subscriptions 0", _server.Server.Metrics.Render(), StringComparison.Ordinal);
    }
}
