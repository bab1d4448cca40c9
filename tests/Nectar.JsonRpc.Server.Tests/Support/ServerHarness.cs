using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Server.Health;
using Nectar.JsonRpc.Server.Metrics;
using Nectar.JsonRpc.Subscriptions;
using Nectar.JsonRpc.Testing;

namespace Nectar.JsonRpc.Server.Tests.Support;

/// <summary>A server on 127.0.0.1 port 0 over the test module, with an HTTP client and WebSocket helpers.</summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    public static readonly Address Alice = Address.Parse("0x00000000000000000000000000000000000a11ce");

    private ServerHarness(JsonRpcServer server, TestRpcModule module, TestTickSource ticks, InMemoryRpcAuthenticator authenticator, CapturingLoggerProvider logs)
    {
        Server = server;
        Module = module;
        Ticks = ticks;
        Authenticator = authenticator;
        Logs = logs;
        (Token, SessionId) = authenticator.Issue(Alice, TimeSpan.FromHours(1));
        Http = new HttpClient { BaseAddress = server.HttpUri };
    }

    public JsonRpcServer Server { get; }

    public TestRpcModule Module { get; }

    public TestTickSource Ticks { get; }

    public InMemoryRpcAuthenticator Authenticator { get; }

    public CapturingLoggerProvider Logs { get; }

    public HttpClient Http { get; }

    public string Token { get; }

    public string SessionId { get; }

    public static async Task<ServerHarness> StartAsync(
        JsonRpcServerOptions? options = null,
        RpcLimits? limits = null,
        RpcConnectionOptions? connectionOptions = null,
        IRpcHealthProbe? health = null,
        IReadOnlyList<IMetricsSource>? metricsSources = null)
    {
        var logs = new CapturingLoggerProvider();
        var module = new TestRpcModule();
        var ticks = new TestTickSource();
        var authenticator = new InMemoryRpcAuthenticator();
        var dispatcher = new RpcDispatcherBuilder()
            .AddModule<ITestRpcModule>(module)
            .AddTypeInfoResolver(TestRpcJsonContext.Default)
            .AddSubscriptionSource(ticks)
            .WithLimits(limits ?? RpcLimits.Default)
            .WithConnectionOptions(connectionOptions ?? RpcConnectionOptions.Default)
            .WithLoggerFactory(logs)
            .Build();
        var server = await JsonRpcServer.StartAsync(options ?? new JsonRpcServerOptions { Port = 0 }, dispatcher, authenticator, health, metricsSources);
        return new ServerHarness(server, module, ticks, authenticator, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    public async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> PostAsync(string body, string? token = null, string contentType = "application/json", string path = "/")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public async Task<JsonElement> CallAsync(string method, string paramsJson = "[]", string? token = null)
    {
        var (_, body, _) = await PostAsync($$"""{"jsonrpc":"2.0","id":1,"method":"{{method}}","params":{{paramsJson}}}""", token);
        return Parse(body);
    }

    public async Task<ClientWebSocket> ConnectAsync(string? token = null, params string[] subprotocols)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (token is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        }

        foreach (var protocol in subprotocols)
        {
            socket.Options.AddSubProtocol(protocol);
        }

        await socket.ConnectAsync(Server.WebSocketUri, CancellationToken.None);
        return socket;
    }

    public static JsonElement Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static (int Code, string Message) ErrorOf(JsonElement response)
    {
        var error = response.GetProperty("error");
        return (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!);
    }
}
