using System.Net;
using System.Net.Sockets;
using System.Text;
using Nectar.JsonRpc.Server.Tests.Support;

namespace Nectar.JsonRpc.Server.Tests;

public sealed class HttpTransportSpecs : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Listens_on_loopback_on_the_port_it_was_given()
    {
        Assert.Equal("127.0.0.1", _server.Server.HttpUri.Host);
        Assert.NotEqual(0, _server.Server.HttpUri.Port);
        Assert.Equal("ws", _server.Server.WebSocketUri.Scheme);
    }

    [Fact]
    public async Task Answers_a_public_method_without_a_token()
    {
        var (status, body, _) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_chainId"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"result":"0x539"}""", body);
    }

    [Fact]
    public async Task Serves_the_rpc_path_as_well_as_the_root()
    {
        var (status, body, _) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_chainId"}""", path: "/rpc");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("0x539", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_a_protected_method_with_a_valid_token()
    {
        var (status, body, _) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_whoami"}""", _server.Token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($$"""{"jsonrpc":"2.0","id":1,"result":"{{ServerHarness.Alice}}"}""", body);
    }

    [Fact]
    public async Task Refuses_a_protected_method_without_a_token_with_401()
    {
        var (status, body, response) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_whoami"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal((-32090, "unauthorized: this method needs an Authorization: Bearer token"), ServerHarness.ErrorOf(ServerHarness.Parse(body)));
    }

    [Fact]
    public async Task Refuses_a_wrong_token_with_401_without_echoing_it()
    {
        const string wrong = "forged-token-value-123";

        var (status, body, response) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_whoami"}""", wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal((-32090, "unauthorized: invalid bearer token"), ServerHarness.ErrorOf(ServerHarness.Parse(body)));
        Assert.DoesNotContain(wrong, body, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, response.Headers.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_an_expired_token_with_401_and_the_session_expired_code()
    {
        var (expired, _) = _server.Authenticator.Issue(ServerHarness.Alice, TimeSpan.FromMilliseconds(-1));

        var (status, body, _) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_whoami"}""", expired);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal((-32091, "unauthorized: bearer token expired"), ServerHarness.ErrorOf(ServerHarness.Parse(body)));
    }

    [Fact]
    public async Task Refuses_a_revoked_session_with_401()
    {
        var (token, session) = _server.Authenticator.Issue(ServerHarness.Alice, TimeSpan.FromHours(1));
        _server.Authenticator.End(session);

        var (status, body, _) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_whoami"}""", token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(-32091, ServerHarness.ErrorOf(ServerHarness.Parse(body)).Code);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer a b")]
    public async Task Refuses_a_malformed_authorization_header_as_an_invalid_token(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"test_whoami"}""", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var response = await _server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(-32090, ServerHarness.ErrorOf(ServerHarness.Parse(await response.Content.ReadAsStringAsync())).Code);
    }

    [Fact]
    public async Task Answers_a_public_method_even_with_a_wrong_token()
    {
        var (status, _, _) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_chainId"}""", "wrong");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Answers_200_for_a_batch_where_only_some_requests_are_refused()
    {
        var (status, body, _) = await _server.PostAsync("""[{"jsonrpc":"2.0","id":1,"method":"test_chainId"},{"jsonrpc":"2.0","id":2,"method":"test_whoami"}]""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("-32090", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?access_token=abc")]
    [InlineData("/rpc?token=abc")]
    [InlineData("/?auth=abc&x=1")]
    public async Task Refuses_tokens_in_the_url(string path)
    {
        var (status, body, _) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_chainId"}""", path: path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("tokens are refused in URLs", body, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Refuses_other_content_types_with_415(string contentType)
    {
        var (status, body, _) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_chainId"}""", contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal(-32600, ServerHarness.ErrorOf(ServerHarness.Parse(body)).Code);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json-rpc")]
    [InlineData("Application/JSON")]
    public async Task Accepts_json_content_types(string contentType)
    {
        var (status, _, _) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_chainId"}""", contentType: contentType);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Refuses_an_oversized_body_from_its_length_before_reading_it()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _server.Server.HttpUri.Port);
        var stream = client.GetStream();
        var head = "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n{\"jsonrpc\":";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // Only the headers and a few body bytes were sent: the answer must come without the remaining 100 MB.
        var response = await ReadHttpResponseAsync(stream);

        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
        Assert.Contains("request body exceeds", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_an_oversized_chunked_body_once_it_passes_the_limit()
    {
        await using var server = await ServerHarness.StartAsync(new JsonRpcServerOptions { Port = 0, MaxRequestBodyBytes = 64 * 1024 });
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Server.HttpUri.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n[\r\n"));
        var response = ReadHttpResponseAsync(stream);
        var chunk = Encoding.ASCII.GetBytes("4000\r\n" + new string(' ', 0x4000) + "\r\n");

        // Keep sending a body that never ends; the server must answer once the limit is passed.
        for (var sent = 0; sent < 100 && !response.IsCompleted; sent++)
        {
            try
            {
                await stream.WriteAsync(chunk);
            }
            catch (IOException)
            {
                break;
            }
        }

        Assert.StartsWith("HTTP/1.1 413", await response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_a_batch_longer_than_the_limit_with_one_error()
    {
        await using var server = await ServerHarness.StartAsync(limits: new RpcLimits { MaxBatchLength = 2 });
        var element = """{"jsonrpc":"2.0","id":1,"method":"test_chainId"}""";

        var (status, body, _) = await server.PostAsync($"[{element},{element},{element}]");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((-32600, "batch exceeds the limit of 2 requests"), ServerHarness.ErrorOf(ServerHarness.Parse(body)));
    }

    [Fact]
    public async Task Answers_204_when_every_request_is_a_notification()
    {
        var (status, body, _) = await _server.PostAsync("""{"jsonrpc":"2.0","method":"test_notify","params":["x"]}""", _server.Token);

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Empty(body);
        Assert.Equal(1, _server.Module.Notifications);
    }

    [Fact]
    public async Task Answers_405_to_a_get_without_upgrade_and_404_elsewhere()
    {
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _server.Http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Http.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _server.Http.PostAsync("/metrics", null)).StatusCode);
    }

    [Fact]
    public async Task Sends_no_cors_headers_by_default()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"test_chainId"}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", "https://dapp.example");

        var response = await _server.Http.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Allows_configured_origins_only()
    {
        await using var server = await ServerHarness.StartAsync(new JsonRpcServerOptions { Port = 0, CorsAllowedOrigins = ["https://dapp.example"] });

        var allowed = await PreflightAsync(server, "https://dapp.example");
        var refused = await PreflightAsync(server, "https://evil.example");

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("https://dapp.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Authorization", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Fails_closed_when_the_authenticator_throws()
    {
        var logs = new CapturingLoggerProvider();
        var dispatcher = new Nectar.JsonRpc.Dispatch.RpcDispatcherBuilder()
            .AddModule<Nectar.JsonRpc.Testing.ITestRpcModule>(new Nectar.JsonRpc.Testing.TestRpcModule())
            .AddTypeInfoResolver(Nectar.JsonRpc.Testing.TestRpcJsonContext.Default)
            .WithLoggerFactory(logs)
            .Build();
        await using var server = await JsonRpcServer.StartAsync(new JsonRpcServerOptions { Port = 0 }, dispatcher, new ThrowingAuthenticator());
        using var client = new HttpClient { BaseAddress = server.HttpUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"test_whoami"}""", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "token-in-exception");

        var response = await client.SendAsync(request);
        var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Authorization", "Bearer token-in-exception");
        await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => socket.ConnectAsync(server.WebSocketUri, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
        Assert.True(logs.AnyContains("InvalidOperationException"));
        Assert.False(logs.AnyContains("token-in-exception"));
    }

    [Fact]
    public async Task Never_logs_tokens_bodies_or_parameters()
    {
        const string secretParameter = "blood-type-AB-negative";
        await _server.PostAsync($$"""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["{{secretParameter}}"]}""", _server.Token);
        await _server.PostAsync($$"""{"jsonrpc":"2.0","id":1,"method":"test_crash","params":["{{secretParameter}}"]}""", _server.Token);
        await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_whoami"}""", "forged-token-value-123");
        await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_chainId"}""", path: "/?access_token=query-secret");
        using var socket = await _server.ConnectAsync(_server.Token);
        await socket.CallAsync("test_echo", $"[\"{secretParameter}\"]");
        await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);

        await Eventually.True(() => _server.Logs.AnyContains("test_echo"), "the request log");
        Assert.False(_server.Logs.AnyContains(_server.Token));
        Assert.False(_server.Logs.AnyContains("forged-token-value-123"));
        Assert.False(_server.Logs.AnyContains("query-secret"));
        Assert.False(_server.Logs.AnyContains(secretParameter));
        Assert.False(_server.Logs.AnyContains(ServerHarness.Alice.ToString()));
    }

    private static async Task<HttpResponseMessage> PreflightAsync(ServerHarness server, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await server.Http.SendAsync(request);
    }

    private static async Task<string> ReadHttpResponseAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(10_000);
        var buffer = new byte[4096];
        var text = new StringBuilder();
        while (true)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, timeout.Token);
            }
            catch (IOException)
            {
                return text.ToString();
            }

            if (read == 0)
            {
                return text.ToString();
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
            var all = text.ToString();
            var headerEnd = all.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headerEnd >= 0 && all.Contains("}}", StringComparison.Ordinal))
            {
                return all;
            }
        }
    }

    private sealed class ThrowingAuthenticator : Nectar.JsonRpc.Authentication.IRpcAuthenticator
    {
        public event EventHandler<Nectar.JsonRpc.Authentication.RpcSessionEndedEventArgs>? SessionEnded
        {
            add { }
            remove { }
        }

        public ValueTask<Nectar.JsonRpc.Authentication.RpcAuthenticationResult> AuthenticateAsync(string token, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("session store down while checking " + token);
    }
}
