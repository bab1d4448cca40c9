using System.Text;
using System.Text.Json;
using Nectar.JsonRpc.Dispatch;
using Nectar.JsonRpc.Logs;
using Nectar.Privacy.Access;

namespace Nectar.JsonRpc.Tests.Logs.Support;

/// <summary>
/// A dispatcher over a <see cref="TestChain"/> with the log module registered (and whatever else a spec adds), plus
/// call contexts for the test accounts: Alice, Bob and Carol are plain users, Dave is an auditor.
/// </summary>
internal sealed class ChainRpc
{
    public ChainRpc(TestChain? chain = null, LogQueryOptions? limits = null, Action<RpcDispatcherBuilder>? configure = null, IReadAuthorizer? authorizer = null)
    {
        Chain = chain ?? new TestChain();
        Authorizer = authorizer ?? DefaultReadAuthorizer.Instance;
        var builder = new RpcDispatcherBuilder()
            .AddModule<ILogsRpcModule>(new LogsRpcModule(Chain, Authorizer, limits))
            .AddTypeInfoResolver(LogsJsonContext.Default);
        configure?.Invoke(builder);
        Dispatcher = builder.Build();
    }

    public TestChain Chain { get; }

    public IReadAuthorizer Authorizer { get; }

    public RpcDispatcher Dispatcher { get; }

    public static RpcCallContext As(TestKey key, string? session = null, params string[] roles) =>
        new(RpcTransportKind.InProcess, Principal(key, session, roles));

    public static RpcPrincipal Principal(TestKey key, string? session = null, params string[] roles) =>
        new(key.Address, session ?? "sid_" + key.Address, DateTimeOffset.UtcNow.AddHours(1)) { Roles = roles };

    public static RpcCallContext Auditor(string? session = null) => As(TestKey.Dave, session, RoleNames.User, RoleNames.Auditor);

    public static RpcCallContext Anonymous() => new(RpcTransportKind.InProcess);

    public async Task<JsonElement> CallAsync(string method, string paramsJson, RpcCallContext context)
    {
        using var output = new RpcBufferWriter(256);
        var payload = Encoding.UTF8.GetBytes($$"""{"jsonrpc":"2.0","id":1,"method":"{{method}}","params":{{paramsJson}}}""");
        await Dispatcher.DispatchAsync(payload, context, output);
        using var document = JsonDocument.Parse(output.WrittenMemory);
        return document.RootElement.Clone();
    }

    public async Task<JsonElement> ResultAsync(string method, string paramsJson, RpcCallContext context)
    {
        var response = await CallAsync(method, paramsJson, context);
        Assert.True(response.TryGetProperty("result", out var result), "expected a result, got " + response);
        return result;
    }

    public async Task<(int Code, string Message)> ErrorAsync(string method, string paramsJson, RpcCallContext context)
    {
        var response = await CallAsync(method, paramsJson, context);
        Assert.True(response.TryGetProperty("error", out var error), "expected an error, got " + response);
        return (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!);
    }

    public static string Hex(ulong value) => "0x" + value.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
}
