using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Nectar.Core.Primitives;
using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Subscriptions;
using Nectar.JsonRpc.Testing;

namespace Nectar.JsonRpc.Tests.Support;

/// <summary>A dispatcher over the test module, with helpers to send JSON text and read the answer.</summary>
internal sealed class RpcHarness
{
    public static readonly Address Alice = Address.Parse("0x00000000000000000000000000000000000a11ce");

    public RpcHarness(RpcLimits? limits = null, RpcConnectionOptions? connectionOptions = null, ILoggerFactory? loggerFactory = null)
    {
        var builder = new RpcDispatcherBuilder()
            .AddModule<ITestRpcModule>(Module)
            .AddTypeInfoResolver(TestRpcJsonContext.Default)
            .AddSubscriptionSource(Ticks)
            .WithLimits(limits ?? RpcLimits.Default)
            .WithConnectionOptions(connectionOptions ?? RpcConnectionOptions.Default);
        if (loggerFactory is not null)
        {
            builder.WithLoggerFactory(loggerFactory);
        }

        Dispatcher = builder.Build();
        var (token, sessionId) = Authenticator.Issue(Alice, TimeSpan.FromHours(1));
        Token = token;
        SessionId = sessionId;
    }

    public TestRpcModule Module { get; } = new(chainId: 1337);

    public TestTickSource Ticks { get; } = new();

    public InMemoryRpcAuthenticator Authenticator { get; } = new();

    public RpcDispatcher Dispatcher { get; }

    public string Token { get; }

    public string SessionId { get; }

    public RpcCallContext Anonymous() => new(RpcTransportKind.InProcess);

    public RpcCallContext Authenticated() =>
        new(RpcTransportKind.InProcess, new RpcPrincipal(Alice, SessionId, DateTimeOffset.UtcNow.AddHours(1)));

    /// <summary>Sends a payload as an authenticated caller; returns the response text, or null when there is none.</summary>
    public async Task<string?> SendAsync(string payload, RpcCallContext? context = null) =>
        (await SendWithResultAsync(payload, context)).Response;

    public async Task<(string? Response, RpcDispatchResult Result)> SendWithResultAsync(string payload, RpcCallContext? context = null) =>
        await SendBytesAsync(Encoding.UTF8.GetBytes(payload), context);

    public async Task<(string? Response, RpcDispatchResult Result)> SendBytesAsync(byte[] payload, RpcCallContext? context = null)
    {
        using var output = new RpcBufferWriter(256);
        var result = await Dispatcher.DispatchAsync(payload, context ?? Authenticated(), output);
        Assert.Equal(result.HasResponse, output.WrittenCount > 0);
        return (result.HasResponse ? Encoding.UTF8.GetString(output.WrittenSpan) : null, result);
    }

    /// <summary>Sends one request and parses the answer.</summary>
    public async Task<JsonElement> CallAsync(string method, string paramsJson = "[]", RpcCallContext? context = null)
    {
        var response = await SendAsync($$"""{"jsonrpc":"2.0","id":7,"method":"{{method}}","params":{{paramsJson}}}""", context);
        Assert.NotNull(response);
        using var document = JsonDocument.Parse(response);
        return document.RootElement.Clone();
    }

    public static (int Code, string Message) ErrorOf(JsonElement response)
    {
        Assert.True(response.TryGetProperty("error", out var error), "expected an error, got " + response);
        Assert.False(response.TryGetProperty("result", out _));
        return (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!);
    }

    public static (int Code, string Message) ErrorOf(string response)
    {
        using var document = JsonDocument.Parse(response);
        return ErrorOf(document.RootElement);
    }

    public static JsonElement ResultOf(JsonElement response)
    {
        Assert.True(response.TryGetProperty("result", out var result), "expected a result, got " + response);
        Assert.False(response.TryGetProperty("error", out _));
        return result;
    }
}
